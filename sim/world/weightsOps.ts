// Weight extrinsics as the engine applies them, through models/weights: a validator's float proposal is
// quantised once as its client would (convert_weights_and_uids_for_emit), then `set_weights` (commit-
// reveal off) or `commit_timelocked_weights` (on, CR v4) runs the chain's checks; `reveal_crv3_commits`
// runs in block_step before the coinbase (World.blockStep), so a reveal feeds that block's epoch.
import type { WeightsAction } from "../../models/agents/types.js";
import { totalStakeRao } from "../../models/consensus/stakeWeights.js";
import type { ChainEconomy } from "../../models/emission/chainEconomy.js";
import { shouldRunEpoch } from "../../models/emission/epochScheduler.js";
import { commitTimelockedWeights, revealTimelockedCommits, type EpochClock } from "../../models/weights/commitReveal.js";
import { convertWeightsForEmit } from "../../models/weights/emitWeights.js";
import { applyWeights, checkSetWeights, DEFAULT_WEIGHTS_PARAMS, setWeights, type WeightsView } from "../../models/weights/setWeights.js";
import type { OpsLog } from "./opsLog.js";
import type { SubnetWorld } from "./SubnetWorld.js";

export type WeightsOutcome = { ok: true; committed: boolean } | { ok: false; error: string };

const views = new WeakMap<SubnetWorld, WeightsView>();

/** The models' view of `sub` at `block`, its parameters refreshed from the subnet's (one object per subnet). */
export function weightsViewOf(sub: SubnetWorld, econ: ChainEconomy, block: number): WeightsView {
  let v = views.get(sub);
  if (v === undefined) {
    const alpha = (hk: number) => econ.keys.stake[sub.netuid][hk];
    const root = (hk: number) => econ.keys.stake[0][hk];
    v = {
      block, netuid: sub.netuid, neurons: sub.neurons, params: { ...DEFAULT_WEIGHTS_PARAMS }, ownerUid: null,
      stakeWeight: (hk) => totalStakeRao(alpha(hk), root(hk), econ.params.taoWeight), // get_stake_weights_for_hotkey_on_subnet
    };
    views.set(sub, v);
  }
  const p = sub.params;
  v.block = block;
  v.params.commitRevealEnabled = p.commitReveal;
  v.params.weightsSetRateLimit = p.weightsSetRateLimit;
  v.params.minAllowedWeights = p.minAllowedWeights;
  v.params.maxWeightLimit = p.maxWeightLimit;
  v.params.weightsVersionKey = p.weightsVersionKey;
  v.params.revealPeriodEpochs = p.revealPeriodEpochs;
  v.params.stakeThreshold = sub.hyper.stakeThreshold;
  const owner = econ.subnetOwnerHotkey[sub.netuid];
  v.ownerUid = owner >= 0 ? (sub.neurons.uidOf.get(owner) ?? null) : null; // get_owner_uid
  return v;
}

/** SubnetEpochIndex and should_run_epoch of `sub` at `block` (the commit-reveal look-ahead clock). */
function clockOf(sub: SubnetWorld, econ: ChainEconomy, block: number): EpochClock {
  return { epochIndex: econ.epochIndex[sub.netuid], epochFiresThisBlock: shouldRunEpoch(econ, sub.netuid, block) };
}

function logWeights(ops: OpsLog | null, op: string, sub: SubnetWorld, econ: ChainEconomy, hotkey: number, block: number, result: string): void {
  if (ops === null) return;
  const ck = hotkey >= 0 ? econ.keys.owner[hotkey] : -1;
  ops.record({ block, op, coldkey: ck, hotkey, netuid: sub.netuid, originNetuid: -1, amountIn: 0n, amountOut: 0n, fee: 0n, taoBefore: null, alphaBefore: null, taoAfter: null, alphaAfter: null, quoteWeight: null, result });
}

/** The extrinsic a validator sends for `a` at `block` (nothing when the proposal quantises to no entry). */
export function submitWeights(sub: SubnetWorld, econ: ChainEconomy, a: WeightsAction, block: number, ops: OpsLog | null): WeightsOutcome | null {
  const m = convertWeightsForEmit(a.uids, a.weights, a.len, sub.proposalUids, sub.proposalValues);
  if (m === 0) return null;
  const hotkey = a.uid >= 0 && a.uid < sub.n ? sub.neurons.hotkey[a.uid] : -1;
  const uids = sub.proposalUids.subarray(0, m);
  const values = sub.proposalValues.subarray(0, m);
  const v = weightsViewOf(sub, econ, block);
  if (v.params.commitRevealEnabled) {
    // drand stand-in: reveal round 0 is always available, so the chain reveals it at its reveal epoch
    const r = commitTimelockedWeights(v, clockOf(sub, econ, block), sub.commits, hotkey, { uids, values, versionKey: v.params.weightsVersionKey }, 0);
    logWeights(ops, "commit_timelocked_weights", sub, econ, hotkey, block, r.ok ? "ok" : r.error);
    return r.ok ? { ok: true, committed: true } : { ok: false, error: r.error };
  }
  const r = setWeights(v, hotkey, uids, values, v.params.weightsVersionKey); // validators send the current key
  logWeights(ops, "set_weights", sub, econ, hotkey, block, r.ok ? "ok" : r.error);
  return r.ok ? { ok: true, committed: false } : { ok: false, error: r.error };
}

/**
 * reveal_crv3_commits for `sub` at `block` (before the coinbase). A reveal window opens only at a block
 * where should_run_epoch holds (the look-ahead epoch advances there and nowhere else, and the drand
 * stand-in is always available), so calling it at other blocks would change nothing.
 */
export function revealDueCommits(sub: SubnetWorld, econ: ChainEconomy, block: number, ops: OpsLog | null): void {
  if (sub.commits.timelocked.size === 0) return;
  const clock = clockOf(sub, econ, block);
  if (!clock.epochFiresThisBlock) return;
  for (const r of revealTimelockedCommits(weightsViewOf(sub, econ, block), clock, sub.commits)) {
    logWeights(ops, "reveal_weights", sub, econ, r.hotkey, block, r.ok ? "ok" : (r.error as string));
  }
}

/**
 * Genesis weights: each proposal stored as if revealed before the run, through the chain's checks,
 * counted as set at `block` (default 1: after the genesis registrations at block 0, so the epoch's
 * outdated-weight mask keeps them).
 */
export function seedWeights(sub: SubnetWorld, econ: ChainEconomy, a: WeightsAction, block = 1): WeightsOutcome | null {
  const m = convertWeightsForEmit(a.uids, a.weights, a.len, sub.proposalUids, sub.proposalValues);
  if (m === 0) return null;
  const v = weightsViewOf(sub, econ, block);
  const cr = v.params.commitRevealEnabled;
  v.params.commitRevealEnabled = false; // the internal set-weights path a reveal takes; LastUpdate = block
  const r = checkSetWeights(v, sub.neurons.hotkey[a.uid], sub.proposalUids.subarray(0, m), sub.proposalValues.subarray(0, m), 0n);
  if (r.ok) applyWeights(v, r);
  v.params.commitRevealEnabled = cr;
  return r.ok ? { ok: true, committed: false } : { ok: false, error: r.error };
}
