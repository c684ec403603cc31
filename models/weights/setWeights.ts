/**
 * The weight-setting rules a validator must respect, and the row the chain stores:
 * subtensor `subnets/weights.rs::internal_set_weights` and its helpers (`check_rate_limit`,
 * `check_validator_permit`, `check_length`, `max_weight_limited`, `is_self_weight`, …), plus the
 * `set_weights` dispatch that refuses while commit-reveal is enabled (HEAD 14bc6f9f). One
 * mechanism (mecid 0). Checks are pure; `applyWeights` is the only writer.
 */
import { vecU16MaxUpscaleToU16, vecU16MaxUpscaleToU16InPlace } from "../fixed/vecMaxUpscaleToU16.js";
import type { SubnetNeurons, WeightRow } from "../registration/subnetNeurons.js";

/** Subnet hyperparameters the weight rules read (chain storage defaults; init_new_network sets MinAllowedWeights 1). */
export interface WeightsParams {
  /** `CommitRevealWeightsEnabled` (default true: `set_weights` refused, commit required). */
  commitRevealEnabled: boolean;
  /** `WeightsSetRateLimit` (blocks, default 100). */
  weightsSetRateLimit: number;
  /** `MinAllowedWeights`. */
  minAllowedWeights: number;
  /** `MaxWeightsLimit` (u16; 65535 = no limit). */
  maxWeightLimit: number;
  /** `WeightsVersionKey` (0 = any key accepted). */
  weightsVersionKey: bigint;
  /** `StakeThreshold` (rao). */
  stakeThreshold: bigint;
  /** `RevealPeriodEpochs` ∈ [1, 100] (default 1). */
  revealPeriodEpochs: number;
  /** `CommitRevealWeightsVersion` (4 = drand time-lock). */
  commitRevealVersion: number;
}

export const DEFAULT_WEIGHTS_PARAMS: Readonly<WeightsParams> = Object.freeze({
  commitRevealEnabled: true,
  weightsSetRateLimit: 100,
  minAllowedWeights: 1,
  maxWeightLimit: 65_535,
  weightsVersionKey: 0n,
  stakeThreshold: 0n,
  revealPeriodEpochs: 1,
  commitRevealVersion: 4,
});

/** What the weight rules read from a subnet. */
export interface WeightsView {
  block: number;
  netuid: number;
  neurons: SubnetNeurons;
  params: WeightsParams;
  /** `get_owner_uid`: uid of `SubnetOwnerHotkey`, or null. */
  ownerUid: number | null;
  /**
   * floor of `get_stake_weights_for_hotkey_on_subnet(hotkey).total` = alpha + TaoWeight·root stake
   * (rao). Only compared with the integer StakeThreshold, so the floor decides exactly.
   */
  stakeWeight: (hotkey: number) => bigint;
}

export type WeightsError =
  | "CanNotSetRootNetworkWeights" | "WeightVecNotEqualSize" | "UidsLengthExceedUidsInSubNet"
  | "HotKeyNotRegisteredInSubNet" | "NotEnoughStakeToSetWeights" | "IncorrectWeightVersionKey"
  | "SettingWeightsTooFast" | "NeuronNoValidatorPermit" | "DuplicateUids" | "UidVecContainInvalidOne"
  | "WeightVecLengthIsLow" | "MaxWeightExceeded" | "CommitRevealEnabled";

export type CheckedWeights = { ok: true; uid: number; row: WeightRow } | { ok: false; error: WeightsError };

/** `is_self_weight`: exactly one value and the first uid is the caller's. */
export function isSelfWeight(uid: number, uids: ArrayLike<number>, values: ArrayLike<number>): boolean {
  return values.length === 1 && uids.length > 0 && uids[0] === uid;
}

/** `check_rate_limit`: never set (0) or at least WeightsSetRateLimit blocks since LastUpdate. */
export function checkRateLimit(v: WeightsView, uid: number): boolean {
  if (uid < 0 || uid >= v.neurons.n || v.neurons.hotkey[uid] < 0) return false;
  const last = v.neurons.lastUpdate[uid];
  if (last === 0) return true;
  return Math.max(v.block - last, 0) >= v.params.weightsSetRateLimit;
}

/** `check_weights_min_stake`: the owner uid always passes; else stake weight ≥ StakeThreshold. */
export function checkWeightsMinStake(v: WeightsView, hotkey: number): boolean {
  const uid = v.neurons.uidOf.get(hotkey);
  if (v.ownerUid !== null && uid === v.ownerUid) return true;
  return v.stakeWeight(hotkey) >= v.params.stakeThreshold;
}

/** `check_validator_permit`: self-weight, the owner uid, or ValidatorPermit. */
export function checkValidatorPermit(v: WeightsView, uid: number, uids: ArrayLike<number>, values: ArrayLike<number>): boolean {
  if (isSelfWeight(uid, uids, values)) return true;
  if (v.ownerUid !== null && v.ownerUid === uid) return true;
  return v.neurons.validatorPermit[uid] === 1;
}

/** `check_length`: self-weight, or at least min(MinAllowedWeights, SubnetworkN) entries. */
export function checkLength(v: WeightsView, uid: number, uids: ArrayLike<number>, values: ArrayLike<number>): boolean {
  const minAllowed = Math.min(v.neurons.n, v.params.minAllowedWeights);
  if (v.netuid !== 0 && isSelfWeight(uid, uids, values)) return true;
  return values.length >= minAllowed;
}

/**
 * math.rs::check_vec_max_limited: the largest entry's share of the row (I32F32 inplace_normalize, a
 * truncating division) must not exceed MaxWeightsLimit/65535 (I32F32 safe_div). BigInt: once per extrinsic.
 */
export function checkVecMaxLimited(values: ArrayLike<number>, maxLimit: number): boolean {
  let sum = 0n;
  let max = 0n;
  for (let i = 0; i < values.length; i++) {
    const v = BigInt(values[i]);
    sum += v;
    if (v > max) max = v;
  }
  if (values.length === 0) return true;
  const limit = (BigInt(maxLimit) << 32n) / 65535n;
  const share = sum === 0n ? max << 32n : (max << 32n) / sum; // inplace_normalize leaves a zero-sum row as it is
  return share <= limit;
}

/** `max_weight_limited` on the upscaled values: self-weight exempt; 65535 = no limit. */
export function maxWeightLimited(v: WeightsView, uid: number, uids: ArrayLike<number>, upscaled: ArrayLike<number>): boolean {
  if (isSelfWeight(uid, uids, upscaled)) return true;
  if (v.params.maxWeightLimit === 65_535) return true;
  return checkVecMaxLimited(upscaled, v.params.maxWeightLimit);
}

/** vec_u16_max_upscale_to_u16 of a row: the exact `number` version for u16 values (tested equal to the BigInt port). */
function upscaleRow(values: ArrayLike<number>): Uint16Array {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(Number.isInteger(v) && v >= 0 && v <= 65_535)) return Uint16Array.from(vecU16MaxUpscaleToU16(values));
  }
  const out = Uint16Array.from(values);
  vecU16MaxUpscaleToU16InPlace(out, 0, out.length);
  return out;
}

/** Generation marks for the duplicate check (a scratch, not state: cleared by bumping the generation). */
const seen = { mark: new Int32Array(65_536), generation: 0 };

function hasDuplicates(uids: ArrayLike<number>): boolean {
  if (++seen.generation === 2 ** 31 - 1) {
    seen.mark.fill(0);
    seen.generation = 1;
  }
  const g = seen.generation;
  for (let i = 0; i < uids.length; i++) {
    const u = uids[i];
    if (!(Number.isInteger(u) && u >= 0 && u < 65_536)) continue; // not a uid: UidVecContainInvalidOne decides
    if (seen.mark[u] === g) return true;
    seen.mark[u] = g;
  }
  return false;
}

/**
 * chain: weights.rs::internal_set_weights checks 1–15, in order, without writing. `ok` carries the
 * caller's uid and the row to store (values max-upscaled so the largest is 65535).
 */
export function checkSetWeights(v: WeightsView, hotkey: number, uids: ArrayLike<number>, values: ArrayLike<number>, versionKey: bigint): CheckedWeights {
  const fail = (error: WeightsError) => ({ ok: false as const, error });
  const s = v.neurons;
  if (v.netuid === 0) return fail("CanNotSetRootNetworkWeights");
  if (uids.length !== values.length) return fail("WeightVecNotEqualSize");
  if (uids.length > s.n) return fail("UidsLengthExceedUidsInSubNet");
  const uid = s.uidOf.get(hotkey);
  if (uid === undefined) return fail("HotKeyNotRegisteredInSubNet");
  if (!checkWeightsMinStake(v, hotkey)) return fail("NotEnoughStakeToSetWeights");
  if (!(v.params.weightsVersionKey === 0n || versionKey >= v.params.weightsVersionKey)) return fail("IncorrectWeightVersionKey");
  if (!v.params.commitRevealEnabled && !checkRateLimit(v, uid)) return fail("SettingWeightsTooFast");
  if (!checkValidatorPermit(v, uid, uids, values)) return fail("NeuronNoValidatorPermit");
  if (hasDuplicates(uids)) return fail("DuplicateUids");
  for (let i = 0; i < uids.length; i++) if (!(uids[i] >= 0 && uids[i] < s.n && s.hotkey[uids[i]] >= 0)) return fail("UidVecContainInvalidOne");
  if (!checkLength(v, uid, uids, values)) return fail("WeightVecLengthIsLow");
  const upscaled = upscaleRow(values);
  if (!maxWeightLimited(v, uid, uids, upscaled)) return fail("MaxWeightExceeded");
  return { ok: true, uid, row: { uids: Uint16Array.from(uids as ArrayLike<number>), values: upscaled } };
}

/** Stores a checked row (`Weights[uid]`); LastUpdate = block only when commit-reveal is disabled. */
export function applyWeights(v: WeightsView, checked: { uid: number; row: WeightRow }): void {
  v.neurons.weights[checked.uid] = checked.row;
  if (!v.params.commitRevealEnabled) v.neurons.lastUpdate[checked.uid] = v.block;
}

/** chain: dispatches.rs::set_weights → do_set_weights. Refused with `CommitRevealEnabled` while CR is on. */
export function setWeights(v: WeightsView, hotkey: number, uids: ArrayLike<number>, values: ArrayLike<number>, versionKey = 0n): CheckedWeights {
  if (v.params.commitRevealEnabled) return { ok: false, error: "CommitRevealEnabled" };
  const r = checkSetWeights(v, hotkey, uids, values, versionKey);
  if (r.ok) applyWeights(v, r);
  return r;
}
