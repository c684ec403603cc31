// Consensus: stake-weighted median of each column. chain: epoch/math.rs::weighted_median_col_sparse + weighted_median.
// The chain's mid-pivot quick-select returns the score v with Σ_{score<v} stake <= minority < Σ_{score<=v} stake
// (exact integer sums), the lowest score when minority < 0 and the highest when minority >= the stake sum.
// We select that same value with our own partitioning; the answer does not depend on the pivot order.

import type { EpochArith } from "./arith.js";
import type { Csr } from "./csr.js";
import type { EpochScratch } from "./scratch.js";

/** Writes C_j (raw I32F32) for every column j < n. `majority` is kappa (raw). */
export function weightedMedianCol(
  activeStake: Float64Array, w: Csr, n: number, majority: number, arith: EpochArith, scratch: EpochScratch, out: Float64Array,
): void {
  out.fill(0, 0, n);
  // use_stake: the positive entries of A, re-normalised (inplace_normalize)
  const useStake = scratch.useStake;
  let posSum = 0;
  let m = 0;
  for (let i = 0; i < n; i++) if (activeStake[i] > 0) { posSum += activeStake[i]; m++; }
  if (m === 0) return;
  let stakeSum = 0;
  for (let i = 0; i < n; i++) {
    const s = activeStake[i] > 0 ? arith.div(activeStake[i], posSum) : 0;
    useStake[i] = s;
    stakeSum += s;
  }
  const minority = stakeSum - majority;
  // Transpose the positive scores of positive-stake rows: colPtr / selScore / selStake.
  const count = scratch.colCount;
  count.fill(0, 0, n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (activeStake[i] <= 0) continue;
    for (let e = w.rowPtr[i]; e < w.rowPtr[i + 1]; e++) if (w.val[e] > 0) { count[w.col[e] + 1]++; total++; }
  }
  scratch.ensureSelection(total);
  const ptr = scratch.colPtr;
  ptr[0] = 0;
  for (let j = 0; j < n; j++) ptr[j + 1] = ptr[j] + count[j + 1];
  for (let j = 0; j < n; j++) count[j] = ptr[j];
  const score = scratch.selScore;
  const stake = scratch.selStake;
  for (let i = 0; i < n; i++) {
    if (activeStake[i] <= 0) continue;
    const s = useStake[i];
    for (let e = w.rowPtr[i]; e < w.rowPtr[i + 1]; e++) {
      const v = w.val[e];
      if (v > 0) { const p = count[w.col[e]]++; score[p] = v; stake[p] = s; }
    }
  }
  for (let j = 0; j < n; j++) {
    const lo = ptr[j];
    const hi = ptr[j + 1];
    const k = hi - lo;
    if (k === 0) continue; // every positive-stake validator scores 0
    const hasZero = k < m;
    let posStake = 0;
    let minScore = Infinity;
    let maxScore = 0;
    for (let p = lo; p < hi; p++) {
      posStake += stake[p];
      if (score[p] < minScore) minScore = score[p];
      if (score[p] > maxScore) maxScore = score[p];
    }
    if (minority < 0) { out[j] = hasZero ? 0 : minScore; continue; }
    const zeroStake = stakeSum - posStake;
    if (hasZero && zeroStake > minority) continue; // median is 0
    const v = selectAbove(score, stake, lo, hi, minority - zeroStake);
    out[j] = v < 0 ? maxScore : v;
  }
}

/** Smallest score v in [lo, hi) with Σ_{score<=v} stake > target, or −1 if none (3-way quick-select, in place). */
function selectAbove(score: Float64Array, stake: Float64Array, lo: number, hi: number, target: number): number {
  let base = 0;
  while (hi > lo) {
    const pivot = score[(lo + hi) >> 1];
    // partition into [lo, lt) < pivot, [lt, gt) == pivot, [gt, hi) > pivot
    let lt = lo;
    let gt = hi;
    let p = lo;
    let sumLess = 0;
    let sumEq = 0;
    while (p < gt) {
      const s = score[p];
      if (s < pivot) {
        sumLess += stake[p];
        swap(score, stake, p, lt);
        lt++;
        p++;
      } else if (s > pivot) {
        gt--;
        swap(score, stake, p, gt);
      } else {
        sumEq += stake[p];
        p++;
      }
    }
    if (base + sumLess > target) {
      hi = lt;
    } else if (base + sumLess + sumEq > target) {
      return pivot;
    } else {
      base += sumLess + sumEq;
      lo = gt;
    }
  }
  return -1;
}

function swap(a: Float64Array, b: Float64Array, i: number, j: number): void {
  const x = a[i]; a[i] = a[j]; a[j] = x;
  const y = b[i]; b[i] = b[j]; b[j] = y;
}
