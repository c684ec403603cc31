// Puts one subnet of a taosim.snapshot/1 state into the world (a run with `start: { snapshot }`):
// pool, SubnetAlphaOut, moving price, pending buckets, schedule and owner into ChainEconomy; each
// neuron into the models' SubnetNeurons (Keys, BlockAtRegistration, LastUpdate, ValidatorPermit,
// Weights, Bonds) with its alpha stake; root stakes by hotkey. Imported validators keep sending the
// rows they had (replay); imported miners keep the quality implied by the weights they receive.
import { createReplayValidator, createValidatorAgent, type ValidatorAgent, type ValidatorParams } from "../../models/agents/validators.js";
import { addSubnet, assignAlphaStake } from "../../models/emission/chainEconomy.js";
import { appendNeuron } from "../../models/registration/subnetNeurons.js";
import type { ResolvedSubnet } from "../../scenarios/schema.js";
import type { Snapshot, SnapshotSubnet } from "../snapshot/snapshotSchema.js";
import { Role } from "./roles.js";
import type { SubnetWorld } from "./SubnetWorld.js";
import type { World } from "./World.js";

/** Account ids of the snapshot's SS58 keys (first appearance order: deterministic). */
export class SnapshotKeys {
  private readonly coldkeys = new Map<string, number>();
  private readonly hotkeys = new Map<string, number>();

  constructor(private readonly world: World) {}

  coldkey(ss58: string | null): number {
    if (ss58 === null) return this.world.nextColdkey++;
    let ck = this.coldkeys.get(ss58);
    if (ck === undefined) this.coldkeys.set(ss58, (ck = this.world.nextColdkey++));
    return ck;
  }

  hotkey(ss58: string, coldkey: string | null): number {
    let hk = this.hotkeys.get(ss58);
    if (hk === undefined) this.hotkeys.set(ss58, (hk = this.world.newHotkey(this.coldkey(coldkey))));
    return hk;
  }

  hotkeyIfKnown(ss58: string): number | undefined {
    return this.hotkeys.get(ss58);
  }
}

/** Σ_v stake_v · w_vj / Σ_v stake_v over validators with a row, scaled so the best miner has 1. */
function impliedQuality(s: SnapshotSubnet): Float64Array {
  const q = new Float64Array(s.neurons.length);
  for (const v of s.neurons) {
    const stake = Number(BigInt(v.alphaStake));
    for (let k = 0; k < v.weights.uids.length; k++) q[v.weights.uids[k]] += stake * v.weights.values[k];
  }
  let max = 0;
  for (const x of q) max = Math.max(max, x);
  if (max > 0) for (let u = 0; u < q.length; u++) q[u] /= max;
  return q;
}

/** The scenario's `imported[]` entry that applies to `uid` (first match), or undefined. */
function assignmentOf(s: ResolvedSubnet, snap: SnapshotSubnet, uid: number, hotkey: string): ResolvedSubnet["imported"][number] | undefined {
  let byStake: number[] | undefined;
  return s.imported.find((a) => {
    if (a.uids?.includes(uid) || a.hotkeys?.includes(hotkey)) return true;
    if (a.topStake === undefined) return false;
    byStake ??= snap.neurons.map((n) => n.uid).sort((x, y) => {
      const d = BigInt(snap.neurons[y].alphaStake) - BigInt(snap.neurons[x].alphaStake);
      return d > 0n ? 1 : d < 0n ? -1 : x - y;
    });
    return byStake.indexOf(uid) < a.topStake;
  });
}

/** Imports `snap` into the world's subnet `sub` (empty, just created) at the run's start. */
export function importSnapshotSubnet(world: World, keys: SnapshotKeys, snap: SnapshotSubnet, scenarioSubnet: ResolvedSubnet, sub: SubnetWorld, validators: ValidatorAgent[]): void {
  const econ = world.econ;
  const i = sub.netuid;
  const pool = snap.pool;
  const ownerCk = snap.ownerColdkey === null ? -1 : keys.coldkey(snap.ownerColdkey);
  const ownerHk = snap.ownerHotkey === null ? -1 : keys.hotkey(snap.ownerHotkey, snap.ownerColdkey);
  addSubnet(econ, {
    netuid: i, mechanism: 1,
    taoReserve: pool ? BigInt(pool.taoReserve) : BigInt(Math.round(scenarioSubnet.pool.taoReserve * 1e9)),
    alphaReserve: pool ? BigInt(pool.alphaReserve) : BigInt(Math.round(scenarioSubnet.pool.alphaReserve * 1e9)),
    alphaOutstanding: BigInt(snap.alphaOut), tempo: snap.tempo, firstEmissionBlock: snap.firstEmissionBlock ?? -1,
    emissionEnabled: snap.emissionEnabled, movingPrice: BigInt(snap.movingPriceI96F32) < 0n ? 0n : BigInt(snap.movingPriceI96F32),
    ownerColdkey: ownerCk, ownerHotkey: ownerHk, lastEpochBlock: snap.lastEpochBlock,
  });
  if (pool) econ.quoteWeight[i] = BigInt(pool.quoteWeight);
  econ.lastMechanismStepBlock[i] = snap.lastMechanismStepBlock;
  econ.registrationAllowed[i] = snap.registrationAllowed ? 1 : 0;
  // the pending buckets are minted alpha in SubnetAlphaOut that nobody owns yet
  const pending = [BigInt(snap.pendingServerEmission), BigInt(snap.pendingValidatorEmission), BigInt(snap.pendingRootAlphaDivs), BigInt(snap.pendingOwnerCut)];
  econ.pendingServer[i] = pending[0];
  econ.pendingValidator[i] = pending[1];
  econ.pendingRoot[i] = pending[2];
  econ.pendingOwnerCut[i] = pending[3];
  econ.unownedAlpha[i] -= pending.reduce((a, b) => a + b, 0n);
  const quality = impliedQuality(snap);
  const byUid = [...snap.neurons].sort((a, b) => a.uid - b.uid);
  const nr = sub.neurons;
  for (const n of byUid) {
    const hk = keys.hotkey(n.hotkey, n.coldkey);
    const uid = appendNeuron(nr, hk, n.blockAtRegistration);
    nr.lastUpdate[uid] = n.lastUpdate;
    nr.validatorPermit[uid] = n.validatorPermit ? 1 : 0;
    if (n.weights.uids.length > 0) nr.weights[uid] = { uids: Uint16Array.from(n.weights.uids), values: Uint16Array.from(n.weights.values) };
    if (n.bonds.uids.length > 0) nr.bonds[uid] = { uids: Uint16Array.from(n.bonds.uids), values: Uint16Array.from(n.bonds.values) };
    const alpha = BigInt(n.alphaStake);
    if (alpha > 0n) assignAlphaStake(econ, i, hk, alpha);
    sub.strategy[uid] = "imported";
    if (hk === ownerHk) sub.role[uid] = Role.owner;
    else if (n.validatorPermit && n.weights.uids.length > 0) {
      sub.role[uid] = Role.validator;
      const assigned = assignmentOf(scenarioSubnet, snap, uid, n.hotkey);
      if (assigned === undefined) validators.push(createReplayValidator({ netuid: i, uid }, n.weights.uids, n.weights.values));
      else {
        const tag = `subnet/${snap.netuid}/imported/${uid}`;
        sub.strategy[uid] = assigned.as.strategy;
        validators.push(createValidatorAgent(assigned.as as unknown as ValidatorParams, {
          netuid: i, uid, capacity: sub.params.maxAllowedUids, noise: world.rng.stream(`${tag}/noise`), availability: world.rng.stream(`${tag}/offline`),
        }));
      }
    } else {
      sub.role[uid] = Role.miner;
      sub.isMiner[uid] = 1;
      sub.trueQuality[uid] = quality[uid];
    }
  }
}

/** Root (netuid 0) stake rows, credited to each hotkey (its owner holds them). */
export function importRootStakes(world: World, keys: SnapshotKeys, snapshot: Snapshot): void {
  for (const row of snapshot.rootStakes) world.addRootStake(keys.hotkey(row.hotkey, row.coldkey), keys.coldkey(row.coldkey), BigInt(row.tao));
}
