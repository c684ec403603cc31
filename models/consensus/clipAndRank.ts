// Clipping, validator trust, ranks and incentive.
// chain: epoch/math.rs::col_clip_sparse, row_sum_sparse, matmul_sparse, inplace_normalize.

import type { EpochArith } from "./arith.js";
import type { Csr } from "./csr.js";

/** Wc: each weight clipped to its column's consensus; entries clipped to a consensus <= 0 are dropped. */
export function colClipSparse(w: Csr, consensus: Float64Array, out: Csr): void {
  const n = w.rows;
  out.reset(n, w.nnz);
  for (let i = 0; i < n; i++) {
    for (let e = w.rowPtr[i]; e < w.rowPtr[i + 1]; e++) {
      const j = w.col[e];
      const v = w.val[e];
      const th = consensus[j];
      if (th < v) {
        if (th > 0) out.push(j, th);
      } else {
        out.push(j, v);
      }
    }
    out.endRow(i);
  }
}

/** Row sums (validator trust). */
export function rowSumSparse(m: Csr, out: Float64Array): void {
  for (let i = 0; i < m.rows; i++) {
    let s = 0;
    for (let e = m.rowPtr[i]; e < m.rowPtr[i + 1]; e++) s += m.val[e];
    out[i] = s;
  }
}

/** R_j = Σ_i A_i · Wc_ij (each product floored). chain: matmul_sparse */
export function matmulSparse(m: Csr, stake: Float64Array, arith: EpochArith, out: Float64Array): void {
  out.fill(0, 0, m.rows);
  for (let i = 0; i < m.rows; i++) {
    const s = stake[i];
    for (let e = m.rowPtr[i]; e < m.rowPtr[i + 1]; e++) out[m.col[e]] += arith.mul(s, m.val[e]);
  }
}

/** x / Σx in place, skipped when the sum is 0. chain: epoch/math.rs::inplace_normalize */
export function inplaceNormalize(x: Float64Array, n: number, arith: EpochArith): void {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i];
  if (sum === 0) return;
  for (let i = 0; i < n; i++) x[i] = x[i] === 0 ? 0 : arith.div(x[i], sum);
}

/** x / sum in place, skipped when sum is 0. chain: epoch/math.rs::inplace_normalize_using_sum */
export function inplaceNormalizeUsingSum(x: Float64Array, n: number, sum: number, arith: EpochArith): void {
  if (sum === 0) return;
  for (let i = 0; i < n; i++) x[i] = x[i] === 0 ? 0 : arith.div(x[i], sum);
}
