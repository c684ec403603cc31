/**
 * Subnet registration and the start call: subtensor `subnets/subnet.rs::do_register_network`,
 * `init_new_network`, `do_start_call`, `get_next_netuid`, `staking/stake_utils.rs::
 * get_median_subnet_alpha_price` and `coinbase/root.rs::get_lock_reduction_interval` (HEAD 14bc6f9f).
 *
 * State: a `NetworkRegistry` (one `SubnetRecord` per added non-root subnet plus the global lock
 * and rate-limit storage) next to the `StakingState` that holds pools, balances and share pools.
 * The lock is not burned: the whole lock becomes the new pool's TAO reserve (at least
 * NetworkMinLockCost), with alpha sized at the median subnet price, so the new subnet starts at
 * the median price. A refusal changes nothing.
 */
import { makePool } from "../pool/pool.js";
import { currentPrice } from "../pool/swap.js";
import { safeDiv, toU64 } from "../pool/u64f64.js";
import type { StakingState } from "../staking/stakingState.js";
import { destroyAlphaInOutStakes, networkToPrune, type Dissolved } from "./dissolveNetwork.js";
import { networkLockCost } from "./lockCost.js";
import { createAccountIfNonExistent, newSubnetRegistrationState, type Keyring, type SubnetRegistrationState } from "./registerNeuron.js";
import { appendNeuron, createSubnetNeurons, type SubnetNeurons } from "./subnetNeurons.js";

export interface SubnetRecord {
  netuid: number;
  /** `NetworkRegisteredAt`. */
  registeredAt: number;
  /** `SubnetOwner` (coldkey), `SubnetOwnerHotkey`. */
  ownerColdkey: number;
  ownerHotkey: number;
  /** `SubnetLocked`: the lock actually paid. */
  locked: bigint;
  /** `FirstEmissionBlockNumber` (null until start_call). */
  firstEmissionBlock: number | null;
  /** `SubnetEmissionEnabled` (false after registration until root enables it). */
  emissionEnabled: boolean;
  /** `Tempo`, `LastEpochBlock` (init: now − netuid mod tempo). */
  tempo: number;
  lastEpochBlock: number;
  /** `SubnetMovingPrice` raw I96F32 (read by pruning). */
  movingPrice: bigint;
  /** `SubnetProtocolAlpha`. */
  protocolAlpha: bigint;
  neurons: SubnetNeurons;
  reg: SubnetRegistrationState;
}

export interface NetworkRegistry {
  /** `NetworksAdded` (non-root), by netuid. */
  subnets: Map<number, SubnetRecord>;
  /** `NetworkLastLockCost`. */
  lastLockCost: bigint;
  /** `LastRateLimitedBlock[NetworkLastRegistered]` (0 = never). */
  lastLockBlock: number;
}

export interface NetworkParams {
  subnetLimit: number; // SubnetLimit 128
  networkMinLockCost: bigint; // NetworkMinLockCost 1000 TAO
  networkLockReductionInterval: bigint; // 100_800 blocks
  networkRateLimit: number; // 7200 blocks
  networkImmunityPeriod: number; // 1_296_000 blocks
  networkRegistrationStartBlock: number; // 0
  taoInRefundDeploymentBlock: number; // 0
  startCallDelay: number; // 0
  defaultTempo: number; // 360
  defaultNeuronBurnCost: bigint; // 1 TAO
  subnetOwnerCut: number; // 11_796
  existentialDeposit: bigint; // 0 = ignore (runtime 500)
}

const TAO = 1_000_000_000n;
export const DEFAULT_NETWORK_PARAMS: Readonly<NetworkParams> = Object.freeze({
  subnetLimit: 128, networkMinLockCost: 1000n * TAO, networkLockReductionInterval: 100_800n, networkRateLimit: 7200,
  networkImmunityPeriod: 1_296_000, networkRegistrationStartBlock: 0, taoInRefundDeploymentBlock: 0, startCallDelay: 0,
  defaultTempo: 360, defaultNeuronBurnCost: TAO, subnetOwnerCut: 11_796, existentialDeposit: 0n,
});

/** chain: root.rs::get_lock_reduction_interval = floor(interval · I64F64(emission / 1e9)). */
export function lockReductionInterval(interval: bigint, blockEmission: bigint): bigint {
  const halving = (blockEmission << 64n) / TAO; // I64F64 raw, truncated
  return (interval * halving) >> 64n;
}

/** chain: stake_utils.rs::get_median_subnet_alpha_price over U64F64 prices (non-positive skipped; none → 1). */
export function medianSubnetAlphaPrice(prices: readonly bigint[]): bigint {
  const p = prices.filter((x) => x > 0n).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (p.length === 0) return 1n << 64n;
  const lo = p[(p.length - 1) >> 1];
  const hi = p[p.length >> 1];
  return (p.length - 1) >> 1 === p.length >> 1 ? hi : safeDiv(lo + hi, 2n << 64n);
}

/** chain: subnet.rs::get_next_netuid — the smallest unused netuid ≥ 1. */
export function nextNetuid(reg: NetworkRegistry): number {
  let n = 1;
  while (reg.subnets.has(n)) n++;
  return n;
}

export interface NetworkRegistrationContext {
  block: number;
  registry: NetworkRegistry;
  staking: StakingState;
  /** `Owner` / `OwnedHotkeys`; its freeBalance must be the staking state's. */
  keys: Keyring;
  params: NetworkParams;
  /** Block emission (rao), for the lock reduction interval. */
  blockEmission: bigint;
  /** `is_subnet_account_id`: system accounts cannot be hotkeys (default: none). */
  isSystemAccount?: (hotkey: number) => boolean;
  /** A subnet's alpha issuance, for the legacy owner refund when a pruned subnet predates NetworkRegistrationStartBlock. */
  alphaIssuance?: (netuid: number) => bigint;
}

export type NetworkRegistrationError =
  | "NonAssociatedColdKey" | "CannotUseSystemAccount" | "MechanismDoesNotExist" | "SubNetRegistrationDisabled"
  | "NetworkTxRateLimitExceeded" | "SubnetLimitReached" | "CannotAffordLockCost" | "InsufficientBalance";

export interface NetworkRegistered {
  ok: true;
  netuid: number;
  /** The lock charged (`get_network_lock_cost`) and what actually moved. */
  lockCost: bigint;
  lockPaid: bigint;
  /** The new pool: SubnetTAO = max(paid, min lock), SubnetAlphaIn = floor(poolTao / median). */
  poolTao: bigint;
  poolAlpha: bigint;
  medianPrice: bigint;
  /** The subnet pruned to make room (its netuid is reused), with its payouts. */
  pruned: { netuid: number; dissolved: Dissolved } | null;
}
export type RegisterNetworkResult = NetworkRegistered | { ok: false; error: NetworkRegistrationError };

/** chain: subnet.rs::do_register_network(origin = coldkey, hotkey, mechid). */
export function registerNetwork(ctx: NetworkRegistrationContext, coldkey: number, hotkey: number, mechid = 1): RegisterNetworkResult {
  const { registry: r, params: p, keys, staking } = ctx;
  const fail = (error: NetworkRegistrationError) => ({ ok: false as const, error });
  const owner = keys.hotkeyOwner.get(hotkey);
  if (owner !== undefined && owner !== coldkey) return fail("NonAssociatedColdKey");
  if (ctx.isSystemAccount?.(hotkey)) return fail("CannotUseSystemAccount");
  if (mechid !== 1) return fail("MechanismDoesNotExist");
  if (ctx.block < p.networkRegistrationStartBlock) return fail("SubNetRegistrationDisabled");
  if (!(r.lastLockBlock === 0 || Math.max(ctx.block - r.lastLockBlock, 0) >= p.networkRateLimit)) return fail("NetworkTxRateLimitExceeded");
  let prune: number | null = null;
  if (r.subnets.size >= p.subnetLimit) {
    prune = networkToPrune([...r.subnets.values()].map((s) => ({ netuid: s.netuid, registeredAt: s.registeredAt, mechanism: staking.subnets.get(s.netuid)?.pool.mechanism ?? 1, movingPrice: s.movingPrice })), ctx.block, p.networkImmunityPeriod);
    if (prune === null) return fail("SubnetLimitReached");
  }
  const lockCost = networkLockCost({
    lastLock: r.lastLockCost, lastLockBlock: BigInt(r.lastLockBlock), now: BigInt(ctx.block),
    reductionInterval: lockReductionInterval(p.networkLockReductionInterval, ctx.blockEmission), minLock: p.networkMinLockCost,
  });
  const balance = keys.freeBalance.get(coldkey) ?? 0n;
  if (lockCost > balance) return fail("CannotAffordLockCost");
  // transfer_tao_to_subnet (Preserve); checked before any write so a refusal changes nothing
  if (lockCost > 0n && balance <= p.existentialDeposit) return fail("InsufficientBalance"); // (unreachable with lock ≥ 1000 TAO)

  let pruned: NetworkRegistered["pruned"] = null;
  if (prune !== null) {
    const old = r.subnets.get(prune)!;
    const d = destroyAlphaInOutStakes(staking, {
      netuid: prune, registeredAt: old.registeredAt, ownerColdkey: old.ownerColdkey, locked: old.locked, protocolAlpha: old.protocolAlpha,
      networkRegistrationStartBlock: p.networkRegistrationStartBlock, taoInRefundDeploymentBlock: p.taoInRefundDeploymentBlock,
      subnetOwnerCut: p.subnetOwnerCut, alphaIssuance: ctx.alphaIssuance?.(prune) ?? 0n,
    });
    if (d.ok) pruned = { netuid: prune, dissolved: d.result };
    r.subnets.delete(prune); // remove_network
  }
  const netuid = prune ?? nextNetuid(r);
  const medianPrice = medianSubnetAlphaPrice([...r.subnets.keys()].map((n) => { const s = staking.subnets.get(n); return s ? currentPrice(s.pool) : 0n; }));
  // transfer_tao_to_subnet after the dissolution (which may have paid this coldkey): min(lock, balance − ED)
  const after = keys.freeBalance.get(coldkey) ?? 0n;
  const reducible = after > p.existentialDeposit ? after - p.existentialDeposit : 0n;
  const paid = lockCost < reducible ? lockCost : reducible;
  keys.freeBalance.set(coldkey, after - paid);
  r.lastLockCost = paid;
  r.lastLockBlock = ctx.block;
  createAccountIfNonExistent(keys, coldkey, hotkey);
  const neurons = createSubnetNeurons(netuid, 256);
  appendNeuron(neurons, hotkey, ctx.block);
  const poolTao = paid >= p.networkMinLockCost ? paid : p.networkMinLockCost;
  const poolAlpha = toU64(safeDiv(poolTao << 64n, medianPrice)); // U64F64(poolTao).safe_div(median), floored
  const reg = newSubnetRegistrationState(p.defaultNeuronBurnCost, ctx.block);
  reg.raoRecycledForRegistration = paid > poolTao ? paid - poolTao : 0n;
  const tempo = p.defaultTempo;
  r.subnets.set(netuid, {
    netuid, registeredAt: ctx.block, ownerColdkey: coldkey, ownerHotkey: hotkey, locked: paid, firstEmissionBlock: null,
    emissionEnabled: false, tempo, lastEpochBlock: Math.max(ctx.block - (netuid % Math.max(tempo, 1)), 0),
    movingPrice: 0n, protocolAlpha: 0n, neurons, reg,
  });
  // The balancer is not initialised here: the first swap sets w = 0.5, so the price is poolTao / poolAlpha.
  staking.addSubnet(netuid, makePool(poolTao, poolAlpha, { balancerInitialized: false }), { subtokenEnabled: false });
  staking.totalStake += poolTao;
  return { ok: true, netuid, lockCost, lockPaid: paid, poolTao, poolAlpha, medianPrice, pruned };
}

export type StartCallError = "SubnetNotExists" | "BadOrigin" | "FirstEmissionBlockNumberAlreadySet" | "NeedWaitingMoreBlocksToStarCall";

/** chain: subnet.rs::do_start_call — FirstEmissionBlockNumber = now + 1, SubtokenEnabled = true. */
export function startCall(registry: NetworkRegistry, staking: StakingState, origin: number, netuid: number, now: number, startCallDelay = 0): { ok: true; firstEmissionBlock: number } | { ok: false; error: StartCallError } {
  const s = registry.subnets.get(netuid);
  if (s === undefined) return { ok: false, error: "SubnetNotExists" };
  if (origin !== s.ownerColdkey) return { ok: false, error: "BadOrigin" };
  if (s.firstEmissionBlock !== null) return { ok: false, error: "FirstEmissionBlockNumberAlreadySet" };
  if (now < s.registeredAt + startCallDelay) return { ok: false, error: "NeedWaitingMoreBlocksToStarCall" };
  s.firstEmissionBlock = now + 1;
  const sub = staking.subnets.get(netuid);
  if (sub) sub.subtokenEnabled = true;
  return { ok: true, firstEmissionBlock: now + 1 };
}
