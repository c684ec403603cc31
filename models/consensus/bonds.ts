// Bonds and dividends, classic (Yuma3On = false, "Yuma 2") and Yuma3.
// chain: run_epoch.rs::epoch_mechanism (bond branch), compute_ema_bonds_normal_sparse, compute_bonds_sparse.

import type { EpochArith } from "./arith.js";
import type { Csr } from "./csr.js";
import type { EpochScratch } from "./scratch.js";
import type { EpochInput } from "./types.js";
import type { EpochTrace } from "./epochTrace.js";
import { mulFloor, ONE, u16ProportionToFixed } from "../fixed/i32f32.js";
import {
  BOND_PROPORTION_EXACT, BOND_PROPORTION_FLOAT, BOND_RAW, colSums, inplaceColMaxUpscaleSparse, inplaceColNormalizeSparse, loadBonds,
  matEmaSparse, matmulTransposeColNormalized, matmulTransposeSparse, rowHadamardSparse,
} from "./sparseOps.js";
import { inplaceNormalize } from "./clipAndRank.js";
import { matEmaAlphaSparse, type LiquidAlphaParams } from "./liquidAlpha.js";
import { bondTotalsExact } from "./bondTotalsExact.js";

/** EMA weight of new data: 1 − I32F32(I64F64(bma) / 1e6). chain: compute_disabled_liquid_alpha */
export function emaAlpha(bondsMovingAverage: number, arith: EpochArith): number {
  if (arith.name === "float") return ONE - (bondsMovingAverage / 1_000_000) * ONE;
  const bma32 = (BigInt(bondsMovingAverage) << 32n) / 1_000_000n; // I64F64 div then drop 32 bits (floor)
  const max = (1n << 63n) - 1n;
  return Number(BigInt(ONE) - (bma32 > max ? max : bma32));
}

/** `last_tempo` of the recently-registered bond mask (7.2). */
export function lastTempo(input: EpochInput): number {
  const lms = input.lastMechanismStepBlock;
  return lms === 0 ? Math.max(0, input.block - input.hyperparameters.tempo) : lms + 1;
}

/** Result of the bond step: the EMA rows to store (raw, before u16) and dividends in scratch.dividends. */
export function bondsAndDividends(input: EpochInput, wb: Csr, arith: EpochArith, s: EpochScratch, trace: EpochTrace | null = null): Csr {
  const hp = input.hyperparameters;
  const n = input.n;
  const lt = lastTempo(input);
  const { rowPtr, col, val } = input.bonds;
  const alpha = emaAlpha(hp.bondsMovingAverage, arith);
  if (hp.yuma3) {
    let anyConsensus = false;
    for (let j = 0; j < n; j++) if (s.consensus[j] !== 0) { anyConsensus = true; break; }
    const liquid = hp.liquidAlpha && anyConsensus;
    if (liquid) {
      const p: LiquidAlphaParams = s.liquidParams; // scratch-owned: no allocation per epoch
      p.low = arith.name === "exact" ? u16ProportionToFixed(hp.alphaLow) : (hp.alphaLow / 65535) * ONE;
      p.high = arith.name === "exact" ? u16ProportionToFixed(hp.alphaHigh) : (hp.alphaHigh / 65535) * ONE;
      p.steepness = hp.alphaSigmoidSteepness;
      const stored = s.storedBonds;
      stored.rowPtr = rowPtr;
      stored.col = col;
      stored.val = val;
      stored.lastTempo = lt;
      stored.blockAtRegistration = input.blockAtRegistration;
      matEmaAlphaSparse(wb, stored, s.consensus, p, arith, s, s.ema, trace === null ? null : trace.alphasBuffer(), wb === s.clipped); // leaves the column sums in s.colAcc
    } else {
      const kind = arith.name === "exact" ? BOND_PROPORTION_EXACT : BOND_PROPORTION_FLOAT;
      loadBonds(rowPtr, col, val, n, lt, input.blockAtRegistration, kind, s.bonds);
      matEmaSparse(wb, s.bonds, alpha, arith, s, s.ema);
    }
    yuma3Dividends(s.ema, n, arith, s, liquid);
    if (trace !== null) inplaceColNormalizeSparse(trace.bondsNormalized.copyFrom(s.ema), n, arith, s); // ema_bonds_norm
    return s.ema;
  }
  loadBonds(rowPtr, col, val, n, lt, input.blockAtRegistration, BOND_RAW, s.bonds); // raw u16, not /65535
  inplaceColNormalizeSparse(s.bonds, n, arith, s);
  rowHadamardSparse(wb, s.activeStake, arith, s.delta);
  inplaceColNormalizeSparse(s.delta, n, arith, s);
  if (trace !== null) trace.deltaBuffer().copyFrom(s.delta); // ΔB
  matEmaSparse(s.delta, s.bonds, alpha, arith, s, s.ema);
  inplaceColNormalizeSparse(s.ema, n, arith, s);
  if (trace !== null) trace.bondsNormalized.copyFrom(s.ema); // the EMA bonds the dividends use
  matmulTransposeSparse(s.ema, s.incentive, arith, s.dividends);
  inplaceNormalize(s.dividends, n, arith);
  inplaceColMaxUpscaleSparse(s.ema, n, arith, s);
  return s.ema;
}

/**
 * Yuma3 dividends from the EMA bonds into scratch.dividends: D = normalize(A ∘ (colnorm(EMA) · I)).
 * `sumsReady`: scratch.colAcc already holds the EMA's column sums (the liquid-alpha EMA leaves them there).
 */
export function yuma3Dividends(ema: Csr, n: number, arith: EpochArith, s: EpochScratch, sumsReady: boolean): void {
  // total bonds per validator: matmul_transpose_sparse(inplace_col_normalize_sparse(copy of EMA), I)
  if (arith.name === "exact") {
    if (!sumsReady) colSums(ema, n, s);
    bondTotalsExact(ema, n, s.incentive, s.colAcc, s.colRecip, s.dividends);
  } else matmulTransposeColNormalized(ema, n, s.incentive, arith, s, s.dividends, sumsReady);
  const exact = arith.name === "exact";
  for (let i = 0; i < n; i++) {
    const d = s.dividends[i];
    const a = s.activeStake[i];
    s.dividends[i] = exact ? mulFloor(d, a) : (d * a) / ONE;
  }
  inplaceNormalize(s.dividends, n, arith);
}
