// The median's hint: last epoch's consensus g_j as a guess of column j's weighted median, checked from stake
// sums taken in one row-major sweep over W (epochWeights takes them while it builds W), so a column whose
// median did not move, or moved by one place, needs no transposition or selection (weightedMedianCol).
// Exact mode only: integer scores and stakes, every sum exact.

import type { Csr } from "./csr.js";
import type { EpochScratch } from "./scratch.js";

/** Last epoch's consensus and where to accumulate its stake sums while W is built (weightedMedianCol's hint). */
export interface HintSums {
  useStake: Float64Array;
  hint: Float64Array;
  geq: Float64Array; // Σ stake with W_ij >= hint_j
  eq: Float64Array; // Σ stake with W_ij == hint_j
  /** Whether the nearest scores around each hint are tracked too (when last epoch's hints missed). */
  neighbours: boolean;
  above: Float64Array; // min W_ij > hint_j (NO_SCORE_ABOVE: none)
  aboveStake: Float64Array;
  below: Float64Array; // max W_ij < hint_j (−1: none)
  belowStake: Float64Array;
}

// An indicator without a data-dependent branch (a hinted median splits each column about evenly, so a branch
// would be a coin flip): for integers d with |d| < 2^34, (d·2^-34 + 1) | 0 is 1 when d >= 0, else 0 (every
// term is exact). Scores equal to the hint are rare (a branch that is almost never taken).
export const SCALE34 = 2 ** -34;

/** Sentinel above every score (scores are <= 2^32): "no score above the hint seen". */
export const NO_SCORE_ABOVE = 2 ** 33;

/**
 * Per column j, the stake of rows scoring >= hint[j] into scratch.hintGeq and == hint[j] into scratch.hintEq,
 * in one row-major sweep over W (scores absent from W are 0 and count in neither); with `neighbours`, also
 * the nearest scores above and below the hint and their stake (hintAbove…, hintBelow…).
 */
export function accumulateHintSums(w: Csr, useStake: Float64Array, n: number, hint: Float64Array, scratch: EpochScratch, neighbours: boolean): void {
  const h = scratch.hintSums();
  resetHintSums(h, n, neighbours);
  const { rowPtr, col, val } = w;
  for (let i = 0; i < n; i++) {
    const s = useStake[i];
    if (s === 0) continue;
    accumulateHintRow(col, val, rowPtr[i], rowPtr[i + 1], s, hint, h, neighbours);
  }
}

/** Zeroes the sums (and, with `neighbours`, sets the nearest scores to "none") for n columns. */
export function resetHintSums(h: HintSums, n: number, neighbours: boolean): void {
  h.geq.fill(0, 0, n);
  h.eq.fill(0, 0, n);
  h.neighbours = neighbours;
  if (!neighbours) return;
  h.above.fill(NO_SCORE_ABOVE, 0, n);
  h.aboveStake.fill(0, 0, n);
  h.below.fill(-1, 0, n);
  h.belowStake.fill(0, 0, n);
}

/** The same sums for one row of W: entries start..end of `col` / `val`, stake s > 0. */
export function accumulateHintRow(
  col: Int32Array, val: Float64Array, start: number, end: number, s: number, hint: Float64Array, h: HintSums, neighbours: boolean,
): void {
  const { geq, eq, above, aboveStake, below, belowStake } = h;
  for (let e = start; e < end; e++) {
    const j = col[e];
    const v = val[e];
    const g = hint[j];
    geq[j] += s * (((v - g) * SCALE34 + 1) | 0); // hint scores outside [0, 2^32] never verify below
    if (v === g) eq[j] += s;
    if (neighbours) trackNeighbour(above, aboveStake, below, belowStake, j, v, g, s);
  }
}

/**
 * Nearest score above g (min over scores > g) and below g (max over scores < g) in column j, with the stake at
 * each. Which side a score falls is a coin flip, so the side is chosen without a branch: up = v if v > g else
 * 2^33, dn = v if v < g else −1 (integers, every term exact); a new nearest score is rare after a few rows.
 */
export function trackNeighbour(
  above: Float64Array, aboveStake: Float64Array, below: Float64Array, belowStake: Float64Array, j: number, v: number, g: number, s: number,
): void {
  const d = v - g;
  const isAbove = ((d - 1) * SCALE34 + 1) | 0;
  const isBelow = ((-d - 1) * SCALE34 + 1) | 0;
  const up = v + (NO_SCORE_ABOVE - v) * (1 - isAbove);
  const dn = v - (v + 1) * (1 - isBelow);
  const a = above[j];
  if (up <= a) {
    if (up < a) { above[j] = up; aboveStake[j] = s; } else aboveStake[j] += s;
  }
  const b = below[j];
  if (dn >= b) {
    if (dn > b) { below[j] = dn; belowStake[j] = s; } else belowStake[j] += s;
  }
}

/**
 * Settles every column whose hinted score g_j is its median: g_j (> 0) is the median exactly when
 * Σ_{score<g} stake <= minority < Σ_{score<=g} stake (the scores absent from W count as 0 < g), read from the
 * hint sums; g_j = 0 is when 0 <= minority < Σ_{score<=0} stake (the chain's "median is 0" columns). With the
 * nearest scores tracked (a hint that drifted by one place: the usual case when weights move a little, since
 * row normalisation moves every score), the nearest score a above g is the median when
 * Σ_{score<=g} <= minority < Σ_{score<=g} + stake(a), the nearest b below when Σ_{score<g} − stake(b) <= minority
 * < Σ_{score<g}, and 0 when no positive score is below g and 0 <= minority < Σ_{score<g}. Writes out[j] and
 * colOpen[j] = 0 for those, colOpen[j] = 1 for the rest; returns how many are left. Exact mode only (integer
 * scores and stakes, every sum exact).
 */
export function settleByHint(n: number, hint: Float64Array, stakeSum: number, minority: number, scratch: EpochScratch, out: Float64Array): number {
  const h = scratch.hintSums();
  const { geq, eq, above, aboveStake, below, belowStake } = h;
  const neighbours = h.neighbours;
  const open = scratch.colOpen;
  let remaining = 0;
  let missed = 0; // columns whose hint itself was not the median
  for (let j = 0; j < n; j++) {
    const g = hint[j];
    const less = stakeSum - geq[j];
    const lessOrEqual = less + eq[j];
    open[j] = 0;
    missed++;
    if (g > 0 && g <= 4294967296 && Math.floor(g) === g && less <= minority && minority < lessOrEqual) {
      out[j] = g;
      missed--;
    } else if (g === 0 && minority >= 0 && minority < lessOrEqual) {
      // a hint of 0: the absent scores are 0 too, so nothing is below it and Σ_{score<=0} = stakeSum − Σ_{score>0}
      out[j] = 0;
      missed--;
    } else if (neighbours && g >= 0 && g <= 4294967296 && Math.floor(g) === g) {
      const a = above[j];
      const b = below[j];
      if (a < NO_SCORE_ABOVE && lessOrEqual <= minority && minority < lessOrEqual + aboveStake[j]) out[j] = a;
      else if (g > 0 && b > 0 && less - belowStake[j] <= minority && minority < less) out[j] = b;
      else if (g > 0 && b <= 0 && minority >= 0 && minority < less) out[j] = 0;
      else { open[j] = 1; remaining++; }
    } else {
      open[j] = 1;
      remaining++;
    }
  }
  scratch.lastOpenColumns = remaining;
  if (neighbours && 2 * remaining > missed) scratch.neighbourPause = 8; // the nearest scores settled under half
  return remaining;
}
