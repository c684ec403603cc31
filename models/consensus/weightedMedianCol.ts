// Consensus: stake-weighted median of each column. chain: epoch/math.rs::weighted_median_col_sparse + weighted_median.
// The chain's mid-pivot quick-select returns the score v with Σ_{score<v} stake <= minority < Σ_{score<=v} stake
// (exact integer sums), the lowest score when minority < 0 and the highest when minority >= the stake sum.
// We select that same value with our own partitioning; the answer does not depend on the pivot order.
// Row indices are packed below the score, so n must stay below 2^16 (uids are u16).

import type { EpochArith } from "./arith.js";
import type { Csr } from "./csr.js";
import type { EpochScratch } from "./scratch.js";
import { divFloorRecip, ONE } from "../fixed/i32f32.js";
import { accumulateHintSums, settleByHint } from "./medianHint.js";

/**
 * use_stake (the positive entries of A, re-normalised: inplace_normalize) into scratch.useStake; returns its sum.
 * scratch.positiveRows gets the number of rows with A > 0 (0: every use_stake is 0 and every median is 0).
 */
export function prepareUseStake(activeStake: Float64Array, n: number, arith: EpochArith, scratch: EpochScratch): number {
  const useStake = scratch.useStake;
  let posSum = 0;
  let m = 0;
  for (let i = 0; i < n; i++) if (activeStake[i] > 0) { posSum += activeStake[i]; m++; }
  scratch.positiveRows = m;
  scratch.useStakeSum = 0;
  if (m === 0) { useStake.fill(0, 0, n); return 0; }
  let stakeSum = 0;
  const recip = ONE / posSum;
  for (let i = 0; i < n; i++) {
    const a = activeStake[i];
    const s = a <= 0 ? 0 : arith.name === "exact" ? divFloorRecip(a, posSum, recip) : arith.div(a, posSum);
    useStake[i] = s;
    stakeSum += s;
  }
  scratch.useStakeSum = stakeSum;
  return stakeSum;
}

/**
 * Writes C_j (raw I32F32) for every column j < n. `majority` is kappa (raw). `hint` (may be `out` itself,
 * e.g. last epoch's consensus): a guess of each C_j tried first as the pivot; any value gives the same C,
 * a good guess settles a column in one pass. `prepared` (exact mode, with a hint): prepareUseStake has run
 * and the hint's stake sums (scratch.hintGeq / hintEq) were accumulated while W was built (epochWeights).
 * `uniqueColumns`: W's rows are known to hold each column at most once (e.g. sorted rows).
 */
export function weightedMedianCol(
  activeStake: Float64Array, w: Csr, n: number, majority: number, arith: EpochArith, scratch: EpochScratch, out: Float64Array,
  hint: Float64Array | null = null, prepared = false, uniqueColumns = false,
): void {
  if (hint !== out || arith.name === "float") out.fill(0, 0, n);
  const useStake = scratch.useStake;
  const stakeSum = prepared ? scratch.useStakeSum : prepareUseStake(activeStake, n, arith, scratch);
  const m = scratch.positiveRows;
  if (m === 0) { out.fill(0, 0, n); return; }
  const minority = stakeSum - majority;
  if (arith.name === "float") {
    medianColsScored(activeStake, w, n, m, stakeSum, minority, scratch, out);
    return;
  }
  const open = scratch.colOpen;
  if (hint !== null && !prepared) accumulateHintSums(w, useStake, n, hint, scratch, scratch.wantNeighbours(n));
  const remaining = hint === null ? n : settleByHint(n, hint, stakeSum, minority, scratch, out);
  if (remaining === 0) return;
  if (hint === null) open.fill(1, 0, n);
  const keys = uniqueColumns && remaining < n && remaining * m * 2 <= w.nnz
    ? transposeOpenColumns(activeStake, w, n, m, scratch, open)
    : transposePositive(activeStake, w, n, scratch, remaining < n ? open : null);
  const ptr = scratch.colPtr;
  const end = scratch.colCount; // one past each column's last key
  const colStake = scratch.colAcc; // Σ use_stake of each column's positive entries, from the transposition
  for (let j = 0; j < n; j++) {
    if (open[j] === 0) continue; // settled by its hint
    const guess = hint === null ? 0 : Math.floor(hint[j]); // read before out[j] is written (hint may be out)
    out[j] = 0;
    const lo = ptr[j];
    const hi = end[j];
    const k = hi - lo;
    if (k === 0) continue; // every positive-stake validator scores 0
    const hasZero = k < m;
    if (minority < 0) { out[j] = hasZero ? 0 : Math.floor(extremeKey(keys, lo, hi, false) * INV_ROWS); continue; }
    const zeroStake = stakeSum - colStake[j];
    if (hasZero && zeroStake > minority) continue; // median is 0
    const v = selectAbove(keys, useStake, lo, hi, minority - zeroStake, guess);
    out[j] = v < 0 ? Math.floor(extremeKey(keys, lo, hi, true) * INV_ROWS) : v;
  }
}

/** Largest (or smallest) key in [lo, hi). */
function extremeKey(keys: Float64Array, lo: number, hi: number, largest: boolean): number {
  let x = keys[lo];
  for (let p = lo + 1; p < hi; p++) if (largest ? keys[p] > x : keys[p] < x) x = keys[p];
  return x;
}

// Entries are packed as key = score·2^16 + row (score <= 2^32, row < 2^16: key < 2^49, exact), so keys are
// distinct, sort by score then row, and one array moves during selection.
const ROWS = 65536;
const INV_ROWS = 1 / 65536;

/**
 * transposePositive for a few open columns in one sweep: each open column gets a slot of m keys (the rows
 * with positive stake; a row holds a column at most once), so no counting sweep is needed.
 */
function transposeOpenColumns(activeStake: Float64Array, w: Csr, n: number, m: number, scratch: EpochScratch, open: Uint8Array): Float64Array {
  const ptr = scratch.colPtr;
  const cursor = scratch.colCount;
  let slots = 0;
  for (let j = 0; j < n; j++) {
    if (open[j] !== 0) { ptr[j] = slots * m; cursor[j] = ptr[j]; slots++; }
  }
  scratch.ensureSelection(slots * m);
  const keys = scratch.selScore;
  const useStake = scratch.useStake;
  const colStake = scratch.colAcc;
  colStake.fill(0, 0, n);
  const { rowPtr, col, val } = w;
  for (let i = 0; i < n; i++) {
    if (activeStake[i] <= 0) continue;
    const s = useStake[i];
    for (let e = rowPtr[i], end = rowPtr[i + 1]; e < end; e++) {
      const j = col[e];
      if (open[j] !== 0 && val[e] > 0) {
        keys[cursor[j]++] = val[e] * ROWS + i;
        colStake[j] += s;
      }
    }
  }
  return keys;
}

/**
 * Column-major keys of the positive scores of positive-stake rows; column j is keys[colPtr[j]..colCount[j]).
 * With `only`, columns j with only[j] == 0 are left empty.
 */
function transposePositive(activeStake: Float64Array, w: Csr, n: number, scratch: EpochScratch, only: Uint8Array | null): Float64Array {
  const count = scratch.colCount;
  count.fill(0, 0, n + 1);
  const { rowPtr, col, val } = w;
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (activeStake[i] <= 0) continue;
    if (only === null) {
      for (let e = rowPtr[i], end = rowPtr[i + 1]; e < end; e++) if (val[e] > 0) { count[col[e] + 1]++; total++; }
    } else {
      for (let e = rowPtr[i], end = rowPtr[i + 1]; e < end; e++) if (val[e] > 0 && only[col[e]] !== 0) { count[col[e] + 1]++; total++; }
    }
  }
  scratch.ensureSelection(total);
  const ptr = scratch.colPtr;
  ptr[0] = 0;
  for (let j = 0; j < n; j++) ptr[j + 1] = ptr[j] + count[j + 1];
  for (let j = 0; j < n; j++) count[j] = ptr[j];
  const keys = scratch.selScore;
  const useStake = scratch.useStake;
  const colStake = scratch.colAcc;
  colStake.fill(0, 0, n);
  for (let i = 0; i < n; i++) {
    if (activeStake[i] <= 0) continue;
    const s = useStake[i];
    for (let e = rowPtr[i], end = rowPtr[i + 1]; e < end; e++) {
      const v = val[e];
      if (v > 0 && (only === null || only[col[e]] !== 0)) {
        const j = col[e];
        keys[count[j]++] = v * ROWS + i;
        colStake[j] += s;
      }
    }
  }
  return keys;
}

/**
 * Smallest score v in [lo, hi) with Σ_{score<=v} stake > target, or −1 if none: the first key in sorted
 * order whose running stake sum exceeds target (exact integer sums). Quick-select on distinct keys, in place;
 * `guess` (a score; ignored unless in (0, 2^32]) is the first pivot.
 */
function selectAbove(keys: Float64Array, stake: Float64Array, lo: number, hi: number, target: number, guess: number): number {
  if (guess > 0 && guess <= 4294967296 && hi - lo > 12) { // (NaN fails the test)
    // first pivot: the guessed score. One pass splits keys below it and sums the stake below and at it.
    const below = guess * ROWS;
    const above = below + ROWS;
    let mid = lo;
    let sumLess = 0;
    let sumEq = 0;
    for (let p = lo; p < hi; p++) {
      const key = keys[p];
      if (key < below) {
        sumLess += stake[key - Math.floor(key * INV_ROWS) * ROWS];
        keys[p] = keys[mid];
        keys[mid++] = key;
      } else if (key < above) sumEq += stake[key - guess * ROWS];
    }
    if (sumLess > target) hi = mid;
    else if (sumLess + sumEq > target) return guess;
    else { target -= sumLess; lo = mid; }
  }
  while (hi - lo > 12) {
    const a = keys[lo];
    const b = keys[(lo + hi) >> 1];
    const c = keys[hi - 1];
    // median of three distinct keys: both sides of the partition are non-empty
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let mid = lo;
    let sumLess = 0;
    for (let p = lo; p < hi; p++) {
      const key = keys[p];
      if (key < pivot) {
        sumLess += stake[key - Math.floor(key * INV_ROWS) * ROWS];
        keys[p] = keys[mid];
        keys[mid++] = key;
      }
    }
    if (sumLess > target) hi = mid;
    else { target -= sumLess; lo = mid; }
  }
  // insertion sort the rest, then walk it
  for (let p = lo + 1; p < hi; p++) {
    const key = keys[p];
    let q = p - 1;
    while (q >= lo && keys[q] > key) { keys[q + 1] = keys[q]; q--; }
    keys[q + 1] = key;
  }
  let sum = 0;
  for (let p = lo; p < hi; p++) {
    const key = keys[p];
    const score = Math.floor(key * INV_ROWS);
    sum += stake[key - score * ROWS];
    if (sum > target) return score;
  }
  return -1;
}

/** The float mode's columns: scores are not integers, so (score, stake) pairs move together. */
function medianColsScored(
  activeStake: Float64Array, w: Csr, n: number, m: number, stakeSum: number, minority: number, scratch: EpochScratch, out: Float64Array,
): void {
  const useStake = scratch.useStake;
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
    const v = selectAboveScored(score, stake, lo, hi, minority - zeroStake);
    out[j] = v < 0 ? maxScore : v;
  }
}

/** Smallest score v in [lo, hi) with Σ_{score<=v} stake > target, or −1 if none (3-way quick-select, in place). */
function selectAboveScored(score: Float64Array, stake: Float64Array, lo: number, hi: number, target: number): number {
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
