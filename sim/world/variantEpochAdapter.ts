// Runs a subnet's epoch under a research Yuma variant (models/variants; scenario option
// `subnets[].consensus.variant` other than "chain") and returns the same EpochOutput the chain epoch
// gives, so the coinbase distribution, the agents and the samplers need no change.
//
// World state → variant input (one call of Variant.epoch per subnet epoch):
// - stake of uid u: alphaStake + taoWeight·taoStake (rao, float64), 0 below the stake threshold;
// - permits (stored for the next epoch, as the chain does): the top maxAllowedValidators uids by
//   stake among those with stake > 0 (ties to the lower uid), plus the owner's uid when it has stake;
// - validators (rows, uid order): permitted uids with a non-empty stored weight row; servers
//   (columns, uid order): every other uid. (On the chain every uid is both a row and a column, and
//   miners holding their incentive as stake win permits too; the variants need the bipartite split,
//   so a permitted uid that never set weights counts as a server.)
// - W[i][j] = the validator's stored u16 weight to server j ÷ 65535 (weights to validators, to itself
//   or to uids ≥ n are dropped; the variant normalises rows itself); stakes are passed raw.
// The Variant instance lives for the whole run (its bonds persist across epochs). When the validator
// or server set changes, its state is re-aligned by (uid, hotkey): a neuron that stays keeps its
// bonds, a newcomer or a re-registered uid (new hotkey) starts at zero, as the chain masks bonds to
// neurons registered after the bond was formed. No activity cutoff or weight masking is applied
// (the variants have none), and the chain hyperparameters kappa, bondsPenalty, … are not read: the
// variant has its own params.
//
// Variant output → EpochOutput (u16 fields = round(x · 65535), clamped; NaN → 0):
// - servers: consensus = serverConsensusWeight, incentive = serverIncentive;
// - validators: stakeWeight = normalised stake, dividends = validatorRewardNormalized,
//   validatorTrust = Σ_j W̃_ij ÷ Σ_j W_ij (clipped over normalised weights, 0 for an empty row);
// - emission: the epoch's rao emission E split 50/50: serverEmission = ⌊I_j · E/2⌋,
//   validatorEmission = ⌊D_i · E/2⌋ (D the normalised rewards), emission = their sum;
// - active: the chain's activity rule (lastUpdate + cutoff ≥ block), for the record only;
// - bonds / storedBonds: empty (the variant keeps its own float bonds).
// With no validator or no server the variant is not run and the output pays nothing.
import { activityCutoffBlocks } from "../../models/consensus/runEpoch.js";
import type { EpochOutput, SparseU16 } from "../../models/consensus/types.js";
import type { ChainEconomy } from "../../models/emission/chainEconomy.js";
import type { Variant, VariantEpochResult } from "../../models/variants/types.js";
import type { SubnetWorld } from "./SubnetWorld.js";
import { TWO64, U16_MAX } from "../../models/chainConstants.js";

const U64_RANGE = Number(TWO64); // taoWeight is a u64 proportion

/** A subnet's research variant and what its last epoch saw (for re-alignment). */
export class VariantEpochState {
  /** uid and hotkey of each validator row / server column at the last epoch that ran the variant. */
  validatorUids: number[] = [];
  validatorHotkeys: number[] = [];
  serverUids: number[] = [];
  serverHotkeys: number[] = [];
  /** Times the variant's state was re-aligned to a changed neuron set. */
  remaps = 0;

  constructor(readonly variant: Variant) {}
}

/** u16 of a proportion, rounded to nearest (the variants quantise on 1/65535). */
function toU16(x: number): number {
  return x > 0 ? Math.min(U16_MAX, Math.round(x * U16_MAX)) : 0;
}

const emptySparse = (n: number): SparseU16 => ({ rowPtr: new Int32Array(n + 1), col: new Int32Array(0), val: new Uint16Array(0) });

function allocateOutput(n: number): EpochOutput {
  return {
    active: new Uint8Array(n), stakeWeight: new Uint16Array(n), consensus: new Uint16Array(n), incentive: new Uint16Array(n),
    dividends: new Uint16Array(n), validatorTrust: new Uint16Array(n), validatorPermit: new Uint8Array(n),
    bonds: emptySparse(n), storedBonds: emptySparse(n),
    serverEmission: new Float64Array(n), validatorEmission: new Float64Array(n), emission: new Float64Array(n),
  };
}

/** Stake weight per uid (rao, float64): alpha + taoWeight · root, zero below the threshold. */
function stakeWeights(sub: SubnetWorld, econ: ChainEconomy): Float64Array {
  const i = sub.netuid;
  const n = sub.n;
  const w = Number(sub.hyper.taoWeight) / U64_RANGE;
  const threshold = Number(sub.hyper.stakeThreshold);
  const out = new Float64Array(n);
  for (let uid = 0; uid < n; uid++) {
    const hk = econ.uidHotkey[i][uid];
    if (hk < 0) continue;
    const s = Number(econ.keys.stake[i][hk]) + w * Number(econ.keys.stake[0][hk]);
    out[uid] = s >= threshold ? s : 0;
  }
  return out;
}

/** New permits: top-k uids by stake with stake > 0 (ties to the lower uid), and the owner's uid when staked. */
function permits(stake: Float64Array, n: number, k: number, ownerUid: number, out: Uint8Array): void {
  const order = Array.from({ length: n }, (_, u) => u).filter((u) => stake[u] > 0);
  order.sort((a, b) => stake[b] - stake[a] || a - b);
  for (let r = 0; r < Math.min(k, order.length); r++) out[order[r]] = 1;
  if (ownerUid >= 0 && ownerUid < n && stake[ownerUid] > 0) out[ownerUid] = 1;
}

/** Old index of each new (uid, hotkey), −1 for a newcomer; null when nothing changed. */
function alignment(oldUids: readonly number[], oldHotkeys: readonly number[], uids: readonly number[], hotkeys: readonly number[]): Int32Array | null {
  const from = new Int32Array(uids.length).fill(-1);
  const oldIndex = new Map<number, number>();
  oldUids.forEach((u, k) => oldIndex.set(u, k));
  let same = uids.length === oldUids.length;
  uids.forEach((u, k) => {
    const o = oldIndex.get(u);
    if (o !== undefined && oldHotkeys[o] === hotkeys[k]) from[k] = o;
    if (from[k] !== k) same = false;
  });
  return same ? null : from;
}

/** Runs the variant epoch of `sub` on `raoEmission` at `block`; the caller distributes the output. */
export function runVariantSubnetEpoch(sub: SubnetWorld, state: VariantEpochState, econ: ChainEconomy, block: number, raoEmission: bigint): EpochOutput {
  const i = sub.netuid;
  const n = sub.n;
  const out = allocateOutput(n);
  const hotkeyOf = econ.uidHotkey[i];
  const cutoff = activityCutoffBlocks(sub.hyper.activityCutoffFactorMilli, sub.hyper.tempo);
  for (let uid = 0; uid < n; uid++) out.active[uid] = sub.neurons.lastUpdate[uid] + cutoff < block ? 0 : 1;
  const stake = stakeWeights(sub, econ);
  const owner = econ.subnetOwnerHotkey[i];
  let ownerUid = -1;
  for (let uid = 0; uid < n; uid++) if (owner >= 0 && hotkeyOf[uid] === owner) ownerUid = uid;
  permits(stake, n, sub.hyper.maxAllowedValidators, ownerUid, out.validatorPermit);
  const validators: number[] = [];
  const servers: number[] = [];
  for (let uid = 0; uid < n; uid++) (out.validatorPermit[uid] && (sub.neurons.weights[uid]?.uids.length ?? 0) > 0 ? validators : servers).push(uid);
  if (validators.length > 0 && servers.length > 0) {
    const vHotkeys = validators.map((u) => hotkeyOf[u]);
    const sHotkeys = servers.map((u) => hotkeyOf[u]);
    if (state.validatorUids.length > 0) {
      const vFrom = alignment(state.validatorUids, state.validatorHotkeys, validators, vHotkeys);
      const sFrom = alignment(state.serverUids, state.serverHotkeys, servers, sHotkeys);
      if (vFrom !== null || sFrom !== null) {
        state.variant.remap(vFrom ?? validators.map((_, k) => k), sFrom ?? servers.map((_, k) => k));
        state.remaps++;
      }
    }
    const result = state.variant.epoch(weightMatrix(sub, validators, servers), validators.map((u) => stake[u]), validators.length, servers.length);
    writeOutput(result, validators, servers, Number(raoEmission), out);
    state.validatorUids = validators;
    state.validatorHotkeys = vHotkeys;
    state.serverUids = servers;
    state.serverHotkeys = sHotkeys;
  }
  const nr = sub.neurons;
  nr.validatorPermit.set(out.validatorPermit.subarray(0, n));
  for (let uid = 0; uid < n; uid++) nr.emission[uid] = BigInt(out.emission[uid]);
  sub.lastOutput = out;
  sub.lastEpochBlock = block;
  sub.pushConsensus(out.consensus, n);
  return out;
}

/** V×S row-major: each validator's stored u16 weights to servers ÷ 65535. */
function weightMatrix(sub: SubnetWorld, validators: readonly number[], servers: readonly number[]): Float64Array {
  const nS = servers.length;
  const column = new Int32Array(sub.n).fill(-1);
  servers.forEach((u, j) => (column[u] = j));
  const w = new Float64Array(validators.length * nS);
  validators.forEach((v, r) => {
    const row = sub.neurons.weights[v];
    if (row === undefined) return;
    for (let k = 0; k < row.uids.length; k++) {
      const c = row.uids[k];
      if (c < sub.n && column[c] >= 0) w[r * nS + column[c]] = row.values[k] / U16_MAX;
    }
  });
  return w;
}

function writeOutput(r: VariantEpochResult, validators: readonly number[], servers: readonly number[], rao: number, out: EpochOutput): void {
  const half = rao / 2;
  const nS = servers.length;
  servers.forEach((u, j) => {
    out.consensus[u] = toU16(r.serverConsensusWeight[j]);
    out.incentive[u] = toU16(r.serverIncentive[j]);
    const inc = r.serverIncentive[j];
    out.serverEmission[u] = inc > 0 ? Math.floor(inc * half) : 0;
    out.emission[u] = out.serverEmission[u];
  });
  validators.forEach((u, k) => {
    out.stakeWeight[u] = toU16(r.stake[k]);
    const d = r.validatorRewardNormalized[k];
    out.dividends[u] = toU16(d);
    out.validatorEmission[u] = d > 0 && d <= 1 ? Math.floor(d * half) : 0;
    out.emission[u] = out.validatorEmission[u];
    let raw = 0;
    let clipped = 0;
    for (let j = 0; j < nS; j++) {
      raw += r.weight[k * nS + j];
      clipped += r.consensusClippedWeight[k * nS + j];
    }
    out.validatorTrust[u] = raw > 0 ? toU16(clipped / raw) : 0;
  });
}
