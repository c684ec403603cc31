// Retention read off one chunk's grid: where the honest emission ratio E_H equals the honest stake S_H
// (docs/consensus.md, "Retention graphs"). Grids are row-major by (h, c), both axes from 1 down to 0.
import { selfWeightGrid } from "./guaranteeChunks.js";

/**
 * The smallest honest self-weight on the grid at which E_H ≥ S_H for every cabal self-weight, or null
 * when there is none (issue 9: `retention.csv`, column honest_utility_needed).
 */
export function honestUtilityNeeded(ratios: Float64Array, samples: number, honestStake: number): number | null {
  const grid = selfWeightGrid(samples);
  let best: number | null = null;
  for (let h = 0; h < samples; h++) {
    let retains = true;
    for (let c = 0; c < samples && retains; c++) retains = ratios[h * samples + c] >= honestStake;
    if (retains && (best === null || grid[h] < best)) best = grid[h];
  }
  return best;
}

/** One straight piece of a contour line, in (honest self-weight, cabal self-weight) coordinates. */
export interface ContourSegment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The level-`level` contour of the grid by marching squares with linear interpolation along cell edges
 * (x = honest self-weight, y = cabal self-weight). A value equal to the level counts as above it;
 * saddle cells are resolved by the mean of their four corners. Segments come in cell order.
 */
export function contourSegments(ratios: Float64Array, samples: number, level: number): ContourSegment[] {
  const g = selfWeightGrid(samples);
  const out: ContourSegment[] = [];
  const at = (h: number, c: number) => ratios[h * samples + c];
  for (let h = 0; h + 1 < samples; h++) {
    for (let c = 0; c + 1 < samples; c++) {
      // corners counter-clockwise in (x, y): (h, c), (h+1, c), (h+1, c+1), (h, c+1)
      const hs = [h, h + 1, h + 1, h];
      const cs = [c, c, c + 1, c + 1];
      const v = hs.map((hh, k) => at(hh, cs[k]));
      const above = v.map((x) => x >= level);
      const crossings: [number, number][] = [];
      for (let k = 0; k < 4; k++) {
        const k2 = (k + 1) % 4;
        if (above[k] === above[k2]) continue;
        const t = (level - v[k]) / (v[k2] - v[k]);
        crossings.push([g[hs[k]] + t * (g[hs[k2]] - g[hs[k]]), g[cs[k]] + t * (g[cs[k2]] - g[cs[k]])]);
      }
      if (crossings.length === 2) {
        out.push(segment(crossings[0], crossings[1]));
      } else if (crossings.length === 4) {
        // saddle: edges 0-1, 1-2, 2-3, 3-0 crossed; pair them so the centre's side is kept connected
        const centreAbove = (v[0] + v[1] + v[2] + v[3]) / 4 >= level;
        if (centreAbove === above[0]) {
          out.push(segment(crossings[0], crossings[1]), segment(crossings[2], crossings[3]));
        } else {
          out.push(segment(crossings[3], crossings[0]), segment(crossings[1], crossings[2]));
        }
      }
    }
  }
  return out;
}

function segment(a: [number, number], b: [number, number]): ContourSegment {
  return { x1: a[0], y1: a[1], x2: b[0], y2: b[1] };
}
