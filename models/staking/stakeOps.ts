/**
 * add_stake / add_stake_limit / remove_stake / remove_stake_limit / unstake_all, ported from
 * subtensor `pallets/subtensor/src/staking/{add_stake,remove_stake,stake_utils}.rs` (HEAD 14bc6f9f).
 * Each returns a typed result and never changes the state on refusal.
 */
import { swapAlphaForTao, swapTaoForAlpha } from "../pool/applySwap.js";
import { getMaxAmountAdd, getMaxAmountRemove } from "../pool/maxAmount.js";
import { MAX_PRICE_RAO, MIN_PRICE_RAO } from "../pool/pool.js";
import { doSwap, limitPriceFromRao, type SwapError } from "../pool/swap.js";
import type { StakingStore } from "./stakingStore.js";

export type StakeError =
  | SwapError
  | "SubnetNotExists" | "SubtokenDisabled" | "AmountTooLow" | "SlippageTooHigh" | "NotEnoughBalanceToStake"
  | "HotKeyAccountNotExists" | "NotEnoughStakeToWithdraw" | "InsufficientBalance" | "SameNetuid" | "TransferDisallowed";

export type Refusal = { ok: false; error: StakeError };
export type StakeResult = { ok: true; taoStaked: bigint; alpha: bigint; fee: bigint } | Refusal;
export type UnstakeResult = { ok: true; alphaUnstaked: bigint; tao: bigint; fee: bigint; refund: bigint } | Refusal;

const fail = (error: StakeError): Refusal => ({ ok: false, error });

/** `sim_swap`: simulate with the default limit (max price for buys, min price for sells). */
export function simSwap(s: StakingStore, netuid: number, side: "buy" | "sell", amount: bigint) {
  const sub = s.subnet(netuid)!;
  if (sub.pool.mechanism !== 1) return { ok: true as const, amountPaidIn: amount, amountPaidOut: amount, feePaid: 0n };
  const limit = limitPriceFromRao(side === "buy" ? MAX_PRICE_RAO : MIN_PRICE_RAO);
  return doSwap(sub.pool, side, amount, limit, false, { simulate: true, minimumReserve: s.params.minimumReserve });
}

/** `validate_add_stake`. */
export function validateAddStake(s: StakingStore, ck: number, hk: number, netuid: number, amount: bigint, max: bigint, allowPartial: boolean): StakeError | null {
  const sub = s.subnet(netuid);
  if (!sub) return "SubnetNotExists";
  if (!sub.subtokenEnabled) return "SubtokenDisabled";
  const minStake = s.params.defaultMinStake;
  const feeSim = simSwap(s, netuid, "buy", minStake);
  const minFee = feeSim.ok ? feeSim.feePaid : 0n;
  if (amount < minStake + minFee) return "AmountTooLow";
  if (!allowPartial && amount > max) return "SlippageTooHigh";
  const toAdd = allowPartial && max < amount ? max : amount;
  if (s.balance(ck) < toAdd) return "NotEnoughBalanceToStake";
  if (!s.hotkeyExists(hk)) return "HotKeyAccountNotExists";
  const r = simSwap(s, netuid, "buy", toAdd);
  if (!r.ok) return "InsufficientLiquidity";
  if (r.amountPaidIn < minStake) return "AmountTooLow";
  if (r.amountPaidOut === 0n) return "InsufficientLiquidity";
  if (!s.sharePool(hk, netuid).simUpdateValueForOne(r.amountPaidOut)) return "InsufficientLiquidity";
  return null;
}

/** `stake_into_subnet`: TAO from the coldkey into the pool, alpha to the (hotkey, coldkey) share. */
export function stakeIntoSubnet(s: StakingStore, hk: number, ck: number, netuid: number, tao: bigint, limitRao: bigint, dropFees: boolean): StakeResult {
  const bal = s.balance(ck);
  const taoStaked = tao < bal ? tao : bal;
  if (taoStaked === 0n) return fail("InsufficientBalance");
  s.addBalance(ck, -taoStaked);
  const r = swapTaoForAlpha(s.subnet(netuid)!.pool, taoStaked, limitRao, dropFees, s.params.minimumReserve);
  if (!r.ok) return r;
  s.totalStake += r.totalStakeDelta;
  if (r.amountPaidOut === 0n) return fail("AmountTooLow");
  const sp = s.sharePool(hk, netuid);
  if (!sp.simUpdateValueForOne(r.amountPaidOut)) return fail("InsufficientLiquidity");
  sp.updateValueForOne(ck, r.amountPaidOut);
  if (s.blockAuthor !== null) s.addBalance(s.blockAuthor, r.feeToBlockAuthor);
  else s.burnTao(netuid, r.feeToBlockAuthor);
  // a buy truncated by its limit, or a fee with no input, leaves TAO on the subnet account (no refund)
  const left = taoStaked - r.amountPaidIn - r.feeToBlockAuthor;
  if (left > 0n) s.keepOnSubnetAccount(netuid, left);
  s.recordTaoFlow?.(netuid, r.amountPaidIn); // stake_utils.rs::record_tao_inflow
  s.markStakeBlock(ck, hk);
  return { ok: true, taoStaked, alpha: r.amountPaidOut, fee: r.feePaid };
}

/** `unstake_from_subnet`: alpha from the share into the pool, TAO to the beneficiary, unused alpha refunded. */
export function unstakeFromSubnet(s: StakingStore, hk: number, ck: number, beneficiary: number, netuid: number, alpha: bigint, limitRao: bigint, dropFees: boolean): UnstakeResult {
  const sp = s.sharePool(hk, netuid);
  if (sp.getValue(ck) >= alpha) sp.updateValueForOne(ck, -alpha); // chain: silently a no-op otherwise
  const pool = s.subnet(netuid)!.pool;
  const r = swapAlphaForTao(pool, alpha, limitRao, dropFees, s.params.minimumReserve);
  if (!r.ok) return r;
  s.totalStake += r.totalStakeDelta;
  const used = r.amountPaidIn + r.feePaid;
  const refund = alpha > used ? alpha - used : 0n;
  if (refund > 0n) sp.updateValueForOne(ck, refund);
  s.addBalance(beneficiary, r.amountPaidOut);
  let burned = r.feePaid; // taken from the share, not sold into the pool
  let outflow = r.amountPaidOut;
  if (s.blockAuthor !== null) {
    const fee = swapAlphaForTao(pool, r.feeToBlockAuthor, MIN_PRICE_RAO, true, s.params.minimumReserve);
    if (!fee.ok) return fee;
    s.totalStake += fee.totalStakeDelta;
    s.addBalance(s.blockAuthor, fee.amountPaidOut);
    burned -= fee.amountPaidIn;
    outflow += fee.amountPaidOut;
  }
  s.recordTaoFlow?.(netuid, -outflow); // stake_utils.rs::record_tao_outflow (paid out + the author's fee TAO)
  // `burn_subnet_alpha`: the fee alpha vanishes (SubnetAlphaOut not reduced, as on chain)
  if (burned > 0n) s.burnAlpha(netuid, burned);
  s.markStakeBlock(ck, hk);
  return { ok: true, alphaUnstaked: alpha, tao: r.amountPaidOut, fee: r.feePaid, refund };
}

function inputWithinSwapLimit(s: StakingStore, netuid: number, amount: bigint, side: "buy" | "sell"): boolean {
  const sub = s.subnet(netuid);
  if (!sub || netuid === 0 || sub.pool.mechanism !== 1) return true;
  return amount <= (side === "buy" ? sub.pool.taoReserve : sub.pool.alphaReserve) * 1000n;
}

/** `do_add_stake(hk, netuid, tao)`. */
export function addStake(s: StakingStore, ck: number, hk: number, netuid: number, tao: bigint): StakeResult {
  return s.transactional([netuid], [ck], () => {
    if (!inputWithinSwapLimit(s, netuid, tao, "buy")) return fail("InsufficientLiquidity");
    const e = validateAddStake(s, ck, hk, netuid, tao, tao, false);
    if (e) return fail(e);
    return stakeIntoSubnet(s, hk, ck, netuid, tao, MAX_PRICE_RAO, false);
  });
}

/** `do_add_stake_limit(hk, netuid, tao, limit_price, allow_partial)`. */
export function addStakeLimit(s: StakingStore, ck: number, hk: number, netuid: number, tao: bigint, limitRao: bigint, allowPartial: boolean): StakeResult {
  return s.transactional([netuid], [ck], () => {
    if (!inputWithinSwapLimit(s, netuid, tao, "buy")) return fail("InsufficientLiquidity");
    const sub = s.subnet(netuid);
    if (!sub) return fail("SubnetNotExists");
    const max = getMaxAmountAdd(netuid, sub.pool, limitRao);
    if (!max.ok) return max;
    const e = validateAddStake(s, ck, hk, netuid, tao, max.amount, allowPartial);
    if (e) return fail(e);
    return stakeIntoSubnet(s, hk, ck, netuid, tao < max.amount ? tao : max.amount, limitRao, false);
  });
}

/** `validate_remove_stake`. */
export function validateRemoveStake(s: StakingStore, ck: number, hk: number, netuid: number, alpha: bigint, max: bigint, allowPartial: boolean): StakeError | null {
  if (s.subnet(netuid) === undefined) return "SubnetNotExists";
  if (alpha === 0n) return "AmountTooLow";
  const current = s.stakeOf(hk, ck, netuid);
  if (current < alpha) return "NotEnoughStakeToWithdraw";
  const r = simSwap(s, netuid, "sell", alpha);
  if (!r.ok) return "InsufficientLiquidity";
  if (current - alpha > 0n && r.amountPaidOut < s.params.defaultMinStake) return "AmountTooLow";
  if (!allowPartial && alpha > max) return "SlippageTooHigh";
  if (!s.hotkeyExists(hk)) return "HotKeyAccountNotExists";
  return null;
}

/** `do_remove_stake(hk, netuid, alpha)`: alpha is capped at the current stake. */
export function removeStake(s: StakingStore, ck: number, hk: number, netuid: number, alpha: bigint): UnstakeResult {
  return s.transactional([netuid], [ck], () => {
    const sub = s.subnet(netuid);
    if (!sub) return fail("SubnetNotExists");
    if (!sub.subtokenEnabled) return fail("SubtokenDisabled");
    const avail = s.stakeOf(hk, ck, netuid);
    const a = alpha < avail ? alpha : avail;
    if (!inputWithinSwapLimit(s, netuid, a, "sell")) return fail("InsufficientLiquidity");
    const e = validateRemoveStake(s, ck, hk, netuid, a, a, false);
    if (e) return fail(e);
    return unstakeFromSubnet(s, hk, ck, ck, netuid, a, MIN_PRICE_RAO, false);
  });
}

/** `do_remove_stake_limit(hk, netuid, alpha, limit_price, allow_partial)`. */
export function removeStakeLimit(s: StakingStore, ck: number, hk: number, netuid: number, alpha: bigint, limitRao: bigint, allowPartial: boolean): UnstakeResult {
  return s.transactional([netuid], [ck], () => {
    const sub = s.subnet(netuid);
    if (!sub) return fail("SubnetNotExists");
    if (!sub.subtokenEnabled) return fail("SubtokenDisabled");
    const avail = s.stakeOf(hk, ck, netuid);
    const a = alpha < avail ? alpha : avail;
    if (!inputWithinSwapLimit(s, netuid, a, "sell")) return fail("InsufficientLiquidity");
    const max = getMaxAmountRemove(netuid, sub.pool, limitRao);
    if (!max.ok) return max;
    const possible = a < max.amount ? a : max.amount;
    const e = validateRemoveStake(s, ck, hk, netuid, possible, max.amount, allowPartial);
    if (e) return fail(e);
    return unstakeFromSubnet(s, hk, ck, ck, netuid, possible, limitRao, false);
  });
}

/** `do_unstake_all(hk)`: every subnet (incl. root) with SubtokenEnabled whose full unstake validates. */
export function unstakeAll(s: StakingStore, ck: number, hk: number): { ok: true; tao: bigint; netuids: number[] } | Refusal {
  const netuids = s.netuids();
  return s.transactional(netuids, [ck], () => {
    if (!s.hotkeyExists(hk)) return fail("HotKeyAccountNotExists");
    let tao = 0n;
    const done: number[] = [];
    for (const n of netuids) {
      if (!s.subnet(n)!.subtokenEnabled) continue;
      const a = s.stakeOf(hk, ck, n);
      if (validateRemoveStake(s, ck, hk, n, a, a, false) !== null) continue;
      const r = unstakeFromSubnet(s, hk, ck, ck, n, a, MIN_PRICE_RAO, false);
      if (!r.ok) return r;
      tao += r.tao;
      done.push(n);
    }
    if (done.length === 0) return fail("AmountTooLow");
    return { ok: true as const, tao, netuids: done };
  });
}
