// Scenario `events[]` applied as sudo/owner calls and outside extrinsics: hyperparameter and chain
// parameter changes, stake / unstake / move-stake by an outside coldkey, registrations of new
// groups, deregistrations, demand shocks. Refusals are counted, never thrown.
import { createValidatorAgent, type ValidatorParams } from "../../models/agents/validators.js";
import { MinerOperator } from "../../models/agents/minerOperator.js";
import type { ResolvedEvent } from "../../scenarios/schema.js";
import type { RefusalCounts } from "./agentRuntime.js";
import { markMiner } from "./buildWorld.js";
import { clearNeuron } from "../../models/registration/subnetNeurons.js";
import { burnedRegister } from "./registrationOps.js";
import { claimRootNow } from "./rootClaimOps.js";
import { Role } from "./roles.js";
import { rao, taoWeightRaw } from "./scenarioValues.js";
import { applyStakeCall } from "./stakeCalls.js";
import type { SubnetWorld } from "./SubnetWorld.js";
import type { World } from "./World.js";

const EPOCH_FIELDS = ["activityCutoffFactorMilli", "kappa", "bondsPenalty", "bondsMovingAverage", "yuma3", "liquidAlpha", "alphaLow", "alphaHigh", "alphaSigmoidSteepness", "maxAllowedValidators"] as const;
const PARAM_FIELDS = ["maxAllowedUids", "immunityPeriod", "minAllowedWeights", "maxWeightLimit", "weightsSetRateLimit", "commitReveal", "revealPeriodEpochs", "feeRate", "burnHalfLife", "burnIncreaseMult", "registrationAllowed"] as const;
const RAO_FIELDS = ["minBurn", "maxBurn"] as const;

function setHyperparameters(world: World, sub: SubnetWorld, set: Record<string, unknown>, block: number): void {
  const h = sub.hyper as unknown as Record<string, unknown>;
  const p = sub.params as unknown as Record<string, unknown>;
  for (const k of EPOCH_FIELDS) if (set[k] !== undefined) h[k] = set[k];
  for (const k of PARAM_FIELDS) if (set[k] !== undefined) p[k] = set[k];
  if (set.weightsVersionKey !== undefined) sub.params.weightsVersionKey = BigInt(set.weightsVersionKey as number);
  const clock = world.burnClocks[sub.netuid - 1];
  clock.advance(block);
  for (const k of RAO_FIELDS) if (set[k] !== undefined) p[k] = rao(set[k] as number);
  if (set.burn !== undefined) sub.reg.burn = rao(set.burn as number); // sudo_set_burn
  clock.reset(block);
  world.econ.registrationAllowed[sub.netuid] = sub.params.registrationAllowed ? 1 : 0; // NetworkRegistrationAllowed
  if (sub.params.maxAllowedUids > sub.role.length) sub.params.maxAllowedUids = sub.role.length;
}

function register(world: World, sub: SubnetWorld, e: Extract<ResolvedEvent, { kind: "register" }>, block: number, refusals: RefusalCounts): void {
  const { econ, accounts } = world;
  const clock = world.burnClocks[sub.netuid - 1];
  const tryRegister = (ck: number, hk: number): number => {
    accounts.fundFromOutside(ck, clock.advance(block));
    const r = burnedRegister(world, sub, clock, ck, hk, block);
    if (r.ok) return r.uid;
    refusals.registration++;
    return -1;
  };
  if (e.validators !== undefined) {
    const g = e.validators;
    for (let k = 0; k < g.count; k++) {
      const ck = world.nextColdkey++;
      const hk = world.newHotkey(ck);
      const uid = tryRegister(ck, hk);
      if (uid < 0) continue;
      econ.keys.take[hk] = g.take;
      sub.role[uid] = Role.validator;
      sub.strategy[uid] = g.strategy;
      const tag = `subnet/${sub.publicNetuid}/validator/${uid}/r${block}`;
      world.validators[sub.netuid - 1].push(createValidatorAgent(g as unknown as ValidatorParams, {
        netuid: sub.netuid, uid, capacity: sub.role.length, noise: world.rng.stream(`${tag}/noise`), availability: world.rng.stream(`${tag}/offline`),
      }));
    }
    return;
  }
  const g = e.miners;
  if (g === undefined) return;
  if (g.label !== null && !sub.labels.includes(g.label)) sub.labels.push(g.label);
  const label = g.label === null ? -1 : sub.labels.indexOf(g.label);
  const stream = world.rng.stream(`subnet/${sub.publicNetuid}/register@${block}/quality`);
  for (let k = 0; k < g.count; k++) {
    const ck = world.nextColdkey++;
    const q = typeof g.quality === "number" ? Math.min(1, Math.max(0, g.quality)) : stream();
    const hotkeys: number[] = [];
    for (let h = 0; h < (g.strategy === "sybil" ? g.hotkeys : 1); h++) hotkeys.push(world.newHotkey(ck));
    const name = `subnet/${sub.publicNetuid}/miner/${world.operators.length}`;
    const op = new MinerOperator({ strategy: g.strategy, drift: g.drift, leaveProbability: g.churn.leaveProbability, joinWhenProfitable: g.churn.joinWhenProfitable }, q, hotkeys, world.rng.stream(`${name}/drift`), world.rng.stream(`${name}/churn`));
    const opIndex = world.addOperator({ op, sub, coldkey: ck, group: -1, strategy: g.strategy, label });
    for (const hk of hotkeys) {
      const uid = tryRegister(ck, hk);
      if (uid >= 0) markMiner(sub, uid, opIndex, -1, g.strategy, label, q);
    }
  }
}

export function applyScheduledEvent(world: World, e: ResolvedEvent, block: number, refusals: RefusalCounts): void {
  const { econ, accounts } = world;
  const out = world.outsideColdkey;
  switch (e.kind) {
    case "hyperparameters":
      setHyperparameters(world, world.subnetByPublicNetuid(e.netuid), e.set as Record<string, unknown>, block);
      return;
    case "chain":
      if (e.set.taoWeight !== undefined) {
        econ.params.taoWeight = taoWeightRaw(e.set.taoWeight);
        for (const s of world.subnets) s.hyper.taoWeight = econ.params.taoWeight;
      }
      if (e.set.stakeThreshold !== undefined) {
        world.stakeThreshold = rao(e.set.stakeThreshold);
        for (const s of world.subnets) s.hyper.stakeThreshold = world.stakeThreshold;
      }
      if (e.set.subnetOwnerCut !== undefined) econ.params.subnetOwnerCut = e.set.subnetOwnerCut;
      return;
    case "stake": {
      const sub = world.subnetByPublicNetuid(e.netuid);
      const hk = econ.uidHotkey[sub.netuid][e.uid];
      const tao = rao(e.tao);
      accounts.fundFromOutside(out, tao);
      if (!applyStakeCall(world, { op: "add_stake", coldkey: out, hotkey: hk, netuid: sub.netuid, tao }).ok) refusals.stake++;
      return;
    }
    case "unstake": {
      const sub = world.subnetByPublicNetuid(e.netuid);
      const hk = econ.uidHotkey[sub.netuid][e.uid];
      const have = hk >= 0 ? accounts.alphaOf(sub.netuid, hk, out) : 0n;
      const alpha = (have * BigInt(Math.round(e.fraction * 1e9))) / 1_000_000_000n;
      if (!applyStakeCall(world, { op: "remove_stake", coldkey: out, hotkey: hk, netuid: sub.netuid, alpha }).ok) refusals.stake++;
      return;
    }
    case "move-stake": {
      // do_move_stake: one transaction, one fee (on the sell), across subnets or between hotkeys
      const from = world.subnetByPublicNetuid(e.from.netuid);
      const to = world.subnetByPublicNetuid(e.to.netuid);
      const fromHk = econ.uidHotkey[from.netuid][e.from.uid];
      const toHk = econ.uidHotkey[to.netuid][e.to.uid];
      const ck = fromHk >= 0 && accounts.alphaOf(from.netuid, fromHk, out) > 0n ? out : fromHk >= 0 ? econ.keys.owner[fromHk] : out;
      const have = fromHk >= 0 ? accounts.alphaOf(from.netuid, fromHk, ck) : 0n;
      const alpha = (have * BigInt(Math.round(e.fraction * 1e9))) / 1_000_000_000n;
      const r = applyStakeCall(world, {
        op: "move_stake", coldkey: ck, originHotkey: fromHk, destinationHotkey: toHk, originNetuid: from.netuid, destinationNetuid: to.netuid, alpha,
      });
      if (!r.ok) refusals.stake++;
      return;
    }
    case "register":
      register(world, world.subnetByPublicNetuid(e.netuid), e, block, refusals);
      return;
    case "deregister": {
      const sub = world.subnetByPublicNetuid(e.netuid);
      // a scenario intervention, not an extrinsic (the chain has none): the hotkey leaves its uid, which
      // is cleared as uids.rs::clear_neuron clears it and stays empty (pruning skips uids without a hotkey)
      const nr = sub.neurons;
      for (const uid of e.uids) {
        if (uid >= sub.n || nr.hotkey[uid] < 0) continue;
        nr.uidOf.delete(nr.hotkey[uid]);
        nr.hotkey[uid] = -1;
        clearNeuron(nr, uid);
        nr.lastUpdate[uid] = block;
        sub.clearAgentSlot(uid);
      }
      return;
    }
    case "demand":
      world.subnetByPublicNetuid(e.netuid).demandFactor *= e.factor;
      return;
    case "claim-root": {
      const sub = world.subnetByPublicNetuid(e.netuid);
      const hk = e.uid < sub.n ? sub.neurons.hotkey[e.uid] : -1;
      const slots = e.subnets.map((n) => world.subnets.find((s) => s.publicNetuid === n)?.netuid ?? -1);
      if (hk < 0 || slots.includes(-1) || !claimRootNow(world, econ.keys.owner[hk], slots, block).ok) refusals.stake++;
      return;
    }
  }
}
