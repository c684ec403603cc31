// Yuma3's total bonds per validator in exact mode: D_i = Σ_j I_j · (EMA_ij / Σ_k EMA_kj), every quotient and
// product floored. chain: run_epoch.rs::epoch_mechanism — matmul_transpose_sparse(inplace_col_normalize_sparse(
// ema_bonds), incentive) — the same arithmetic as sparseOps.matmulTransposeColNormalized in exact mode, with
// the cases that add 0 skipped and the column data read once per entry.

import type { Csr } from "./csr.js";
import { divFloorExact, mulFloor, ONE } from "../fixed/i32f32.js";

const EPS = 1 / 65536;

/**
 * `colSum`: M's column sums; `recip`: scratch for 2^32 / colSum. Every entry is in [0, colSum_j], so each
 * quotient estimate is below 2^33 and its floor is exact whenever its fraction is 2^-16 away from an integer.
 */
export function bondTotalsExact(m: Csr, n: number, incentive: Float64Array, colSum: Float64Array, recip: Float64Array, out: Float64Array): void {
  for (let j = 0; j < n; j++) recip[j] = incentive[j] === 0 ? 0 : ONE / colSum[j]; // 0: the column adds nothing
  const { rowPtr, col, val } = m;
  for (let i = 0; i < m.rows; i++) {
    let acc = 0; // integers below 2^53: the sum is exact in any order
    for (let e = rowPtr[i], end = rowPtr[i + 1]; e < end; e++) {
      const j = col[e];
      const r = recip[j];
      const w = val[e];
      if (r === 0 || w === 0) continue; // I_j = 0 or EMA_ij = 0: the term is 0 (colSum_j > 0 when w > 0)
      const t = w * r;
      let q = Math.floor(t);
      const f = t - q;
      if (f < EPS || f > 1 - EPS) q = divFloorExact(w, colSum[j]);
      acc += mulFloor(incentive[j], q);
    }
    out[i] = acc;
  }
}
