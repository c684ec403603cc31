// What the agents do and when: after each epoch of a subnet (reveal due commits, miners drift and
// churn, validators propose weights, yield seekers rebalance), and on recurring trade events
// (price movers, service users). Every action goes through the protocol adapters.
import { demandPurchase, priceMoverActions, yieldSeekerActions, type MarketView } from "../../models/agents/stakers.js";
import type { StakerGroup } from "../../scenarios/schema.js";
import { spotPrice } from "./economyAdapter.js";
import { markMiner } from "./buildWorld.js";
import { burnedRegister } from "./registrationOps.js";
import { applyStakeAction } from "./stakeActions.js";
import { SubnetViewImpl } from "./SubnetViewImpl.js";
import type { SubnetWorld } from "./SubnetWorld.js";
import { seedWeights, submitWeights } from "./weightsOps.js";
import { sellPayouts } from "./holderSales.js";
import type { World } from "./World.js";
import { TWO32, U16_MAX } from "../../models/chainConstants.js";

/** Counters of what the protocol refused (reported as model-specific columns). */
export interface RefusalCounts {
  weights: number;
  stake: number;
  registration: number;
}

function viewOf(world: World, sub: SubnetWorld): SubnetViewImpl {
  let v = world.views[sub.netuid - 1];
  if (v === undefined) v = world.views[sub.netuid - 1] = new SubnetViewImpl(sub, world.econ);
  return v as SubnetViewImpl;
}

function minerDecisions(world: World, sub: SubnetWorld, block: number, refusals: RefusalCounts): void {
  const i = sub.netuid;
  const out = sub.lastOutput;
  let paid = 0;
  let serving = 0;
  for (let uid = 0; uid < sub.n; uid++) {
    if (sub.isMiner[uid] !== 1) continue;
    serving++;
    if (out !== null) paid += out.serverEmission[uid];
  }
  const expectedTao = serving > 0 ? ((paid / serving) * spotPrice(world.econ, i)) / 1e9 : 0;
  const burnTao = Number(world.burnClocks[i - 1].advance(block)) / 1e9;
  for (const opIndex of world.operatorsOf[i - 1] ?? []) {
    const slot = world.operators[opIndex];
    const op = slot.op;
    op.drift();
    const decision = op.decide(expectedTao, burnTao);
    if (decision === "leave") op.serving = false;
    if (decision === "rejoin") {
      op.serving = true;
      for (const hk of op.hotkeys) {
        if (sub.neurons.uidOf.has(hk)) continue;
        world.accounts.fundFromOutside(slot.coldkey, world.burnClocks[i - 1].advance(block));
        const r = burnedRegister(world, sub, world.burnClocks[i - 1], slot.coldkey, hk, block);
        if (!r.ok) refusals.registration++;
        else markMiner(sub, r.uid, opIndex, slot.group, slot.strategy, slot.label, op.quality);
      }
    }
  }
  for (let uid = 0; uid < sub.n; uid++) {
    const k = sub.operatorOfUid[uid];
    if (k < 0) continue;
    const op = world.operators[k].op;
    sub.trueQuality[uid] = op.serving ? op.quality : 0;
  }
}

function marketView(world: World, sub: SubnetWorld): MarketView {
  const econ = world.econ;
  const i = sub.netuid;
  const hotkeys: number[] = [];
  const yields: number[] = [];
  const out = sub.lastOutput;
  for (let uid = 0; uid < sub.n; uid++) {
    if (sub.role[uid] !== 1) continue;
    const hk = sub.neurons.hotkey[uid];
    const stake = Number(econ.keys.stake[i][hk]);
    const div = out !== null && uid < out.validatorEmission.length ? out.validatorEmission[uid] : 0;
    hotkeys.push(hk);
    yields.push(stake > 0 ? (div / stake) * (1 - econ.keys.take[hk] / U16_MAX) : 0);
  }
  return { netuid: sub.publicNetuid, validatorHotkeys: hotkeys, validatorYield: yields, price: spotPrice(econ, i), movingPrice: Number(econ.movingPrice[i]) / TWO32 };
}

function runStaker(world: World, k: number, refusals: RefusalCounts, kind: StakerGroup["strategy"]): void {
  const slot = world.stakers[k];
  const sub = slot.sub;
  const g = world.scenario.subnets[sub.netuid - 1].stakers[slot.group];
  if (g.strategy !== kind) return;
  const s = slot.state;
  s.free = world.accounts.balance(s.coldkey);
  s.alpha = s.hotkey >= 0 ? world.accounts.alphaOf(sub.netuid, s.hotkey, s.coldkey) : 0n;
  const view = marketView(world, sub);
  const actions =
    g.strategy === "yield-seeker"
      ? yieldSeekerActions(view, s, g.minYieldGain)
      : priceMoverActions(view, s, g.threshold, g.tradeFraction, view.validatorHotkeys.length > 0 ? view.validatorHotkeys[0] : -1);
  for (const a of actions) {
    const r = applyStakeAction(world, sub, a);
    if (!r.ok) {
      refusals.stake++;
      continue;
    }
    if (a.kind === "add-stake") s.hotkey = s.hotkey < 0 ? a.hotkey : s.hotkey;
    if (a.kind === "move-stake") s.hotkey = a.toHotkey;
  }
}

/** After the epoch of `sub` ran at `block` (its extrinsics follow the block's block_step). */
export function afterEpoch(world: World, sub: SubnetWorld, block: number, refusals: RefusalCounts): void {
  const epochIndex = world.econ.epochIndex[sub.netuid];
  sellPayouts(world, sub, refusals);
  minerDecisions(world, sub, block, refusals);
  const view = viewOf(world, sub);
  view.block = block;
  for (const agent of world.validators[sub.netuid - 1]) {
    const a = agent.decide(view);
    if (a === null) continue;
    const r = submitWeights(sub, world.econ, a, block, world.ops);
    if (r !== null && !r.ok) refusals.weights++;
  }
  for (const k of world.stakersOf[sub.netuid - 1] ?? []) {
    const g = world.scenario.subnets[sub.netuid - 1].stakers[world.stakers[k].group];
    if (g.strategy === "yield-seeker" && epochIndex % g.rebalanceEveryEpochs === 0) runStaker(world, k, refusals, "yield-seeker");
  }
}

/**
 * Sets every validator's initial weights as if revealed before the run (the subnet was already
 * running). They count as set one block after the genesis registrations (the run's first block), so that the
 * epoch's outdated-weight mask (last_update ≤ block_at_registration) keeps them.
 */
export function seedInitialWeights(world: World, sub: SubnetWorld): void {
  const view = viewOf(world, sub);
  for (const agent of world.validators[sub.netuid - 1]) {
    if (agent.strategy === "replay") continue; // imported: its row is already stored
    const a = agent.decide(view);
    if (a !== null) seedWeights(sub, world.econ, a, world.startBlock + 1);
  }
}

/** A recurring trade event of staker `index` (price movers) or user group `index`. */
export function runTrades(world: World, group: "stakers" | "users", index: number, block: number, refusals: RefusalCounts): void {
  if (group === "stakers") {
    runStaker(world, index, refusals, "price-mover");
    return;
  }
  const u = world.users[index];
  const sub = u.sub;
  const hk = world.econ.subnetOwnerHotkey[sub.netuid];
  const a = demandPurchase(sub.publicNetuid, u.coldkey, hk, u.taoPerDay(Math.floor((block - world.startBlock) / 7200)), u.everyBlocks, sub.demandFactor);
  if (a === null || a.kind !== "add-stake") return;
  world.accounts.fundFromOutside(u.coldkey, a.tao);
  const r = applyStakeAction(world, sub, a);
  if (!r.ok) {
    refusals.stake++;
    world.accounts.credit(u.coldkey, -a.tao); // unspent TAO goes back outside
    world.econ.otherTao += a.tao;
  }
}
