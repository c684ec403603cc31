// The weight matrix W the epoch uses.
// chain: run_epoch.rs::epoch_mechanism — get_weights_sparse, mask_rows_sparse (no permit),
// mask_diag_sparse[_except_index] (owner keeps its self-weight), vec_mask_sparse_matrix (outdated:
// last_update[i] <= block_at_registration[j]), inplace_row_normalize_sparse.

import type { EpochArith } from "./arith.js";
import type { Csr } from "./csr.js";
import type { EpochInput } from "./types.js";
import { ONE } from "../fixed/i32f32.js";
import { accumulateHintRow, SCALE34, trackNeighbour, type HintSums } from "./medianHint.js";

/**
 * Builds row-normalised W (raw I32F32) into `out`, rows in stored (submission) order; true when every row is
 * sorted by column. With `hintSums` (exact mode), each row's entries also go into the median's hint sums.
 */
export function epochWeights(input: EpochInput, forbid: Uint8Array, arith: EpochArith, out: Csr, hintSums: HintSums | null = null): boolean {
  const { n, weights, lastUpdate, blockAtRegistration } = input;
  const ownerUid = input.ownerUid ?? -1;
  const { rowPtr, col, val } = weights;
  out.reset(n, rowPtr[n]);
  const exact = arith.name === "exact";
  const outPtr = out.rowPtr;
  const oc = out.col;
  const ov = out.val;
  let latestRegistration = -Infinity;
  for (let j = 0; j < n; j++) if (blockAtRegistration[j] > latestRegistration) latestRegistration = blockAtRegistration[j];
  let k = 0;
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const start = k;
    if (!forbid[i]) {
      const lu = lastUpdate[i];
      const self = i === ownerUid ? -1 : i; // the owner keeps its self-weight
      let rowSum = 0; // Σ u16 of kept entries (exact integer)
      let last = -1;
      if (lu > latestRegistration && exact && hintSums !== null) {
        // no entry outdated, exact: sum the kept u16 first, then write each quotient once (and its hint sums)
        const from = rowPtr[i];
        const to = rowPtr[i + 1];
        for (let e = from; e < to; e++) {
          const j = col[e];
          if (j === self) continue;
          rowSum += val[e];
          if (j <= last) sorted = false;
          last = j;
        }
        k = rowSum === 0 ? copyZeros(col, from, to, self, oc, ov, k) : ratioRowHinted(col, val, from, to, self, rowSum, hintSums.useStake[i], hintSums, oc, ov, k);
        outPtr[i + 1] = k;
        continue;
      }
      if (lu > latestRegistration) {
        // no entry of this row is outdated: only the self-weight mask applies
        for (let e = rowPtr[i], end = rowPtr[i + 1]; e < end; e++) {
          const j = col[e];
          if (j === self) continue;
          const v = val[e];
          oc[k] = j;
          ov[k++] = v;
          rowSum += v;
          if (j <= last) sorted = false;
          last = j;
        }
      } else {
        for (let e = rowPtr[i], end = rowPtr[i + 1]; e < end; e++) {
          const j = col[e];
          if (j === self) continue; // self-weight (owner exempt)
          if (lu <= blockAtRegistration[j]) continue; // set before uid j's current occupant registered
          const v = val[e];
          oc[k] = j;
          ov[k++] = v;
          rowSum += v;
          if (j <= last) sorted = false;
          last = j;
        }
      }
      if (rowSum === 0) ov.fill(0, start, k);
      else if (exact) {
        ratioRowExact(ov, start, k, rowSum);
        if (hintSums !== null && hintSums.useStake[i] !== 0) {
          accumulateHintRow(oc, ov, start, k, hintSums.useStake[i], hintSums.hint, hintSums, hintSums.neighbours);
        }
      }
      else for (let t = start; t < k; t++) ov[t] = (ov[t] / rowSum) * ONE;
    }
    outPtr[i + 1] = k;
  }
  out.nnz = k;
  return sorted;
}

/** The row's kept entries (all but `self`) as zeros (a row summing to 0); returns the next output index. */
function copyZeros(col: Int32Array, from: number, to: number, self: number, oc: Int32Array, ov: Float64Array, k: number): number {
  for (let e = from; e < to; e++) {
    const j = col[e];
    if (j === self) continue;
    oc[k] = j;
    ov[k++] = 0;
  }
  return k;
}

/**
 * The row's kept entries (all but `self`) as floor(v·2^32 / sum), as ratioRowExact computes them, written once;
 * with stake s > 0 each quotient also goes into the median's hint sums (accumulateHintRow's arithmetic).
 */
function ratioRowHinted(
  col: Int32Array, val: Uint16Array, from: number, to: number, self: number, sum: number, s: number, h: HintSums,
  oc: Int32Array, ov: Float64Array, k: number,
): number {
  const recip = ONE / sum;
  const { hint, geq, eq, above, aboveStake, below, belowStake } = h;
  const neighbours = h.neighbours && s !== 0; // rows without stake cannot hold the median
  for (let e = from; e < to; e++) {
    const j = col[e];
    if (j === self) continue;
    const v = val[e];
    let q = Math.floor(v * recip);
    const r = v * ONE - q * sum; // exact: both terms < 2^49
    if (r < 0) q--;
    else if (r >= sum) q++;
    oc[k] = j;
    ov[k++] = q;
    const g = hint[j];
    geq[j] += s * (((q - g) * SCALE34 + 1) | 0); // + 0 for every sum when s = 0
    if (q === g) eq[j] += s;
    if (neighbours) trackNeighbour(above, aboveStake, below, belowStake, j, q, g, s);
  }
  return k;
}

/** floor(v·2^32 / sum) for u16 v: a reciprocal estimate, then one exact correction (v·2^32 < 2^48). */
function ratioRowExact(v: Float64Array, start: number, end: number, sum: number): void {
  const recip = ONE / sum;
  for (let t = start; t < end; t++) {
    const x = v[t] * ONE;
    let q = Math.floor(v[t] * recip);
    const r = x - q * sum; // exact: both terms < 2^49
    if (r < 0) q--;
    else if (r >= sum) q++;
    v[t] = q;
  }
}
