import { describe, expect, it } from "vitest";
import { contourSegments, honestUtilityNeeded } from "./retention.js";
import { selfWeightGrid } from "./guaranteeChunks.js";

/** A grid (h, c) from a function of (W_H, W_C). */
function gridOf(samples: number, f: (wH: number, wC: number) => number): Float64Array {
  const g = selfWeightGrid(samples);
  const out = new Float64Array(samples * samples);
  for (let h = 0; h < samples; h++) for (let c = 0; c < samples; c++) out[h * samples + c] = f(g[h], g[c]);
  return out;
}

describe("honestUtilityNeeded", () => {
  it("is the smallest W_H whose whole column of cabal self-weights reaches the stake", () => {
    // E_H = W_H − 0.1·W_C: at S_H = 0.5, W_H must reach 0.6 (worst case W_C = 1)
    const g = gridOf(11, (wH, wC) => wH - 0.1 * wC);
    expect(honestUtilityNeeded(g, 11, 0.5)).toBeCloseTo(0.6, 12);
  });
  it("is null when no honest self-weight retains the stake", () => {
    expect(honestUtilityNeeded(gridOf(6, () => 0.4), 6, 0.5)).toBeNull();
  });
  it("counts equality as retention", () => {
    expect(honestUtilityNeeded(gridOf(6, () => 0.5), 6, 0.5)).toBe(0);
  });
});

describe("contourSegments", () => {
  it("traces a straight line through a linear field", () => {
    // E = W_H: the 0.55 contour is the vertical line W_H = 0.55
    const segs = contourSegments(gridOf(11, (wH) => wH), 11, 0.55);
    expect(segs.length).toBe(10);
    for (const s of segs) {
      expect(s.x1).toBeCloseTo(0.55, 12);
      expect(s.x2).toBeCloseTo(0.55, 12);
    }
    const ys = segs.flatMap((s) => [s.y1, s.y2]);
    expect(Math.min(...ys)).toBeCloseTo(0, 12);
    expect(Math.max(...ys)).toBeCloseTo(1, 12);
  });
  it("gives two segments in a saddle cell and none in a flat field", () => {
    const saddle = Float64Array.from([1, 0, 0, 1]); // 2 × 2 grid
    expect(contourSegments(saddle, 2, 0.5).length).toBe(2);
    expect(contourSegments(new Float64Array(9).fill(0.3), 3, 0.5)).toEqual([]);
  });
});
