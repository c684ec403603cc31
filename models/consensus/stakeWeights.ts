// Stake of each uid as the epoch sees it.
// chain: staking/stake_utils.rs::get_stake_weights_for_network + run_epoch.rs::epoch_mechanism (threshold filter,
// inplace_normalize_64, vec_fixed64_to_fixed32). BigInt: totals reach 2^86 raw; this is O(n), off the per-entry path.

import type { EpochArith } from "./arith.js";
import type { EpochInput } from "./types.js";
import { TWO32, U64_MAX } from "../chainConstants.js";

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
