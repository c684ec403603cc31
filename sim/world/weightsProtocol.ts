// set_weights / commit-reveal as the protocol applies an agent's proposal (spec/yuma.md §2.3,
// subnets/weights.rs::do_set_weights checks). The float proposal is normalised with the chain's
// vec_max_upscale_to_u16; on refusal nothing changes. With commit-reveal on, the row is committed and
// revealed `revealPeriodEpochs` (+ the agent's delay) epochs later.
import type { WeightsAction } from "../../models/agents/types.js";
import type { ChainEconomy } from "../../models/emission/chainEconomy.js";
import { vecMaxUpscaleToU16 } from "../../models/fixed/vecMaxUpscaleToU16.js";
import type { SubnetWorld } from "./SubnetWorld.js";

export type WeightsOutcome = { ok: true; committed: boolean } | { ok: false; error: string };

const TWO32 = 4294967296;

/**
 * The proposal as stored u16 values: weights max-normalised to I32F32 raws r = floor(w/max · 2^32)
 * (so max r = 2^32, the value 1), then vec_max_upscale_to_u16. With max r = 2^32 ≤ 32768 the chain
 * takes round((r · 65535) / max) = floor((r · 65535 + 2^31) / 2^32), exact in float64 (r · 65535 <
 * 2^49); the BigInt model is used for anything else (an all-zero proposal).
 */
export function upscaleProposal(a: WeightsAction, out: Uint16Array): ArrayLike<number> {
  let max = 0;
  for (let k = 0; k < a.len; k++) if (a.weights[k] > max) max = a.weights[k];
  if (max === 0) return vecMaxUpscaleToU16(new Float64Array(a.len));
  for (let k = 0; k < a.len; k++) {
    const raw = Math.floor((a.weights[k] / max) * TWO32);
    out[k] = Math.floor((raw * 65535 + 2147483648) / TWO32);
  }
  return out;
}

/** Checks a proposal against the chain rules; null when it may be applied. */
export function checkWeights(sub: SubnetWorld, econ: ChainEconomy, a: WeightsAction, block: number, stakeThreshold: bigint): string | null {
  const uid = a.uid;
  if (uid < 0 || uid >= sub.n || econ.uidHotkey[sub.netuid][uid] < 0) return "HotKeyNotRegisteredInSubNet";
  if (a.len > sub.n) return "UidsLengthExceedUidsInSubNet";
  const hk = econ.uidHotkey[sub.netuid][uid];
  if (econ.keys.stake[sub.netuid][hk] < stakeThreshold) return "NotEnoughStakeToSetWeights";
  if (block - sub.lastWeightsBlock[uid] < sub.params.weightsSetRateLimit) return "SettingWeightsTooFast";
  const selfOnly = a.len === 1 && a.uids[0] === uid;
  if (!selfOnly && sub.permit[uid] !== 1) return "NeuronNoValidatorPermit";
  if (!selfOnly && a.len < Math.min(sub.params.minAllowedWeights, sub.n)) return "WeightVecLengthIsLow";
  const gen = ++sub.seenGeneration;
  for (let k = 0; k < a.len; k++) {
    const c = a.uids[k];
    if (c < 0 || c >= sub.n) return "UidVecContainInvalidOne";
    if (!(a.weights[k] >= 0) || !Number.isFinite(a.weights[k])) return "InvalidWeights";
    if (sub.seenMark[c] === gen) return "DuplicateUids";
    sub.seenMark[c] = gen;
  }
  return null;
}

/** Applies `a` at `block` (the subnet is at epoch index `epochIndex`), or refuses it. */
export function applyWeights(sub: SubnetWorld, econ: ChainEconomy, a: WeightsAction, block: number, epochIndex: number, stakeThreshold: bigint): WeightsOutcome {
  const error = checkWeights(sub, econ, a, block, stakeThreshold);
  if (error !== null) return { ok: false, error };
  const vals = upscaleProposal(a, sub.rowScratch);
  sub.lastWeightsBlock[a.uid] = block;
  if (sub.params.commitReveal) {
    sub.storeCommit(a.uid, a.uids, vals, a.len, epochIndex + sub.params.revealPeriodEpochs + a.revealDelayEpochs);
    return { ok: true, committed: true };
  }
  sub.storeRow(a.uid, a.uids, vals, a.len);
  sub.lastUpdate[a.uid] = block;
  return { ok: true, committed: false };
}
