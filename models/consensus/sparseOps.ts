// Sparse matrix kernels of the bond step. chain: epoch/math.rs (names kept in camelCase).

import type { EpochArith } from "./arith.js";
import type { Csr } from "./csr.js";
import type { EpochScratch } from "./scratch.js";
import { ONE } from "../fixed/i32f32.js";

/** Each entry divided by its column sum, columns with sum 0 untouched. chain: inplace_col_normalize_sparse */
export function inplaceColNormalizeSparse(m: Csr, n: number, arith: EpochArith, scratch: EpochScratch): void {
  const sums = scratch.colAcc;
  const { col, val, nnz } = m;
  sums.fill(0, 0, n);
  for (let e = 0; e < nnz; e++) sums[col[e]] += val[e];
  for (let e = 0; e < nnz; e++) {
    const d = sums[col[e]];
    const v = val[e];
    if (d !== 0 && v !== 0) val[e] = arith.div(v, d);
  }
}

/** Each entry divided by its column maximum. chain: inplace_col_max_upscale_sparse */
export function inplaceColMaxUpscaleSparse(m: Csr, n: number, arith: EpochArith, scratch: EpochScratch): void {
  const max = scratch.colAcc;
  const { col, val, nnz } = m;
  max.fill(0, 0, n);
  for (let e = 0; e < nnz; e++) if (max[col[e]] < val[e]) max[col[e]] = val[e];
  for (let e = 0; e < nnz; e++) {
    const d = max[col[e]];
    const v = val[e];
    if (d !== 0 && v !== 0 && v !== d) val[e] = arith.div(v, d);
    else if (v === d && d !== 0) val[e] = 4294967296; // x / x == 1 exactly
  }
}

/** ΔB_ij = Wb_ij · A_i. chain: row_hadamard_sparse */
export function rowHadamardSparse(m: Csr, v: Float64Array, arith: EpochArith, out: Csr): void {
  out.copyFrom(m);
  for (let i = 0; i < m.rows; i++) {
    const s = v[i];
    for (let e = out.rowPtr[i]; e < out.rowPtr[i + 1]; e++) out.val[e] = arith.mul(out.val[e], s);
  }
}

/**
 * alpha·new + (1 − alpha)·old per cell over the union of both patterns; rows sorted by column, only
 * entries > 0 kept. chain: mat_ema_sparse
 */
export function matEmaSparse(newM: Csr, oldM: Csr, alpha: number, arith: EpochArith, scratch: EpochScratch, out: Csr): void {
  const n = newM.rows;
  const oneMinusAlpha = ONE - alpha;
  out.reset(n, newM.nnz + oldM.nnz);
  for (let i = 0; i < n; i++) {
    if (rowAscending(newM, i) && rowAscending(oldM, i)) mergeRowEma(newM, oldM, i, alpha, oneMinusAlpha, arith, out);
    else scatterRowEma(newM, oldM, i, alpha, oneMinusAlpha, arith, scratch, out);
    out.endRow(i);
  }
}

/** Both rows sorted by column: a linear merge gives the union in column order. */
function mergeRowEma(newM: Csr, oldM: Csr, i: number, alpha: number, oneMinusAlpha: number, arith: EpochArith, out: Csr): void {
  let a = newM.rowPtr[i];
  const aEnd = newM.rowPtr[i + 1];
  let b = oldM.rowPtr[i];
  const bEnd = oldM.rowPtr[i + 1];
  while (a < aEnd || b < bEnd) {
    const ja = a < aEnd ? newM.col[a] : 2147483647;
    const jb = b < bEnd ? oldM.col[b] : 2147483647;
    let v = 0;
    if (ja <= jb) v += arith.mulSigned(alpha, newM.val[a++]);
    if (jb <= ja) v += arith.mulSigned(oneMinusAlpha, oldM.val[b++]);
    if (v > 0) out.push(ja <= jb ? ja : jb, v);
  }
}

/** General rows: accumulate densely, then emit the touched columns in ascending order. */
function scatterRowEma(
  newM: Csr, oldM: Csr, i: number, alpha: number, oneMinusAlpha: number, arith: EpochArith, scratch: EpochScratch, out: Csr,
): void {
  const acc = scratch.denseRow;
  const mark = scratch.denseMark;
  const cols = scratch.order;
  const gen = scratch.nextGeneration();
  let k = 0;
  for (let e = newM.rowPtr[i]; e < newM.rowPtr[i + 1]; e++) {
    const j = newM.col[e];
    if (mark[j] !== gen) { mark[j] = gen; acc[j] = 0; cols[k++] = j; }
    acc[j] += arith.mulSigned(alpha, newM.val[e]);
  }
  for (let e = oldM.rowPtr[i]; e < oldM.rowPtr[i + 1]; e++) {
    const j = oldM.col[e];
    if (mark[j] !== gen) { mark[j] = gen; acc[j] = 0; cols[k++] = j; }
    acc[j] += arith.mulSigned(oneMinusAlpha, oldM.val[e]);
  }
  if (k > 1) cols.subarray(0, k).sort();
  for (let t = 0; t < k; t++) {
    const j = cols[t];
    if (acc[j] > 0) out.push(j, acc[j]);
  }
}

/** True when row i's columns are strictly ascending. */
export function rowAscending(m: Csr, i: number): boolean {
  for (let e = m.rowPtr[i] + 1; e < m.rowPtr[i + 1]; e++) if (m.col[e] <= m.col[e - 1]) return false;
  return true;
}

/** True when the first k entries are strictly ascending. */
export function isAscending(a: Int32Array, k: number): boolean {
  for (let t = 1; t < k; t++) if (a[t] <= a[t - 1]) return false;
  return true;
}

/** D_i = Σ_j I_j · M_ij. chain: matmul_transpose_sparse (classic) and row_sum(mat_vec_mul_sparse) (Yuma3). */
export function matmulTransposeSparse(m: Csr, v: Float64Array, arith: EpochArith, out: Float64Array): void {
  for (let i = 0; i < m.rows; i++) {
    let acc = 0;
    for (let e = m.rowPtr[i]; e < m.rowPtr[i + 1]; e++) acc += arith.mul(v[m.col[e]], m.val[e]);
    out[i] = acc;
  }
}

/** Drop bond entries towards uids registered since the last epoch. chain: scalar_vec_mask_sparse_matrix */
export function loadBonds(
  rowPtr: Int32Array, col: Int32Array, val: Uint16Array, n: number, lastTempo: number,
  blockAtRegistration: Float64Array, toValue: (u: number) => number, out: Csr,
): void {
  out.reset(n, rowPtr[n]);
  for (let i = 0; i < n; i++) {
    for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
      const j = col[e];
      if (lastTempo <= blockAtRegistration[j]) continue;
      out.push(j, toValue(val[e]));
    }
    out.endRow(i);
  }
}
