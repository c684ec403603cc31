// Builds the world of one task from a resolved scenario: the network (ChainEconomy), each subnet's
// pool, owner, validators (stake split by group share and stakeWeight), miners (true quality), the
// stakers and users, with every random draw from a named stream of `rng`.
import { MinerOperator } from "../../models/agents/minerOperator.js";
import { createValidatorAgent, type ValidatorParams } from "../../models/agents/validators.js";
import { epochHyperparametersOf, type Arith, type EpochHyperparameters } from "../../models/consensus/types.js";
import { createVariant } from "../../models/variants/createVariant.js";
import { assignAlphaStake, createChainEconomy } from "../../models/emission/chainEconomy.js";
import { appendNeuron } from "../../models/registration/subnetNeurons.js";
import { ROOT_CLAIM_KEEP } from "../../models/staking/rootClaimsState.js";
import type { ResolvedSubnet, Scenario } from "../../scenarios/schema.js";
import type { Rng } from "../rng/createRng.js";
import { Accounts } from "./Accounts.js";
import { BurnClock } from "./registrationOps.js";
import { Role } from "./roles.js";
import { fieldEvaluator, rao, taoWeightRaw } from "./scenarioValues.js";
import { SubnetWorld, type SubnetParams } from "./SubnetWorld.js";
import { VariantEpochState } from "./variantEpochAdapter.js";
import type { ValidatorAgent } from "../../models/agents/validators.js";
import type { Snapshot, SnapshotSubnet } from "../snapshot/snapshotSchema.js";
import { epochHyperparameters } from "../snapshot/snapshotEpochInput.js";
import { snapshotStartBlock } from "../snapshot/snapshotScenario.js";
import { importRootStakes, importSnapshotSubnet, SnapshotKeys } from "./importSnapshot.js";
import { populateRootLayer } from "./rootLayer.js";
import { World } from "./World.js";
import { addSyntheticSubnet, assignNominatorAlpha, populatePoolsSubnet } from "./matureSubnet.js";


function minerHotkeys(s: ResolvedSubnet): number {
  return s.miners.reduce((a, g) => a + g.count * (g.strategy === "sybil" ? g.hotkeys : 1), 0);
}

/** Hotkeys and coldkeys the run may need (initial populations, owners, registrations from events). */
function keyCounts(sc: Scenario): { hotkeys: number; coldkeys: number } {
  let hotkeys = 0;
  let coldkeys = 1; // the outside coldkey of stake events
  for (const s of sc.subnets) {
    if (s.detail === "pools") {
      hotkeys += s.holders.validators.count + 2; // validators, miners, owner
      coldkeys += s.holders.validators.count + 3; // and the outside buyers
      continue;
    }
    const v = s.validators.reduce((a, g) => a + g.count, 0);
    hotkeys += v + minerHotkeys(s) + 1;
    coldkeys += v + s.miners.reduce((a, g) => a + g.count, 0) + 1 + s.stakers.reduce((a, g) => a + g.count, 0) + s.users.length;
  }
  for (const e of sc.events) {
    if (e.kind !== "register") continue;
    const g = e.miners ?? e.validators;
    const k = g === undefined ? 0 : g.count * ("hotkeys" in g && g.strategy === "sybil" ? g.hotkeys : 1);
    hotkeys += k;
    coldkeys += g?.count ?? 0;
  }
  return { hotkeys, coldkeys };
}

function subnetParams(s: ResolvedSubnet, capacity: number): SubnetParams {
  const h = s.hyperparameters;
  return {
    maxAllowedUids: capacity,
    immunityPeriod: h.immunityPeriod,
    minAllowedWeights: h.minAllowedWeights,
    maxWeightLimit: h.maxWeightLimit,
    weightsVersionKey: BigInt(h.weightsVersionKey),
    weightsSetRateLimit: h.weightsSetRateLimit,
    commitReveal: h.commitReveal,
    revealPeriodEpochs: h.revealPeriodEpochs,
    feeRate: h.feeRate,
    minBurn: rao(h.minBurn),
    maxBurn: rao(h.maxBurn),
    burnHalfLife: h.burnHalfLife,
    burnIncreaseMult: h.burnIncreaseMult,
    registrationAllowed: h.registrationAllowed,
  };
}

function epochHyper(s: ResolvedSubnet, sc: Scenario): EpochHyperparameters {
  return epochHyperparametersOf(s.hyperparameters, s.tempo, rao(sc.chain.stakeThreshold), taoWeightRaw(sc.chain.taoWeight));
}

/** Capacity of a subnet's uid columns: the largest maxAllowedUids it may ever have. */
function uidCapacity(sc: Scenario, s: ResolvedSubnet): number {
  let cap = s.hyperparameters.maxAllowedUids;
  for (const e of sc.events) {
    if (e.kind === "hyperparameters" && e.netuid === s.netuid && e.set.maxAllowedUids !== undefined) cap = Math.max(cap, e.set.maxAllowedUids);
  }
  return cap;
}

/**
 * The world of one task. With `snapshot` (a run with `start: { snapshot }`; `sc` is then
 * scenarioFromSnapshot's scenario), its subnets are imported and the run starts at its block.
 */
export function buildWorld(sc: Scenario, rng: Rng, arith: Arith = "exact", snapshot?: Snapshot): World {
  const counts = keyCounts(sc);
  const maxCap = Math.max(...sc.subnets.map((s) => uidCapacity(sc, s)));
  const econ = createChainEconomy({
    netuids: sc.subnets.length + 1,
    hotkeys: counts.hotkeys,
    maxUids: maxCap,
    params: { taoWeight: taoWeightRaw(sc.chain.taoWeight), subnetOwnerCut: sc.chain.subnetOwnerCut, shareRule: sc.chain.shareRule },
  });
  const accounts = new Accounts(econ, counts.coldkeys);
  const snapOf = (netuid: number) => snapshot?.subnets.find((x) => x.netuid === netuid);
  const subnets = sc.subnets.map((s, k) => {
    const depth = 1 + Math.max(0, ...s.validators.map((g) => (g.strategy === "copier" ? g.lagEpochs : 0)));
    const snap = snapOf(s.netuid);
    const hyper = snapshot !== undefined && snap !== undefined ? epochHyperparameters(snapshot, snap) : epochHyper(s, sc);
    const sub = new SubnetWorld(k + 1, hyper, subnetParams(s, uidCapacity(sc, s)), depth, econ.uidHotkey[k + 1], econ.blockAtRegistration[k + 1], rao(s.hyperparameters.burn));
    sub.publicNetuid = s.netuid;
    sub.ownerBurn = s.owner.burn;
    if (s.consensus.variant !== "chain") sub.variantEpoch = new VariantEpochState(createVariant(s.consensus.variant, s.consensus.params));
    return sub;
  });
  const world = new World(sc, rng, econ, accounts, subnets, { defaultBlockEmission: rao(sc.chain.defaultBlockEmission), halving: sc.chain.halving }, arith);
  world.stakeThreshold = rao(sc.chain.stakeThreshold);
  world.outsideColdkey = world.nextColdkey++;
  if (snapshot !== undefined) {
    const keys = new SnapshotKeys(world);
    world.startBlock = snapshotStartBlock(snapshot);
    econ.params.taoWeight = BigInt(snapshot.chain.taoWeight);
    econ.params.subnetOwnerCut = snapshot.chain.subnetOwnerCut;
    world.stakeThreshold = BigInt(snapshot.chain.stakeThreshold);
    sc.subnets.forEach((s, k) => {
      const snap = snapOf(s.netuid);
      populateSubnet(world, s, subnets[k], snap === undefined ? null : { keys, snapshot, snap });
    });
    importRootStakes(world, keys, snapshot);
  } else {
    world.startBlock = sc.chain.startBlock;
    sc.subnets.forEach((s, k) => (s.detail === "pools" ? populatePoolsSubnet(world, s, subnets[k]) : populateSubnet(world, s, subnets[k], null)));
  }
  populateRootLayer(world, sc);
  const target = snapshot !== undefined ? BigInt(snapshot.chain.totalIssuance) : rao(sc.chain.totalIssuance);
  if (target > econ.totalIssuance) {
    econ.otherTao += target - econ.totalIssuance;
    econ.totalIssuance = target;
  }
  return world;
}

/** Validator stake of each group: explicit shares, the rest split equally among groups without one. */
function groupStakes(s: ResolvedSubnet): number[] {
  const explicit = s.validators.reduce((a, g) => a + (g.stakeShare ?? 0), 0);
  const unshared = s.validators.filter((g) => g.stakeShare === null).length;
  return s.validators.map((g) => s.validatorStake * (g.stakeShare ?? (unshared > 0 ? Math.max(0, 1 - explicit) / unshared : 0)));
}

interface Imported {
  keys: SnapshotKeys;
  snapshot: Snapshot;
  snap: SnapshotSubnet;
}

function populateSubnet(world: World, s: ResolvedSubnet, sub: SubnetWorld, imported: Imported | null): void {
  const { econ, accounts, rng } = world;
  const i = sub.netuid;
  const at = world.startBlock; // genesis registrations (no burn) at the run's first block
  const stakes = groupStakes(s);
  const totalStake = stakes.reduce((a, b) => a + b, 0);
  const agents: ValidatorAgent[] = [];
  let ownerHk = -1;
  if (imported !== null) {
    importSnapshotSubnet(world, imported.keys, imported.snap, s, sub, agents);
    // the entry's validators bring their stake as newly outstanding alpha
    econ.alphaOut[i] += rao(totalStake);
    econ.alphaIssuance[i] += rao(totalStake);
    econ.unownedAlpha[i] += rao(totalStake);
  } else {
    ownerHk = addSyntheticSubnet(world, s, i, totalStake);
    econ.registrationAllowed[i] = s.hyperparameters.registrationAllowed ? 1 : 0;
  }
  world.burnClocks.push(new BurnClock(sub, at));
  const tag = `subnet/${s.netuid}`;
  s.validators.forEach((g, gi) => {
    const weightOf = fieldEvaluator(g.stakeWeight, ["i", "n", "u", "z"], rng.stream(`${tag}/validators/${gi}/stakeWeight`));
    const rel = Array.from({ length: g.count }, (_, k) => Math.max(0, weightOf({ i: k, n: g.count })));
    const relSum = rel.reduce((a, b) => a + b, 0);
    for (let k = 0; k < g.count; k++) {
      const ck = world.nextColdkey++;
      const hk = world.newHotkey(ck);
      econ.keys.take[hk] = g.take;
      if (sub.n >= sub.params.maxAllowedUids) continue;
      const uid = appendNeuron(sub.neurons, hk, at); // genesis registration (no burn)
      const alpha = relSum > 0 ? rao((stakes[gi] * rel[k]) / relSum) : 0n;
      if (alpha > 0n) assignAlphaStake(econ, i, hk, alpha < econ.unownedAlpha[i] ? alpha : econ.unownedAlpha[i]);
      if (imported === null && alpha > 0n && totalStake > 0) assignNominatorAlpha(econ, i, hk, (s.start.nominatorAlpha * Number(alpha)) / 1e9 / totalStake);
      if (g.rootStake > 0) world.addRootStake(hk, ck, rao(g.rootStake));
      if (g.rootClaimType === "keep") econ.rootClaims.setClaimType(ck, ROOT_CLAIM_KEEP); // set_root_claim_type
      sub.role[uid] = Role.validator;
      sub.strategy[uid] = g.strategy;
      sub.group[uid] = gi;
      sub.neurons.validatorPermit[uid] = uid < s.hyperparameters.maxAllowedValidators ? 1 : 0;
      const params = g as unknown as ValidatorParams;
      agents.push(createValidatorAgent(params, {
        netuid: i, uid, capacity: sub.params.maxAllowedUids,
        noise: rng.stream(`${tag}/validator/${uid}/noise`), availability: rng.stream(`${tag}/validator/${uid}/offline`),
      }));
    }
  });
  world.validators.push(agents);
  s.miners.forEach((g, gi) => {
    if (g.label !== null && !sub.labels.includes(g.label)) sub.labels.push(g.label);
    const label = g.label === null ? -1 : sub.labels.indexOf(g.label);
    const qualityOf = fieldEvaluator(g.quality, ["i", "n", "uid", "u", "z"], rng.stream(`${tag}/miners/${gi}/quality`));
    const perOp = g.strategy === "sybil" ? g.hotkeys : 1;
    for (let k = 0; k < g.count; k++) {
      const ck = world.nextColdkey++;
      const q = Math.min(1, Math.max(0, qualityOf({ i: k, n: g.count, uid: sub.n })));
      const hotkeys: number[] = [];
      for (let h = 0; h < perOp; h++) hotkeys.push(world.newHotkey(ck));
      const opName = `${tag}/miner/${world.operators.length}`;
      const op = new MinerOperator(
        { strategy: g.strategy, drift: g.drift, leaveProbability: g.churn.leaveProbability, joinWhenProfitable: g.churn.joinWhenProfitable },
        q, hotkeys, rng.stream(`${opName}/drift`), rng.stream(`${opName}/churn`),
      );
      const opIndex = world.addOperator({ op, sub, coldkey: ck, group: gi, strategy: g.strategy, label });
      for (const hk of hotkeys) {
        if (sub.n >= sub.params.maxAllowedUids) continue;
        const uid = appendNeuron(sub.neurons, hk, at);
        markMiner(sub, uid, opIndex, gi, g.strategy, label, q);
      }
    }
  });
  if (ownerHk >= 0 && sub.n < s.hyperparameters.maxAllowedUids) sub.role[appendNeuron(sub.neurons, ownerHk, at)] = Role.owner;
  s.stakers.forEach((g, gi) => {
    for (let k = 0; k < g.count; k++) {
      const ck = world.nextColdkey++;
      const budget = rao(g.budget);
      econ.totalIssuance += budget; // genesis TAO held by the staker
      accounts.credit(ck, budget);
      world.addStaker({ state: { coldkey: ck, free: budget, hotkey: -1, alpha: 0n }, sub, group: gi });
    }
  });
  s.users.forEach((g, gi) => {
    const ck = world.nextColdkey++;
    const f = fieldEvaluator(g.taoPerDay, ["day", "u", "z"], rng.stream(`${tag}/users/${gi}/taoPerDay`));
    world.users.push({ sub, group: gi, coldkey: ck, taoPerDay: (day) => f({ day }), everyBlocks: g.everyBlocks });
  });
}

/** Marks `uid` as a serving miner hotkey of operator `opIndex`. */
export function markMiner(sub: SubnetWorld, uid: number, opIndex: number, group: number, strategy: string, label: number, quality: number): void {
  sub.role[uid] = Role.miner;
  sub.strategy[uid] = strategy;
  sub.group[uid] = group;
  sub.minerLabel[uid] = label;
  sub.operatorOfUid[uid] = opIndex;
  sub.trueQuality[uid] = quality;
  sub.isMiner[uid] = 1;
}
