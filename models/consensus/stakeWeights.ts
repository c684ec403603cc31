// Stake of each uid as the epoch sees it.
// chain: staking/stake_utils.rs::get_stake_weights_for_network + run_epoch.rs::epoch_mechanism (threshold filter,
// inplace_normalize_64, vec_fixed64_to_fixed32). BigInt: totals reach 2^86 raw; this is O(n), off the per-entry path.

import type { EpochArith } from "./arith.js";
import type { EpochInput } from "./types.js";
import { TWO32, U64_MAX } from "../chainConstants.js";
import { divFloor } from "../fixed/i32f32.js";

const I64F64_MAX_RAW = (1n << 127n) - 1n;

/** TaoWeight / u64::MAX as U96F32 raw (32 fraction bits, truncated). chain: stake_utils.rs::get_tao_weight */
export function taoWeightRaw(taoWeight: bigint): bigint {
  return (taoWeight << 32n) / U64_MAX;
}

/**
 * Writes S (raw I32F32, normalised threshold-filtered stake) into `out`.
 * total_i = I64F64(alpha) + I64F64(tao) * I64F64(w): in units of 2^-32 that is alpha·2^32 + tao·w32 exactly.
 */
export function stakeWeights(input: EpochInput, arith: EpochArith, out: Float64Array): void {
  const w32 = taoWeightRaw(input.hyperparameters.taoWeight);
  if (arith.name === "exact" && alphaOnlyExact(input, w32, out)) return;
  stakeWeightsBigInt(input, arith, out);
}

/** The general case in BigInt (the reference for alphaOnlyExact). */
export function stakeWeightsBigInt(input: EpochInput, arith: EpochArith, out: Float64Array): void {
  const { n, alphaStake, taoStake, ownerUid } = input;
  const w32 = taoWeightRaw(input.hyperparameters.taoWeight);
  const threshold = input.hyperparameters.stakeThreshold;
  const totals: bigint[] = new Array(n);
  let sum = 0n;
  for (let i = 0; i < n; i++) {
    let t = (alphaStake[i] << 32n) + taoStake[i] * w32; // raw I64F64 >> 32
    if (t > I64F64_MAX_RAW >> 32n) t = I64F64_MAX_RAW >> 32n; // saturating_add / saturating_mul
    if (i !== ownerUid && t >> 32n < threshold) t = 0n; // fixed64_to_u64(s) < min_stake
    totals[i] = t;
    sum += t;
  }
  if (sum === 0n) {
    out.fill(0, 0, n);
    return;
  }
  if (arith.name === "float") {
    const s = Number(sum);
    for (let i = 0; i < n; i++) out[i] = (Number(totals[i]) / s) * TWO32;
    return;
  }
  // S64 = floor(t·2^64 / sum) (I64F64 div), then I32F32 drops 32 bits: floor(t·2^32 / sum).
  for (let i = 0; i < n; i++) out[i] = totals[i] === 0n ? 0 : Number((totals[i] << 32n) / sum);
}

/** Raw un-normalised total stake floored to u64 (EpochTerms.stake), for callers that want it. */
export function totalStakeRao(alpha: bigint, tao: bigint, taoWeight: bigint): bigint {
  return ((alpha << 32n) + tao * taoWeightRaw(taoWeight)) >> 32n;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const TWO53 = 2 ** 53;

/**
 * The common case without BigInt: no TAO term (TaoWeight 0 or no root stake) and Σ alpha < 2^53. Then
 * total_i = alpha_i·2^32 and S_i = floor(alpha_i·2^64 / (Σ alpha·2^32)) / 2^32 = floor(alpha_i·2^32 / Σ alpha),
 * an I32F32 division of two exact integers. Returns false (nothing written) when the case does not apply.
 */
function alphaOnlyExact(input: EpochInput, w32: bigint, out: Float64Array): boolean {
  const { n, alphaStake, taoStake, ownerUid } = input;
  if (!LITTLE_ENDIAN) return false;
  const alpha = new Uint32Array(alphaStake.buffer, alphaStake.byteOffset, 2 * n); // (low, high) words
  if (w32 !== 0n) {
    const tao = new Uint32Array(taoStake.buffer, taoStake.byteOffset, 2 * n);
    for (let t = 0; t < 2 * n; t++) if (tao[t] !== 0) return false;
  }
  const thr = input.hyperparameters.stakeThreshold;
  const threshold = thr >= BigInt(TWO53) ? Infinity : Number(thr);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const hi = alpha[2 * i + 1];
    if (hi >= 2097152) return false; // alpha >= 2^53
    const a = hi * 4294967296 + alpha[2 * i];
    const kept = i === ownerUid || a >= threshold ? a : 0; // fixed64_to_u64(total) < min_stake → 0
    out[i] = kept;
    sum += kept;
  }
  if (sum >= TWO53) return false; // partial sums may have rounded: let BigInt do it
  if (sum === 0) {
    out.fill(0, 0, n);
    return true;
  }
  for (let i = 0; i < n; i++) if (out[i] !== 0) out[i] = divFloor(out[i], sum);
  return true;
}
