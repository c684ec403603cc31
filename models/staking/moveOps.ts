/**
 * move_stake / transfer_stake / swap_stake(_limit), ported from subtensor
 * `staking/move_stake.rs::transition_stake_internal` and `stake_utils.rs::validate_stake_transition`,
 * `transfer_stake_within_subnet`. The fee is charged once: on the sell unless the origin is root.
 */
import { getMaxAmountMove } from "../pool/maxAmount.js";
import { MAX_PRICE_RAO, MIN_PRICE_RAO } from "../pool/pool.js";
import { currentPrice } from "../pool/swap.js";
import { fromInt, mulSat, toU64 } from "../pool/u64f64.js";
import { simSwap, stakeIntoSubnet, unstakeFromSubnet, type Refusal, type StakeError } from "./stakeOps.js";
import type { StakingState } from "./stakingState.js";

export type MoveResult = { ok: true; alphaMoved: bigint; tao: bigint; restaked: boolean } | Refusal;

export interface Transition {
  originColdkey: number;
  destinationColdkey: number;
  originHotkey: number;
  destinationHotkey: number;
  originNetuid: number;
  destinationNetuid: number;
  alpha: bigint;
  limitRao?: bigint;
  allowPartial?: boolean;
  checkTransferToggle: boolean;
}

const fail = (error: StakeError): Refusal => ({ ok: false, error });

/** `validate_stake_transition`. */
function validateTransition(s: StakingState, t: Transition, alpha: bigint, max: bigint): StakeError | null {
  const cross = t.originNetuid !== t.destinationNetuid;
  if (t.originColdkey === t.destinationColdkey && t.originHotkey === t.destinationHotkey && !cross) return "SameNetuid";
  const o = s.subnets.get(t.originNetuid);
  const d = s.subnets.get(t.destinationNetuid);
  if (!o || !d) return "SubnetNotExists";
  if (!o.subtokenEnabled || !d.subtokenEnabled) return "SubtokenDisabled";
  if (!s.hotkeyOwner.has(t.originHotkey) || !s.hotkeyOwner.has(t.destinationHotkey)) return "HotKeyAccountNotExists";
  if (alpha > s.stakeOf(t.originHotkey, t.originColdkey, t.originNetuid)) return "NotEnoughStakeToWithdraw";
  if (cross) {
    const r = simSwap(s, t.originNetuid, "sell", alpha);
    if (!r.ok) return "InsufficientLiquidity";
    if (r.amountPaidOut <= s.params.defaultMinStake) return "AmountTooLow";
    if (t.allowPartial === false && alpha > max) return "SlippageTooHigh";
  }
  if (t.checkTransferToggle && (!o.transferToggle || !d.transferToggle)) return "TransferDisallowed";
  return null;
}

/** `transition_stake_internal`. */
export function transitionStake(s: StakingState, t: Transition): MoveResult {
  const netuids = [...new Set([t.originNetuid, t.destinationNetuid])];
  return s.transactional(netuids, [t.originColdkey, t.destinationColdkey], () => {
    const avail = s.stakeOf(t.originHotkey, t.originColdkey, t.originNetuid);
    const alpha = t.alpha < avail ? t.alpha : avail;
    let max = alpha;
    const o = s.subnets.get(t.originNetuid);
    const d = s.subnets.get(t.destinationNetuid);
    if (t.originNetuid !== t.destinationNetuid && t.limitRao !== undefined && o && d) {
      const m = getMaxAmountMove(t.originNetuid, o.pool, t.destinationNetuid, d.pool, t.limitRao);
      if (!m.ok) return m;
      max = m.amount;
    }
    const e = validateTransition(s, t, alpha, max);
    if (e) return fail(e);
    const move = alpha < max ? alpha : max;
    if (t.originNetuid === t.destinationNetuid) return transferWithinSubnet(s, t, move);
    const dropOrigin = t.originNetuid === 0;
    const un = unstakeFromSubnet(s, t.originHotkey, t.originColdkey, t.originColdkey, t.originNetuid, move, MIN_PRICE_RAO, dropOrigin);
    if (!un.ok) return un;
    if (t.originColdkey !== t.destinationColdkey) {
      s.addBalance(t.originColdkey, -un.tao);
      s.addBalance(t.destinationColdkey, un.tao);
    }
    let restaked = false;
    if (un.tao >= s.params.defaultMinStake) {
      const st = stakeIntoSubnet(s, t.destinationHotkey, t.destinationColdkey, t.destinationNetuid, un.tao, MAX_PRICE_RAO, !dropOrigin);
      if (!st.ok) return st;
      restaked = true;
    }
    return { ok: true as const, alphaMoved: move, tao: un.tao, restaked };
  });
}

/** `transfer_stake_within_subnet`: a pure share move, no swap, no fee; TAO value must be ≥ DefaultMinStake. */
function transferWithinSubnet(s: StakingState, t: Transition, alpha: bigint): MoveResult {
  const from = s.sharePool(t.originHotkey, t.originNetuid);
  if (from.getValue(t.originColdkey) >= alpha) from.updateValueForOne(t.originColdkey, -alpha);
  s.sharePool(t.destinationHotkey, t.originNetuid).updateValueForOne(t.destinationColdkey, alpha);
  const price = currentPrice(s.subnets.get(t.originNetuid)!.pool);
  const taoEquivalent = toU64(mulSat(price, fromInt(alpha)));
  if (taoEquivalent < s.params.defaultMinStake) return fail("AmountTooLow");
  s.lastStakeBlock.set(`${t.destinationColdkey}:${t.destinationHotkey}`, s.block);
  return { ok: true, alphaMoved: alpha, tao: taoEquivalent, restaked: false };
}

/** `do_move_stake(origin_hk, dest_hk, origin_netuid, dest_netuid, alpha)`: same coldkey. */
export function moveStake(s: StakingState, ck: number, originHotkey: number, destinationHotkey: number, originNetuid: number, destinationNetuid: number, alpha: bigint): MoveResult {
  return transitionStake(s, { originColdkey: ck, destinationColdkey: ck, originHotkey, destinationHotkey, originNetuid, destinationNetuid, alpha, checkTransferToggle: false });
}

/** `do_transfer_stake(dest_ck, hk, origin_netuid, dest_netuid, alpha)`: checks TransferToggle. */
export function transferStake(s: StakingState, ck: number, destinationColdkey: number, hk: number, originNetuid: number, destinationNetuid: number, alpha: bigint): MoveResult {
  return transitionStake(s, { originColdkey: ck, destinationColdkey, originHotkey: hk, destinationHotkey: hk, originNetuid, destinationNetuid, alpha, checkTransferToggle: true });
}

/** `do_swap_stake(hk, origin_netuid, dest_netuid, alpha)` and `do_swap_stake_limit(…, limit, allow_partial)`. */
export function swapStake(s: StakingState, ck: number, hk: number, originNetuid: number, destinationNetuid: number, alpha: bigint, limitRao?: bigint, allowPartial?: boolean): MoveResult {
  return transitionStake(s, { originColdkey: ck, destinationColdkey: ck, originHotkey: hk, destinationHotkey: hk, originNetuid, destinationNetuid, alpha, limitRao, allowPartial, checkTransferToggle: false });
}
