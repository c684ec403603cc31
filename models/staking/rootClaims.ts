/**
 * Root claims, ported from pallets/subtensor/src/staking/claim_root.rs (14bc6f9f): root dividends
 * are credited as a claimable rate per unit of the hotkey's root stake; each (hotkey, coldkey)
 * claims rate·stake − RootClaimed, swapped to TAO on root (Swap) or kept as alpha (Keep).
 * Everything outside the claim storages goes through `RootClaimPort`, so the engine wires its own
 * stake and pool state.
 */
import { i96Add, i96CheckedDiv, i96FromInt, i96Mul, i96Sub, i96ToU128, i96ToU64, u128Add, u128Sub } from "./i96f32.js";
import { MAX_SUBNET_CLAIMS, type RootClaimType, type RootClaimsState } from "./rootClaimsState.js";

/** What root claims read and write outside their own storages (the engine's stake and pools). */
export interface RootClaimPort {
  /** get_stake_for_hotkey_on_subnet(hk, ROOT). */
  hotkeyRootStake(hotkey: number): bigint;
  /** get_stake_for_hotkey_and_coldkey_on_subnet(hk, ck, ROOT). */
  rootStake(hotkey: number, coldkey: number): bigint;
  /** Owner[hk]. */
  owner(hotkey: number): number;
  /** StakingHotkeys[ck], storage order. */
  stakingHotkeys(coldkey: number): readonly number[];
  /** increase_stake_for_hotkey_and_coldkey_on_subnet (the alpha is already in SubnetAlphaOut). */
  increaseStake(hotkey: number, coldkey: number, netuid: number, alpha: bigint): void;
  /** swap_alpha_for_tao(netuid, alpha, min_price, drop_fees = true): TAO out of the pool (reserves, TotalStake −). */
  swapAlphaForTao(netuid: number, alpha: bigint): { ok: true; tao: bigint } | { ok: false; error: string };
  /** transfer_tao_from_subnet(netuid, root subnet account, tao): null or the refusal. */
  transferTaoToRoot(netuid: number, tao: bigint): string | null;
  /** SubnetTAO[ROOT] += tao, SubnetAlphaOut[ROOT] += tao, TotalStake += tao. */
  addToRootPool(tao: bigint): void;
  /** record_protocol_outflow(netuid, tao) (SubnetProtocolFlow; may be a no-op). */
  recordProtocolOutflow(netuid: number, tao: bigint): void;
  /** with_transaction over the port's own state: fn's writes are undone when it returns ok = false. */
  atomic<R extends { ok: boolean }>(netuids: readonly number[], fn: () => R): R;
}

/** The part of the port increase_root_claimable uses (the coinbase wires it over its stake columns). */
export type RootClaimablePort = Pick<RootClaimPort, "hotkeyRootStake" | "owner" | "increaseStake">;

export type RootClaimError = string; // the swap's / transfer's refusal, or InvalidSubnetNumber
export type ClaimResult = { ok: true } | { ok: false; error: RootClaimError };
const OK: ClaimResult = Object.freeze({ ok: true });

/** Runs fn as one storage transaction over the claims state and the port. */
function transaction(claims: RootClaimsState, port: RootClaimPort, netuids: readonly number[], fn: () => ClaimResult): ClaimResult {
  const mark = claims.begin();
  const r = port.atomic(netuids, fn);
  if (r.ok) claims.commit(mark);
  else claims.rollback(mark);
  return r;
}

/**
 * increase_root_claimable_for_hotkey_and_subnet: RootClaimable[hk][i] += amount / rootStake(hk);
 * when amount > root stake (incl. no root stake) the alpha is staked to the hotkey's owner instead.
 * Returns "claimable" or "fallback".
 */
export function increaseRootClaimable(claims: RootClaimsState, port: RootClaimablePort, hotkey: number, netuid: number, amount: bigint): "claimable" | "fallback" {
  const total = i96FromInt(port.hotkeyRootStake(hotkey));
  const increment = i96CheckedDiv(i96FromInt(amount), total) ?? 0n;
  if (amount > i96ToU64(total)) {
    port.increaseStake(hotkey, port.owner(hotkey), netuid, amount);
    return "fallback";
  }
  claims.setClaimableRate(hotkey, netuid, i96Add(claims.claimableRate(hotkey, netuid), increment));
  return "claimable";
}

/** get_root_claimable_for_hotkey_coldkey: rate · coldkey's root stake (I96F32 raw). */
export function rootClaimableFor(claims: RootClaimsState, port: RootClaimPort, hotkey: number, coldkey: number, netuid: number): bigint {
  return i96Mul(claims.claimableRate(hotkey, netuid), i96FromInt(port.rootStake(hotkey, coldkey)));
}

/** get_root_owed_for_hotkey_coldkey_float: claimable − RootClaimed (I96F32 raw, may be negative). */
export function rootOwedFloat(claims: RootClaimsState, port: RootClaimPort, hotkey: number, coldkey: number, netuid: number): bigint {
  return i96Sub(rootClaimableFor(claims, port, hotkey, coldkey, netuid), i96FromInt(claims.claimed(netuid, hotkey, coldkey)));
}

/** get_root_owed_for_hotkey_coldkey: owed as u64 (negative → 0). */
export function rootOwed(claims: RootClaimsState, port: RootClaimPort, hotkey: number, coldkey: number, netuid: number): bigint {
  return i96ToU64(rootOwedFloat(claims, port, hotkey, coldkey, netuid));
}

/** Whether a claim of this type on `netuid` sells (Swap, or KeepSubnets not listing it). */
export function claimSwaps(t: RootClaimType, netuid: number): boolean {
  return t.kind === "Swap" || (t.kind === "KeepSubnets" && !t.subnets.has(netuid));
}

/** What one claim did (for ops logs and the conservation ledger). */
export interface ClaimEffect {
  netuid: number;
  hotkey: number;
  coldkey: number;
  alpha: bigint; // owed alpha claimed (RootClaimed += alpha)
  tao: bigint; // TAO staked on root (Swap), else 0
}

/**
 * root_claim_on_subnet: below RootClaimableThreshold (unless ignored) or owed = 0 it is a no-op.
 * Swap (in a transaction): sell the owed alpha, move the TAO to root, stake it on root for
 * (hk, ck), SubnetRootSellTao, protocol outflow, pre-credit RootClaimed for the new root stake.
 * Keep: stake the alpha on the subnet. Then RootClaimed += owed.
 */
export function rootClaimOnSubnet(
  claims: RootClaimsState, port: RootClaimPort, hotkey: number, coldkey: number, netuid: number,
  type: RootClaimType, ignoreMinimum: boolean, onClaim?: (e: ClaimEffect) => void,
): ClaimResult {
  const owed = rootOwedFloat(claims, port, hotkey, coldkey, netuid);
  if (!ignoreMinimum && owed < claims.threshold(netuid)) return OK;
  const owedU64 = i96ToU64(owed);
  if (owedU64 === 0n) return OK;
  let tao = 0n;
  if (claimSwaps(type, netuid)) {
    const r = transaction(claims, port, [netuid, 0], () => {
      const swap = port.swapAlphaForTao(netuid, owedU64);
      if (!swap.ok) return { ok: false, error: swap.error };
      const refused = port.transferTaoToRoot(netuid, swap.tao);
      if (refused !== null) return { ok: false, error: refused };
      claims.addSubnetRootSellTao(netuid, swap.tao);
      port.recordProtocolOutflow(netuid, swap.tao);
      port.increaseStake(hotkey, coldkey, 0, swap.tao);
      port.addToRootPool(swap.tao);
      addStakeAdjustRootClaimed(claims, hotkey, coldkey, swap.tao);
      tao = swap.tao;
      return OK;
    });
    if (!r.ok) return r;
  } else {
    port.increaseStake(hotkey, coldkey, netuid, owedU64);
  }
  claims.setClaimed(netuid, hotkey, coldkey, u128Add(claims.claimed(netuid, hotkey, coldkey), owedU64));
  onClaim?.({ netuid, hotkey, coldkey, alpha: owedU64, tao });
  return OK;
}

/** root_claim_all: every subnet in RootClaimable[hk] (ascending), optionally only `subnets`; stops at the first error. */
export function rootClaimAll(
  claims: RootClaimsState, port: RootClaimPort, hotkey: number, coldkey: number,
  subnets: ReadonlySet<number> | null, onClaim?: (e: ClaimEffect) => void,
): ClaimResult {
  const type = claims.claimType(coldkey);
  for (const [netuid] of claims.claimableOf(hotkey)) {
    if (subnets !== null && !subnets.has(netuid)) continue;
    const r = rootClaimOnSubnet(claims, port, hotkey, coldkey, netuid, type, false, onClaim);
    if (!r.ok) return r;
  }
  return OK;
}

/** add_stake_adjust_root_claimed_for_hotkey_and_coldkey: new root stake is not owed past dividends. */
export function addStakeAdjustRootClaimed(claims: RootClaimsState, hotkey: number, coldkey: number, amount: bigint): void {
  for (const [netuid, rate] of claims.claimableOf(hotkey)) {
    const inc = i96ToU128(i96Mul(rate, i96FromInt(amount)));
    claims.setClaimed(netuid, hotkey, coldkey, u128Add(claims.claimed(netuid, hotkey, coldkey), inc));
  }
}

/** remove_stake_adjust_root_claimed_for_hotkey_and_coldkey (root netuid skipped, as the chain). */
export function removeStakeAdjustRootClaimed(claims: RootClaimsState, hotkey: number, coldkey: number, amount: bigint): void {
  for (const [netuid, rate] of claims.claimableOf(hotkey)) {
    if (netuid === 0) continue;
    const dec = i96ToU128(i96Mul(rate, i96FromInt(amount)));
    claims.setClaimed(netuid, hotkey, coldkey, u128Sub(claims.claimed(netuid, hotkey, coldkey), dec));
  }
}

/** The netuids a coldkey's claim may touch (root plus every claimable subnet of its hotkeys). */
function touchedNetuids(claims: RootClaimsState, port: RootClaimPort, coldkey: number): number[] {
  const set = new Set<number>([0]);
  for (const hk of port.stakingHotkeys(coldkey)) for (const [n] of claims.claimableOf(hk)) set.add(n);
  return Array.from(set).sort((a, b) => a - b);
}

/** do_root_claim: root_claim_all over StakingHotkeys[ck], all or nothing. */
export function doRootClaim(
  claims: RootClaimsState, port: RootClaimPort, coldkey: number, subnets: ReadonlySet<number> | null,
  onClaim?: (e: ClaimEffect) => void,
): ClaimResult {
  const effects: ClaimEffect[] = [];
  const r = transaction(claims, port, touchedNetuids(claims, port, coldkey), () => {
    for (const hk of port.stakingHotkeys(coldkey)) {
      const one = rootClaimAll(claims, port, hk, coldkey, subnets, (e) => effects.push(e));
      if (!one.ok) return one;
    }
    return OK;
  });
  if (r.ok && onClaim) for (const e of effects) onClaim(e);
  return r;
}

/** The claim_root extrinsic: 1..=MAX_SUBNET_CLAIMS subnets, index the coldkey, do_root_claim. */
export function claimRoot(
  claims: RootClaimsState, port: RootClaimPort, coldkey: number, subnets: ReadonlySet<number>,
  onClaim?: (e: ClaimEffect) => void,
): ClaimResult {
  if (subnets.size === 0 || subnets.size > MAX_SUBNET_CLAIMS) return { ok: false, error: "InvalidSubnetNumber" };
  const mark = claims.begin(); // a failed extrinsic is rolled back whole, the index entry included
  claims.maybeAddColdkeyIndex(coldkey);
  const r = doRootClaim(claims, port, coldkey, subnets, onClaim);
  if (r.ok) claims.commit(mark);
  else claims.rollback(mark);
  return r;
}

/** The set_root_claim_type extrinsic (KeepSubnets must list a subnet). */
export function setRootClaimType(claims: RootClaimsState, coldkey: number, t: RootClaimType): ClaimResult {
  if (t.kind === "KeepSubnets" && t.subnets.size === 0) return { ok: false, error: "InvalidSubnetNumber" };
  claims.maybeAddColdkeyIndex(coldkey);
  claims.setClaimType(coldkey, t);
  return OK;
}

/** coldkey_has_root_stake: any of StakingHotkeys[ck] holds root stake for ck. */
export function coldkeyHasRootStake(port: Pick<RootClaimPort, "stakingHotkeys" | "rootStake">, coldkey: number): boolean {
  return port.stakingHotkeys(coldkey).some((hk) => port.rootStake(hk, coldkey) !== 0n);
}

/** What stake_into_subnet does on ROOT after the stake is credited (stake_utils.rs). */
export function afterRootStakeAdded(claims: RootClaimsState, hotkey: number, coldkey: number, alpha: bigint): void {
  addStakeAdjustRootClaimed(claims, hotkey, coldkey, alpha);
  claims.maybeAddColdkeyIndex(coldkey);
}

/** What unstake_from_subnet does on ROOT after the stake is debited (stake_utils.rs). */
export function afterRootStakeRemoved(
  claims: RootClaimsState, port: Pick<RootClaimPort, "stakingHotkeys" | "rootStake">, hotkey: number, coldkey: number, alpha: bigint,
): void {
  removeStakeAdjustRootClaimed(claims, hotkey, coldkey, alpha);
  if (!coldkeyHasRootStake(port, coldkey)) claims.maybeRemoveColdkeyIndex(coldkey);
}
