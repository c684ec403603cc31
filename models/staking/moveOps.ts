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
import type { StakingStore } from "./stakingStore.js";

/** alphaMoved: taken from the origin; alphaOut: credited at the destination; fee: the sell's (alpha) or, from root, the buy's. */
export type MoveResult = { ok: true; alphaMoved: bigint; tao: bigint; restaked: boolean; alphaOut: bigint; fee: bigint } | Refusal;

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
function validateTransition(s: StakingStore, t: Transition, alpha: bigint, max: bigint): StakeError | null {
  const cross = t.originNetuid !== t.destinationNetuid;
  if (t.originColdkey === t.destinationColdkey && t.originHotkey === t.destinationHotkey && !cross) return "SameNetuid";
  const o = s.subnet(t.originNetuid);
  const d = s.subnet(t.destinationNetuid);
  if (!o || !d) return "SubnetNotExists";
  if (!o.subtokenEnabled || !d.subtokenEnabled) return "SubtokenDisabled";
  if (!s.hotkeyExists(t.originHotkey) || !s.hotkeyExists(t.destinationHotkey)) return "HotKeyAccountNotExists";
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
export function transitionStake(s: StakingStore, t: Transition): MoveResult {
  const netuids = [...new Set([t.originNetuid, t.destinationNetuid])];
  return s.transactional(netuids, [t.originColdkey, t.destinationColdkey], () => {
    const avail = s.stakeOf(t.originHotkey, t.originColdkey, t.originNetuid);
    const alpha = t.alpha < avail ? t.alpha : avail;
    let max = alpha;
    const o = s.subnet(t.originNetuid);
    const d = s.subnet(t.destinationNetuid);
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
    let alphaOut = 0n;
    let fee = un.fee;
    if (un.tao >= s.params.defaultMinStake) {
      const st = stakeIntoSubnet(s, t.destinationHotkey, t.destinationColdkey, t.destinationNetuid, un.tao, MAX_PRICE_RAO, !dropOrigin);
      if (!st.ok) return st;
      restaked = true;
      alphaOut = st.alpha;
      fee += st.fee;
    }
    return { ok: true as const, alphaMoved: move, tao: un.tao, restaked, alphaOut, fee };
  });
}

/** `transfer_stake_within_subnet`: a pure share move, no swap, no fee; TAO value must be ≥ DefaultMinStake. */
function transferWithinSubnet(s: StakingStore, t: Transition, alpha: bigint): MoveResult {
  const from = s.sharePool(t.originHotkey, t.originNetuid);
  if (from.getValue(t.originColdkey) >= alpha) from.updateValueForOne(t.originColdkey, -alpha);
  s.sharePool(t.destinationHotkey, t.originNetuid).updateValueForOne(t.destinationColdkey, alpha);
  const price = currentPrice(s.subnet(t.originNetuid)!.pool);
  const taoEquivalent = toU64(mulSat(price, fromInt(alpha)));
  if (taoEquivalent < s.params.defaultMinStake) return fail("AmountTooLow");
  s.markStakeBlock(t.destinationColdkey, t.destinationHotkey);
  return { ok: true, alphaMoved: alpha, tao: taoEquivalent, restaked: false, alphaOut: alpha, fee: 0n };
}

/** `do_move_stake(origin_hk, dest_hk, origin_netuid, dest_netuid, alpha)`: same coldkey. */
export function moveStake(s: StakingStore, ck: number, originHotkey: number, destinationHotkey: number, originNetuid: number, destinationNetuid: number, alpha: bigint): MoveResult {
  return transitionStake(s, { originColdkey: ck, destinationColdkey: ck, originHotkey, destinationHotkey, originNetuid, destinationNetuid, alpha, checkTransferToggle: false });
}

/** `do_transfer_stake(dest_ck, hk, origin_netuid, dest_netuid, alpha)`: checks TransferToggle. */
export function transferStake(s: StakingStore, ck: number, destinationColdkey: number, hk: number, originNetuid: number, destinationNetuid: number, alpha: bigint): MoveResult {
  return transitionStake(s, { originColdkey: ck, destinationColdkey, originHotkey: hk, destinationHotkey: hk, originNetuid, destinationNetuid, alpha, checkTransferToggle: true });
}

/** `do_swap_stake(hk, origin_netuid, dest_netuid, alpha)` and `do_swap_stake_limit(…, limit, allow_partial)`. */
export function swapStake(s: StakingStore, ck: number, hk: number, originNetuid: number, destinationNetuid: number, alpha: bigint, limitRao?: bigint, allowPartial?: boolean): MoveResult {
  return transitionStake(s, { originColdkey: ck, destinationColdkey: ck, originHotkey: hk, destinationHotkey: hk, originNetuid, destinationNetuid, alpha, limitRao, allowPartial, checkTransferToggle: false });
}
