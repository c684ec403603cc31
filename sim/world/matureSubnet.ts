// A synthetic subnet's chain state at the run's first block: brand new or mature (`subnets[].start`:
// age, moving price, pool quote weight, alpha outstanding and who holds it, the staggered epoch
// clock), and the aggregate holders of a `detail: pools` subnet.
import { addSubnet, assignAlphaStake, type ChainEconomy } from "../../models/emission/chainEconomy.js";
import { appendNeuron } from "../../models/registration/subnetNeurons.js";
import { TWO32 } from "../../models/chainConstants.js";
import type { ResolvedSubnet } from "../../scenarios/schema.js";
import { BurnClock } from "./registrationOps.js";
import { Role } from "./roles.js";
import { fieldEvaluator, rao } from "./scenarioValues.js";
import type { SubnetWorld } from "./SubnetWorld.js";
import type { World } from "./World.js";

const PERQUINTILL = 1_000_000_000_000_000_000;

/** init_new_network's LastEpochBlock: now − (netuid mod tempo), saturating at 0. */
export function staggeredLastEpochBlock(now: number, netuid: number, tempo: number): number {
  return Math.max(0, now - (netuid % Math.max(1, tempo)));
}

/** Alpha outstanding at the start: validators' stake, nominators' and the protocol's. */
export function startAlphaOut(s: ResolvedSubnet, validatorStake: number): number {
  return validatorStake + s.start.nominatorAlpha + s.start.protocolAlpha;
}

/** Adds the subnet (pool, owner, schedule) to the economy; returns the owner's hotkey. */
export function addSyntheticSubnet(world: World, s: ResolvedSubnet, i: number, validatorStake: number): number {
  const now = world.startBlock;
  const ownerCk = world.nextColdkey++;
  const ownerHk = world.newHotkey(ownerCk);
  const price = s.pool.alphaReserve > 0 ? s.pool.taoReserve / s.pool.alphaReserve : 0;
  const moving = s.start.movingPrice ?? Math.min(price, 1);
  addSubnet(world.econ, {
    netuid: i, mechanism: 1, taoReserve: rao(s.pool.taoReserve), alphaReserve: rao(s.pool.alphaReserve),
    alphaOutstanding: rao(startAlphaOut(s, validatorStake)), tempo: s.tempo, firstEmissionBlock: now - s.start.age,
    emissionEnabled: s.emissionEnabled, movingPrice: BigInt(Math.floor(moving * TWO32)), ownerColdkey: ownerCk, ownerHotkey: ownerHk,
    lastEpochBlock: s.start.lastEpochBlock ?? staggeredLastEpochBlock(now, s.netuid, s.tempo),
  });
  if (s.start.quoteWeight !== null) world.econ.quoteWeight[i] = BigInt(Math.round(s.start.quoteWeight * PERQUINTILL));
  return ownerHk;
}

/** Nominators' alpha behind a validator hotkey (held, like all genesis stake, by the hotkey's coldkey). */
export function assignNominatorAlpha(econ: ChainEconomy, i: number, hotkey: number, alpha: number): void {
  const a = rao(alpha);
  if (a > 0n) assignAlphaStake(econ, i, hotkey, a < econ.unownedAlpha[i] ? a : econ.unownedAlpha[i]);
}

/**
 * Aggregate validator k of every pools subnet is one hotkey (as mainnet's large validators validate on
 * every subnet), so its root stake counts once against the alpha it holds on each subnet.
 */
function sharedValidatorHotkey(world: World, k: number, take: number): number {
  const shared = (world.aggregateValidators ??= []);
  if (shared[k] === undefined) {
    shared[k] = world.newHotkey(world.nextColdkey++);
    world.econ.keys.take[shared[k]] = take;
  }
  return shared[k];
}

/**
 * A `detail: pools` subnet: the pool and schedule as a synthetic subnet, then aggregate holders
 * registered as neurons — uid 0 one hotkey for all miners, uids 1.. the validators (validatorStake
 * and nominatorAlpha split equally; hotkeys shared by all pools subnets, each with the largest
 * rootStake given). poolsEpoch.ts pays them.
 */
export function populatePoolsSubnet(world: World, s: ResolvedSubnet, sub: SubnetWorld): void {
  const econ = world.econ;
  const i = sub.netuid;
  const at = world.startBlock;
  addSyntheticSubnet(world, s, i, s.validatorStake);
  econ.registrationAllowed[i] = s.hyperparameters.registrationAllowed ? 1 : 0; // get_subnets_to_emit_to reads it; nobody registers here
  world.burnClocks.push(new BurnClock(sub, at));
  const minersCk = world.nextColdkey++;
  const minersHk = world.newHotkey(minersCk);
  const m = appendNeuron(sub.neurons, minersHk, at);
  sub.role[m] = Role.miner;
  sub.group[m] = 0;
  const h = s.holders.validators;
  const each = s.validatorStake / h.count;
  for (let k = 0; k < h.count; k++) {
    const hk = sharedValidatorHotkey(world, k, h.take);
    const ck = econ.keys.owner[hk];
    const uid = appendNeuron(sub.neurons, hk, at);
    sub.role[uid] = Role.validator;
    sub.group[uid] = 0;
    sub.neurons.validatorPermit[uid] = 1;
    const alpha = rao(each);
    if (alpha > 0n) assignAlphaStake(econ, i, hk, alpha < econ.unownedAlpha[i] ? alpha : econ.unownedAlpha[i]);
    assignNominatorAlpha(econ, i, hk, s.start.nominatorAlpha / h.count);
    const root = rao(h.rootStake) - econ.keys.stake[0][hk]; // the largest rootStake any pools subnet gives it
    if (root > 0n) world.addRootStake(hk, ck, root);
  }
  const b = s.holders.buyers;
  if (b.taoPerDay !== 0) {
    // outside buyers: the full subnets' `users` machinery (runTrades), one coldkey for all of them
    const f = fieldEvaluator(b.taoPerDay, ["day", "u", "z"], world.rng.stream(`subnet/${s.netuid}/holders/buyers/taoPerDay`));
    world.users.push({ sub, group: 0, coldkey: world.nextColdkey++, taoPerDay: (day) => f({ day }), everyBlocks: b.everyBlocks });
  }
  sub.aggregate = true;
  world.validators.push([]);
}
