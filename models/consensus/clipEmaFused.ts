// Yuma3 with liquid alpha and the default bonds penalty (β = 1, so Wb = Wc), exact mode: chain col_clip_sparse,
// row_sum_sparse, matmul_sparse (ranks), mat_ema_alpha_sparse and the stored u16 bonds (epoch_mechanism's
// terms.bond) in one sweep over W. Each entry goes through the same operations, and every sum accumulates in
// the same row-major order, as clipTrustRanks → matEmaAlphaSparse → storeBonds; a differential test checks it.
// Applies when every row of W and of the stored bonds is sorted by column: the chain's forward walk then sees
// every entry and the EMA is a plain merge of the two rows.

import type { Csr } from "./csr.js";
import type { EpochScratch } from "./scratch.js";
import type { LiquidAlphaParams } from "./liquidAlpha.js";
import type { AlphaMemo } from "./alphaMemo.js";
import { alphaSigmoidExact } from "./liquidAlpha.js";
import type { SparseU16 } from "./types.js";
import { mulFloor, ONE } from "../fixed/i32f32.js";

/**
 * Per row of W: 1 in `aligned` when B's row has exactly W's columns (in order; the steady state, where last
 * epoch's EMA ran over the same weights), else 0. Returns false when some row of B that is not aligned is not
 * sorted by column (then the fused sweep does not apply). W's rows must be sorted.
 */
export function alignBondRows(w: Csr, bonds: SparseU16, n: number, aligned: Uint8Array): boolean {
  const { rowPtr, col } = w;
  const { rowPtr: bPtr, col: bCol } = bonds;
  for (let i = 0; i < n; i++) {
    const b = bPtr[i];
    const bEnd = bPtr[i + 1];
    if (sameColumns(col, rowPtr[i], rowPtr[i + 1], bCol, b, bEnd)) { aligned[i] = 1; continue; }
    aligned[i] = 0;
    for (let e = b + 1; e < bEnd; e++) if (bCol[e] <= bCol[e - 1]) return false;
  }
  return true;
}

/** Where the fused sweep writes: per-uid vectors, the EMA rows (raw, for the dividends) and the stored u16 rows. */
export interface ClipEmaTargets {
  trust: Float64Array; // Tv: row sums of Wc
  ranks: Float64Array; // R: Σ_i A_i · Wc_ij, before normalisation
  ema: Csr; // the EMA bonds (entries > 0), with their column sums left in scratch.colAcc
  stored: SparseU16; // rowPtr of n + 1, col/val with room for W's entries: rows of permitted uids as u16
}

/**
 * The sweep. `w`: W (rows sorted); `bonds`: the stored bonds, rows aligned with W's or sorted (alignBondRows has
 * filled scratch.rowAligned), entries towards uids registered at or after `lastTempo` masked; `permit`: the new
 * validator permits. Returns the number of stored entries.
 */
export function clipEmaStore(
  w: Csr, consensus: Float64Array, activeStake: Float64Array, bonds: SparseU16, lastTempo: number, blockAtRegistration: Float64Array,
  p: LiquidAlphaParams, permit: Uint8Array, scratch: EpochScratch, t: ClipEmaTargets,
): number {
  const aligned = scratch.rowAligned; // from alignBondRows
  const n = w.rows;
  const { trust, ranks, ema, stored } = t;
  ema.reset(n, w.nnz);
  ranks.fill(0, 0, n);
  const colSum = scratch.colAcc;
  colSum.fill(0, 0, n);
  const memo = scratch.alphaMemo;
  memo.prepare(true, p.low, p.high, p.steepness);
  if (memo.atZero < 0) memo.atZero = alphaSigmoidExact(0, p);
  // With Wb = Wc <= C, w >= b gives combined_diff 0: the alpha at 0 (or low when low == high pins every alpha).
  const constantAlpha = p.low === p.high;
  const a0 = constantAlpha ? p.low : memo.atZero;
  const keep0 = ONE - a0;
  // chain scalar_vec_mask_sparse_matrix: bonds towards uids registered since last_tempo read as absent (0 here)
  const bondMask = scratch.colMask;
  for (let j = 0; j < n; j++) bondMask[j] = lastTempo > blockAtRegistration[j] ? 1 : 0;
  const { rowPtr, col, val } = w;
  const { rowPtr: bPtr, col: bCol, val: bU16 } = bonds;
  const eCol = ema.col;
  const eVal = ema.val;
  const ePtr = ema.rowPtr;
  const sPtr = stored.rowPtr;
  const sCol = stored.col;
  const sVal = stored.val;
  let anyMasked = false;
  for (let j = 0; j < n; j++) if (bondMask[j] === 0) { anyMasked = true; break; }
  let k = 0;
  let ks = 0;
  sPtr[0] = 0;
  for (let i = 0; i < n; i++) {
    const s = activeStake[i];
    const perm = permit[i] !== 0;
    let rowSum = 0;
    let b = bPtr[i];
    const bEnd = bPtr[i + 1];
    const wStart = rowPtr[i];
    const end = rowPtr[i + 1];
    if (!anyMasked && aligned[i] !== 0) {
      // B's row has W's columns (the steady state: last epoch's EMA over the same weights): no merge
      const off = b - wStart;
      for (let e = wStart; e < end; e++) {
        const j = col[e];
        const v = val[e];
        const th = consensus[j];
        if (th <= 0 && v > th) continue; // clipped to a consensus <= 0: not in Wc
        const c = (th + v - Math.abs(th - v)) * 0.5; // min(th, v) without a branch (raw integers <= 2^32: exact)
        rowSum += c;
        ranks[j] += mulFloor(s, c); // + 0 when s = 0
        const bond = proportionExact(bU16[e + off]);
        const x = c >= bond ? emaAtZero(c, bond, a0, keep0) : emaAbove(c, bond, a0, constantAlpha, memo, p);
        if (x > 0) {
          eCol[k] = j;
          eVal[k++] = x;
          colSum[j] += x;
          if (perm) { sCol[ks] = j; sVal[ks++] = Math.floor(x * U16_SCALE); } // fixed_proportion_to_u16, x in (0, 2^32]
        }
      }
    } else {
      for (let e = wStart; e < end; e++) {
        const j = col[e];
        const v = val[e];
        const th = consensus[j];
        if (th <= 0 && v > th) continue;
        const c = (th + v - Math.abs(th - v)) * 0.5;
        rowSum += c;
        ranks[j] += mulFloor(s, c);
        // the merge finds B_ij (0 when absent or masked)
        while (b < bEnd && bCol[b] < j) b++;
        let bond = 0;
        if (b < bEnd && bCol[b] === j && bondMask[j] !== 0) bond = proportionExact(bU16[b]);
        const x = c >= bond ? emaAtZero(c, bond, a0, keep0) : emaAbove(c, bond, a0, constantAlpha, memo, p);
        if (x > 0) {
          eCol[k] = j;
          eVal[k++] = x;
          colSum[j] += x;
          if (perm) { sCol[ks] = j; sVal[ks++] = Math.floor(x * U16_SCALE); }
        }
      }
    }
    trust[i] = rowSum;
    ePtr[i + 1] = k;
    sPtr[i + 1] = ks;
  }
  ema.nnz = k;
  return ks;
}

/** col[a..aEnd) equals col2[b..bEnd) (one branch per row, not per entry). */
function sameColumns(col: Int32Array, a: number, aEnd: number, col2: Int32Array, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  let diff = 0;
  for (let off = b - a; a < aEnd; a++) diff |= col[a] ^ col2[a + off];
  return diff === 0;
}

/** The EMA entry when w >= b: combined_diff is 0 (w <= C), so the alpha is a0 (clamped to 1; non-negative). */
function emaAtZero(c: number, bond: number, a0: number, keep0: number): number {
  const x = mulFloor(keep0, bond) + mulFloor(a0, c);
  return x > ONE ? ONE : x;
}

/** The EMA entry when w < b: alpha from the sigmoid of combined_diff = b − w (memoised). */
function emaAbove(c: number, bond: number, a0: number, constantAlpha: boolean, memo: AlphaMemo, p: LiquidAlphaParams): number {
  let a = a0;
  if (!constantAlpha) {
    const d = bond - c > ONE ? ONE : bond - c; // combined_diff clamped to [0, 1], > 0 here
    a = memo.get(d);
    if (a < 0) { a = alphaSigmoidExact(d, p); memo.set(d, a); }
  }
  const x = mulFloor(ONE - a, bond) + mulFloor(a, c);
  return x > ONE ? ONE : x;
}

// floor(x · 65535 / 2^32) in one rounding: 65535 · 2^-32 is exact and so is x · 65535 · 2^-32 for x <= 2^32.
const U16_SCALE = 65535 / 4294967296;

/** I32F32(u) / I32F32(65535) = u·65537 + floor(u / 65535), since 2^32 = 65535·65537 + 1. */
function proportionExact(u: number): number {
  return u * 65537 + (u === 65535 ? 1 : 0);
}


