// Sparse matrix kernels of the bond step. chain: epoch/math.rs (names kept in camelCase).
// Each kernel branches once on the arithmetic mode and runs a specialised loop (no per-entry indirection).

import type { EpochArith } from "./arith.js";
import type { Csr } from "./csr.js";
import type { EpochScratch } from "./scratch.js";
import { divFloorRecip, mulFloor, mulFloorSigned, ONE } from "../fixed/i32f32.js";

/** Column sums of m into scratch.colAcc (first n) and 2^32 / sum into scratch.colRecip. */
export function colSums(m: Csr, n: number, scratch: EpochScratch): Float64Array {
  const sums = scratch.colAcc;
  const { col, val, nnz } = m;
  sums.fill(0, 0, n);
  for (let e = 0; e < nnz; e++) sums[col[e]] += val[e];
  const recip = scratch.colRecip;
  for (let j = 0; j < n; j++) recip[j] = ONE / sums[j];
  return sums;
}

/** Each entry divided by its column sum, columns with sum 0 untouched. chain: inplace_col_normalize_sparse */
export function inplaceColNormalizeSparse(m: Csr, n: number, arith: EpochArith, scratch: EpochScratch): void {
  const sums = colSums(m, n, scratch);
  divideByColumn(m, sums, arith, scratch);
}

/** val[e] = val[e] / d[col[e]] for entries with v != 0 and d != 0. */
function divideByColumn(m: Csr, d: Float64Array, arith: EpochArith, scratch: EpochScratch): void {
  const { col, val, nnz } = m;
  if (arith.name === "exact") {
    const recip = scratch.colRecip;
    for (let e = 0; e < nnz; e++) {
      const j = col[e];
      const v = val[e];
      if (v !== 0 && d[j] !== 0) val[e] = divFloorRecip(v, d[j], recip[j]);
    }
  } else {
    for (let e = 0; e < nnz; e++) {
      const dj = d[col[e]];
      const v = val[e];
      if (dj !== 0 && v !== 0) val[e] = (v / dj) * ONE;
    }
  }
}

/** Each entry divided by its column maximum. chain: inplace_col_max_upscale_sparse */
export function inplaceColMaxUpscaleSparse(m: Csr, n: number, arith: EpochArith, scratch: EpochScratch): void {
  const max = scratch.colAcc;
  const recip = scratch.colRecip;
  const { col, val, nnz } = m;
  max.fill(0, 0, n);
  for (let e = 0; e < nnz; e++) if (max[col[e]] < val[e]) max[col[e]] = val[e];
  for (let j = 0; j < n; j++) recip[j] = ONE / max[j];
  const exact = arith.name === "exact";
  for (let e = 0; e < nnz; e++) {
    const j = col[e];
    const d = max[j];
    const v = val[e];
    if (d === 0 || v === 0) continue;
    if (v === d) val[e] = ONE; // x / x == 1 exactly
    else val[e] = exact ? divFloorRecip(v, d, recip[j]) : (v / d) * ONE;
  }
}

/** ΔB_ij = Wb_ij · A_i. chain: row_hadamard_sparse */
export function rowHadamardSparse(m: Csr, v: Float64Array, arith: EpochArith, out: Csr): void {
  out.copyFrom(m);
  const { rowPtr, val } = out;
  const exact = arith.name === "exact";
  for (let i = 0; i < m.rows; i++) {
    const s = v[i];
    const end = rowPtr[i + 1];
    if (exact) for (let e = rowPtr[i]; e < end; e++) val[e] = mulFloor(val[e], s);
    else for (let e = rowPtr[i]; e < end; e++) val[e] = (val[e] * s) / ONE;
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
  const exact = arith.name === "exact";
  for (let i = 0; i < n; i++) {
    if (rowAscending(newM, i) && rowAscending(oldM, i)) mergeRowEma(newM, oldM, i, alpha, oneMinusAlpha, exact, out);
    else scatterRowEma(newM, oldM, i, alpha, oneMinusAlpha, exact, scratch, out);
    out.endRow(i);
  }
}

/** Both rows sorted by column: a linear merge gives the union in column order. */
function mergeRowEma(newM: Csr, oldM: Csr, i: number, alpha: number, oneMinusAlpha: number, exact: boolean, out: Csr): void {
  let a = newM.rowPtr[i];
  const aEnd = newM.rowPtr[i + 1];
  let b = oldM.rowPtr[i];
  const bEnd = oldM.rowPtr[i + 1];
  const ac = newM.col;
  const av = newM.val;
  const bc = oldM.col;
  const bv = oldM.val;
  const oc = out.col;
  const ov = out.val;
  let k = out.nnz;
  while (a < aEnd || b < bEnd) {
    const ja = a < aEnd ? ac[a] : 2147483647;
    const jb = b < bEnd ? bc[b] : 2147483647;
    let v = 0;
    if (exact) {
      if (ja <= jb) v += mulFloorSigned(alpha, av[a++]);
      if (jb <= ja) v += mulFloorSigned(oneMinusAlpha, bv[b++]);
    } else {
      if (ja <= jb) v += (alpha * av[a++]) / ONE;
      if (jb <= ja) v += (oneMinusAlpha * bv[b++]) / ONE;
    }
    if (v > 0) { oc[k] = ja <= jb ? ja : jb; ov[k++] = v; }
  }
  out.nnz = k;
}

/** General rows: accumulate densely, then emit the touched columns in ascending order. */
function scatterRowEma(
  newM: Csr, oldM: Csr, i: number, alpha: number, oneMinusAlpha: number, exact: boolean, scratch: EpochScratch, out: Csr,
): void {
  const acc = scratch.denseRow;
  const mark = scratch.denseMark;
  const cols = scratch.order;
  const gen = scratch.nextGeneration();
  let k = 0;
  for (let e = newM.rowPtr[i]; e < newM.rowPtr[i + 1]; e++) {
    const j = newM.col[e];
    if (mark[j] !== gen) { mark[j] = gen; acc[j] = 0; cols[k++] = j; }
    acc[j] += exact ? mulFloorSigned(alpha, newM.val[e]) : (alpha * newM.val[e]) / ONE;
  }
  for (let e = oldM.rowPtr[i]; e < oldM.rowPtr[i + 1]; e++) {
    const j = oldM.col[e];
    if (mark[j] !== gen) { mark[j] = gen; acc[j] = 0; cols[k++] = j; }
    acc[j] += exact ? mulFloorSigned(oneMinusAlpha, oldM.val[e]) : (oneMinusAlpha * oldM.val[e]) / ONE;
  }
  if (k > 1) cols.subarray(0, k).sort();
  for (let t = 0; t < k; t++) {
    const j = cols[t];
    if (acc[j] > 0) out.push(j, acc[j]);
  }
}

/** True when row i's columns are strictly ascending. */
export function rowAscending(m: Csr, i: number): boolean {
  const col = m.col;
  for (let e = m.rowPtr[i] + 1, end = m.rowPtr[i + 1]; e < end; e++) if (col[e] <= col[e - 1]) return false;
  return true;
}

/** True when the first k entries are strictly ascending. */
export function isAscending(a: Int32Array, k: number): boolean {
  for (let t = 1; t < k; t++) if (a[t] <= a[t - 1]) return false;
  return true;
}

/** D_i = Σ_j I_j · M_ij. chain: matmul_transpose_sparse (classic) and row_sum(mat_vec_mul_sparse) (Yuma3). */
export function matmulTransposeSparse(m: Csr, v: Float64Array, arith: EpochArith, out: Float64Array): void {
  const { rowPtr, col, val } = m;
  const exact = arith.name === "exact";
  for (let i = 0; i < m.rows; i++) {
    let acc = 0;
    const end = rowPtr[i + 1];
    if (exact) for (let e = rowPtr[i]; e < end; e++) acc += mulFloor(v[col[e]], val[e]);
    else for (let e = rowPtr[i]; e < end; e++) acc += (v[col[e]] * val[e]) / ONE;
    out[i] = acc;
  }
}

/**
 * matmul_transpose_sparse(inplace_col_normalize_sparse(M), v) without writing the normalised copy:
 * D_i = Σ_j v_j · (M_ij / Σ_k M_kj) (Yuma3's total bonds per validator; M keeps its values).
 * `sumsReady`: scratch.colAcc already holds M's column sums (summed in row order).
 */
export function matmulTransposeColNormalized(
  m: Csr, n: number, v: Float64Array, arith: EpochArith, scratch: EpochScratch, out: Float64Array, sumsReady = false,
): void {
  const d = sumsReady ? scratch.colAcc : colSums(m, n, scratch);
  const recip = scratch.colRecip;
  if (sumsReady) for (let j = 0; j < n; j++) recip[j] = ONE / d[j];
  const { rowPtr, col, val } = m;
  const exact = arith.name === "exact";
  for (let i = 0; i < m.rows; i++) {
    let acc = 0;
    const end = rowPtr[i + 1];
    for (let e = rowPtr[i]; e < end; e++) {
      const j = col[e];
      const x = v[j];
      if (x === 0) continue; // 0 · anything is 0 in both modes
      let w = val[e];
      const dj = d[j];
      if (exact) {
        if (w !== 0 && dj !== 0) w = divFloorRecip(w, dj, recip[j]);
        acc += mulFloor(x, w);
      } else {
        if (w !== 0 && dj !== 0) w = (w / dj) * ONE;
        acc += (x * w) / ONE;
      }
    }
    out[i] = acc;
  }
}

/** How loadBonds turns a stored u16: as is (classic), or as a proportion u / 65535 (Yuma3, exact or float). */
export type BondValue = 0 | 1 | 2;
export const BOND_RAW = 0;
export const BOND_PROPORTION_EXACT = 1;
export const BOND_PROPORTION_FLOAT = 2;

/** Drop bond entries towards uids registered since the last epoch. chain: scalar_vec_mask_sparse_matrix */
export function loadBonds(
  rowPtr: Int32Array, col: Int32Array, val: Uint16Array, n: number, lastTempo: number,
  blockAtRegistration: Float64Array, kind: BondValue, out: Csr,
): void {
  out.reset(n, rowPtr[n]);
  const outPtr = out.rowPtr;
  const oc = out.col;
  const ov = out.val;
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let e = rowPtr[i], end = rowPtr[i + 1]; e < end; e++) {
      const j = col[e];
      if (lastTempo <= blockAtRegistration[j]) continue;
      const u = val[e];
      oc[k] = j;
      // I32F32(u) / I32F32(65535) = u·65537 + floor(u / 65535), since 2^32 = 65535·65537 + 1
      ov[k++] = kind === BOND_RAW ? u : kind === BOND_PROPORTION_EXACT ? u * 65537 + (u === 65535 ? 1 : 0) : (u / 65535) * ONE;
    }
    outPtr[i + 1] = k;
  }
  out.nnz = k;
}
