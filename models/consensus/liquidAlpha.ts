// Liquid alpha (Yuma3): a per-(validator, miner) EMA rate from a sigmoid of how far the weight moved.
// chain: run_epoch.rs::alpha_sigmoid, compute_liquid_alpha_values_sparse; epoch/math.rs::mat_ema_alpha_sparse.

import type { EpochArith } from "./arith.js";
import type { Csr } from "./csr.js";
import type { EpochScratch } from "./scratch.js";
import { divFloor, HALF, mulFloor, mulFloorSigned, ONE } from "../fixed/i32f32.js";
import { EXP_NUMBER_LIMIT, expSafeNumber, mulFloorWideSigned, truncDiv } from "../fixed/expSafeNumber.js";
import { checkedDivRaw, expSafeRaw, mulRaw, satI64 } from "../fixed/expSafe.js";

export interface LiquidAlphaParams {
  low: number; // raw I32F32 (AlphaValues.0 / 65535)
  high: number; // raw
  steepness: number; // i16 AlphaSigmoidSteepness (integer)
}

/** chain: run_epoch.rs::alpha_sigmoid, from the combined diff d (raw), exact; `number` maths where it is exact. */
export function alphaSigmoidExact(d: number, p: LiquidAlphaParams): number {
  const slope = truncDiv(-p.steepness * ONE, 100); // steepness / −100, truncating toward zero
  const x = mulFloorWideSigned(slope, d - HALF);
  if (Math.abs(x) > EXP_NUMBER_LIMIT) return alphaSigmoidExactBig(d, p);
  const sigmoid = divFloor(ONE, ONE + expSafeNumber(x)); // 1 / (1 + e), truncating
  let alpha = p.low + mulFloorSigned(sigmoid, p.high - p.low);
  if (alpha > p.high) alpha = p.high; // clamp_value: min(high) then max(low)
  if (alpha < p.low) alpha = p.low;
  return alpha;
}

/** The BigInt port of alpha_sigmoid, for any input (reference, and |x| > 7 where terms pass 2^53). */
export function alphaSigmoidExactBig(d: number, p: LiquidAlphaParams): number {
  const low = BigInt(p.low);
  const high = BigInt(p.high);
  const slope = checkedDivRaw(BigInt(p.steepness) << 32n, -100n << 32n) ?? 0n; // steepness / −100, truncating
  const x = satI64(mulRaw(slope, BigInt(d) - BigInt(HALF)));
  const denom = satI64(BigInt(ONE) + expSafeRaw(x));
  const sigmoid = checkedDivRaw(BigInt(ONE), denom) ?? 0n; // saturating_div of positives
  let alpha = satI64(low + mulRaw(sigmoid, high - low));
  if (alpha > high) alpha = high; // clamp_value: min(high) then max(low)
  if (alpha < low) alpha = low;
  return Number(alpha);
}

/** The same sigmoid in float64 (the `float` arithmetic mode). */
export function alphaSigmoidFloat(d: number, p: LiquidAlphaParams): number {
  const x = (p.steepness / -100) * (d / ONE - 0.5);
  const sigmoid = 1 / (1 + Math.exp(Math.max(-20, Math.min(20, x))));
  let alpha = p.low + sigmoid * (p.high - p.low);
  if (alpha > p.high) alpha = p.high;
  if (alpha < p.low) alpha = p.low;
  return alpha;
}

/** combined_diff of alpha_sigmoid: clamp(w − c) when w >= b, else clamp(b − w), clamped to [0, 1]. */
function combinedDiff(c: number, w: number, b: number): number {
  const v = w >= b ? w - c : b - w;
  return v < 0 ? 0 : v > ONE ? ONE : v;
}

/**
 * mat_ema_alpha_sparse(Wb, B, alphas): only entries present in Wb's row survive; output in Wb's row order.
 * alphas come from the chain's forward walk, which assumes rows sorted by column: an entry is seen only
 * if its column is greater than every column before it in its row (otherwise the walk reads 0 there).
 * B is read straight from storage (u16 proportions; entries towards uids registered since `lastTempo` are
 * absent: chain scalar_vec_mask_sparse_matrix), so no converted copy is written.
 * `belowConsensus`: every Wb_ij <= C_j (Wb is Wc), which lets the walk skip C where w >= b.
 * Also leaves the result's column sums in scratch.colAcc. With `alphas` (the epoch trace), records the
 * alpha of every Wb entry there, in Wb's row order.
 */
export function matEmaAlphaSparse(
  wb: Csr, b: StoredBonds, consensus: Float64Array, p: LiquidAlphaParams, arith: EpochArith, scratch: EpochScratch, out: Csr,
  alphas: Csr | null = null, belowConsensus = false,
): void {
  const n = wb.rows;
  out.reset(n, wb.nnz);
  if (alphas !== null) alphas.reset(n, wb.nnz);
  const exact = arith.name === "exact";
  const memo = scratch.alphaMemo;
  memo.prepare(exact, p.low, p.high, p.steepness);
  const sigmoid = exact ? alphaSigmoidExact : alphaSigmoidFloat;
  if (memo.atZero < 0) memo.atZero = sigmoid(0, p);
  const alphaAtZero = memo.atZero; // d = 0 is by far the most common case (w >= b with w <= C)
  const oldVal = scratch.denseRow; // B_ij by column (any position)
  const oldMark = scratch.denseMark;
  const seenVal = scratch.denseRow2; // B_ij as the walk sees it (0 unless a strict prefix maximum)
  const seenMark = scratch.denseMark2;
  const { rowPtr: bPtr, col: bCol, val: bU16, lastTempo, blockAtRegistration: reg } = b;
  const { rowPtr: wPtr, col: wCol, val: wVal } = wb;
  const outPtr = out.rowPtr;
  const oc = out.col;
  const ov = out.val;
  const colSum = scratch.colAcc; // column sums of the result, for the dividends' column normalisation
  colSum.fill(0, 0, n);
  let k = 0;
  const constantAlpha = p.low === p.high; // clamp_value pins every alpha to low: no sigmoid needed
  for (let i = 0; i < n; i++) {
    if (alphas === null && ascending(bCol, bPtr[i], bPtr[i + 1]) && ascending(wCol, wPtr[i], wPtr[i + 1])) {
      // Both rows sorted by column (the usual case): every bond is a prefix maximum and every weight is
      // seen, so the walk is a plain merge of the two rows; no dense marks.
      let b = bPtr[i];
      const bEnd = bPtr[i + 1];
      for (let e = wPtr[i], end = wPtr[i + 1]; e < end; e++) {
        const j = wCol[e];
        const w = wVal[e];
        while (b < bEnd && bCol[b] < j) b++;
        const has = b < bEnd && bCol[b] === j && lastTempo > reg[j];
        const bond = has ? (exact ? proportionExact(bU16[b]) : (bU16[b] / 65535) * ONE) : 0;
        let a = alphaAtZero;
        if (constantAlpha) a = p.low;
        else if (w < bond || !belowConsensus) {
          // combined_diff, clamped to [0, 1]; with Wb <= C (Wb = Wc), w >= b gives w − C <= 0, i.e. 0
          let d = w >= bond ? w - consensus[j] : bond - w;
          d = d < 0 ? 0 : d > ONE ? ONE : d;
          if (d !== 0) {
            a = memo.get(d);
            if (a < 0) { a = sigmoid(d, p); memo.set(d, a); }
          }
        }
        let v: number;
        if (exact) v = (has ? mulFloor(ONE - a, bond) : 0) + mulFloor(a, w);
        else {
          const decayed = has ? ((ONE - a) * bond) / ONE : 0;
          let inc = (a * w) / ONE;
          if (inc < 0) inc = 0;
          v = decayed + inc;
        }
        if (v > ONE) v = ONE;
        if (v > 0) { oc[k] = j; ov[k++] = v; colSum[j] += v; }
      }
      outPtr[i + 1] = k;
      continue;
    }
    const gen = scratch.nextGeneration();
    let prefixMax = -1;
    for (let e = bPtr[i], end = bPtr[i + 1]; e < end; e++) {
      const j = bCol[e];
      if (lastTempo <= reg[j]) continue; // masked: as if absent
      const bond = exact ? proportionExact(bU16[e]) : (bU16[e] / 65535) * ONE;
      oldMark[j] = gen;
      oldVal[j] = bond;
      if (j > prefixMax) { seenMark[j] = gen; seenVal[j] = bond; prefixMax = j; }
    }
    let wMax = -1;
    for (let e = wPtr[i], end = wPtr[i + 1]; e < end; e++) {
      const j = wCol[e];
      const newVal = wVal[e];
      const w = j > wMax ? newVal : 0;
      if (j > wMax) wMax = j;
      const bond = seenMark[j] === gen ? seenVal[j] : 0;
      const d = combinedDiff(consensus[j], w, bond);
      let a = alphaAtZero;
      if (constantAlpha) a = p.low;
      else if (d !== 0) {
        a = memo.get(d);
        if (a < 0) { a = sigmoid(d, p); memo.set(d, a); }
      }
      if (alphas !== null) alphas.push(j, a);
      let v: number;
      if (exact) {
        // a in [low, high] ⊂ [0, 1] and B, W >= 0: both products are non-negative (I32F32 mul = mulFloor)
        v = (oldMark[j] === gen ? mulFloor(ONE - a, oldVal[j]) : 0) + mulFloor(a, newVal);
      } else {
        const decayed = oldMark[j] === gen ? ((ONE - a) * oldVal[j]) / ONE : 0;
        let inc = (a * newVal) / ONE;
        if (inc < 0) inc = 0;
        v = decayed + inc;
      }
      if (v > ONE) v = ONE;
      if (v > 0) { oc[k] = j; ov[k++] = v; colSum[j] += v; }
    }
    outPtr[i + 1] = k;
    if (alphas !== null) alphas.endRow(i);
  }
  out.nnz = k;
}

/** True when col[start..end) is strictly ascending. */
function ascending(col: Int32Array, start: number, end: number): boolean {
  for (let e = start + 1; e < end; e++) if (col[e] <= col[e - 1]) return false;
  return true;
}

/** Stored bonds (u16 proportions) with the recently-registered mask: entry (i, j) counts only if lastTempo > reg[j]. */
export interface StoredBonds {
  rowPtr: Int32Array;
  col: Int32Array;
  val: Uint16Array;
  lastTempo: number;
  blockAtRegistration: Float64Array;
}

/** I32F32(u) / I32F32(65535) = u·65537 + floor(u / 65535), since 2^32 = 65535·65537 + 1. */
function proportionExact(u: number): number {
  return u * 65537 + (u === 65535 ? 1 : 0);
}
