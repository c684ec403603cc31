// Clipping, validator trust, ranks and incentive.
// chain: epoch/math.rs::col_clip_sparse, row_sum_sparse, matmul_sparse, inplace_normalize.

import type { EpochArith } from "./arith.js";
import type { Csr } from "./csr.js";
import { divFloorRecip, mulFloor, ONE } from "../fixed/i32f32.js";

/**
 * chain col_clip_sparse, row_sum_sparse and matmul_sparse fused into one sweep over W: Wc (each weight
 * clipped to its column's consensus; entries clipped to a consensus <= 0 dropped) into `out`, validator
 * trust (row sums of Wc) into `trust`, ranks R_j = Σ_i A_i · Wc_ij (each product floored) into `ranks`.
 * Every sum accumulates in the chain's row-major order, so the results equal the three separate kernels.
 */
export function clipTrustRanks(
  w: Csr, consensus: Float64Array, stake: Float64Array, arith: EpochArith, out: Csr, trust: Float64Array, ranks: Float64Array,
): void {
  const n = w.rows;
  out.reset(n, w.nnz);
  ranks.fill(0, 0, n);
  const { rowPtr, col, val } = w;
  const outPtr = out.rowPtr;
  const oc = out.col;
  const ov = out.val;
  const exact = arith.name === "exact";
  let k = 0;
  for (let i = 0; i < n; i++) {
    const s = stake[i];
    let rowSum = 0;
    const end = rowPtr[i + 1];
    for (let e = rowPtr[i]; e < end; e++) {
      const j = col[e];
      const v = val[e];
      const th = consensus[j];
      // min(th, v); exact mode without a data-dependent branch (raw integers <= 2^32: every term is exact).
      // The entry is dropped when clipped to th <= 0 (write it, then keep it or not).
      const c = exact ? (th + v - Math.abs(th - v)) * 0.5 : th < v ? th : v;
      oc[k] = j;
      ov[k] = c;
      if (th > 0 || v <= th) {
        k++;
        rowSum += c;
        if (s !== 0) ranks[j] += exact ? mulFloor(s, c) : (s * c) / ONE;
      }
    }
    trust[i] = rowSum;
    outPtr[i + 1] = k;
  }
  out.nnz = k;
}

/** x / Σx in place, skipped when the sum is 0. chain: epoch/math.rs::inplace_normalize */
export function inplaceNormalize(x: Float64Array, n: number, arith: EpochArith): void {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i];
  inplaceNormalizeUsingSum(x, n, sum, arith);
}

/** x / sum in place, skipped when sum is 0. chain: epoch/math.rs::inplace_normalize_using_sum */
export function inplaceNormalizeUsingSum(x: Float64Array, n: number, sum: number, arith: EpochArith): void {
  if (sum === 0) return;
  if (arith.name === "exact") {
    const recip = ONE / sum;
    for (let i = 0; i < n; i++) if (x[i] !== 0) x[i] = divFloorRecip(x[i], sum, recip);
  } else {
    for (let i = 0; i < n; i++) x[i] = x[i] === 0 ? 0 : arith.div(x[i], sum);
  }
}
