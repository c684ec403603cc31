// Clipping, validator trust, ranks and incentive.
// chain: epoch/math.rs::col_clip_sparse, row_sum_sparse, matmul_sparse, inplace_normalize.

import type { EpochArith } from "./arith.js";
import type { Csr } from "./csr.js";
import { divFloorRecip, mulFloor, ONE } from "../fixed/i32f32.js";

/** Wc: each weight clipped to its column's consensus; entries clipped to a consensus <= 0 are dropped. */
export function colClipSparse(w: Csr, consensus: Float64Array, out: Csr): void {
  const n = w.rows;
  out.reset(n, w.nnz);
  const { rowPtr, col, val } = w;
  const outPtr = out.rowPtr;
  const oc = out.col;
  const ov = out.val;
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let e = rowPtr[i], end = rowPtr[i + 1]; e < end; e++) {
      const j = col[e];
      const v = val[e];
      const th = consensus[j];
      if (th < v) {
        if (th > 0) { oc[k] = j; ov[k++] = th; }
      } else {
        oc[k] = j;
        ov[k++] = v;
      }
    }
    outPtr[i + 1] = k;
  }
  out.nnz = k;
}

/**
 * colClipSparse, rowSumSparse and matmulSparse fused into one sweep over W: Wc into `out`, validator trust
 * (row sums of Wc) into `trust`, ranks R_j = Σ_i A_i · Wc_ij into `ranks`. Every sum accumulates in the
 * same row-major order as the separate kernels, so the results are bit-identical to them.
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

/** Row sums (validator trust). */
export function rowSumSparse(m: Csr, out: Float64Array): void {
  const { rowPtr, val } = m;
  for (let i = 0; i < m.rows; i++) {
    let s = 0;
    for (let e = rowPtr[i], end = rowPtr[i + 1]; e < end; e++) s += val[e];
    out[i] = s;
  }
}

/** R_j = Σ_i A_i · Wc_ij (each product floored). chain: matmul_sparse */
export function matmulSparse(m: Csr, stake: Float64Array, arith: EpochArith, out: Float64Array): void {
  out.fill(0, 0, m.rows);
  const { rowPtr, col, val } = m;
  const exact = arith.name === "exact";
  for (let i = 0; i < m.rows; i++) {
    const s = stake[i];
    if (s === 0) continue; // every product is 0
    const end = rowPtr[i + 1];
    if (exact) for (let e = rowPtr[i]; e < end; e++) out[col[e]] += mulFloor(s, val[e]);
    else for (let e = rowPtr[i]; e < end; e++) out[col[e]] += (s * val[e]) / ONE;
  }
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
