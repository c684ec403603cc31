/**
 * The caller's side of a swap: subtensor `staking/stake_utils.rs::swap_tao_for_alpha` and
 * `swap_alpha_for_tao`. Runs the swap pallet (dynamic pools) or the 1:1 stable path and, only
 * on success, writes the reserve deltas into the pool. `totalStakeDelta` / `volumeDelta` are
 * returned for the caller's network-wide counters (`TotalStake`, `SubnetVolume`).
 */
import { doSwap, limitPriceFromRao, type SwapError, type SwapOk } from "./swap.js";
import type { Pool } from "./pool.js";

export interface AppliedSwap extends SwapOk {
  /** Signed change to `TotalStake`: buy adds the gross TAO, sell subtracts the TAO paid out. */
  totalStakeDelta: bigint;
  /** Increase of `SubnetVolume`. */
  volumeDelta: bigint;
}
export type AppliedSwapResult = AppliedSwap | { ok: false; error: SwapError };

const I64_MAX = (1n << 63n) - 1n;
/** `paid_*_reserve_delta_i64().unsigned_abs()` clamps through i64. */
const clampI64 = (v: bigint): bigint => (v > I64_MAX ? I64_MAX : v);

/** The swap's result with the caller's counters (a literal of one shape: a spread would build a dictionary object). */
function applied(r: SwapOk, totalStakeDelta: bigint, volumeDelta: bigint): AppliedSwap {
  return {
    ok: true, amountPaidIn: r.amountPaidIn, amountPaidOut: r.amountPaidOut, feePaid: r.feePaid,
    feeToBlockAuthor: r.feeToBlockAuthor, quoteWeight: r.quoteWeight, totalStakeDelta, volumeDelta,
  };
}

function stableResult(amount: bigint): SwapOk {
  return { ok: true, amountPaidIn: amount, amountPaidOut: amount, feePaid: 0n, feeToBlockAuthor: 0n, quoteWeight: 0n };
}

/** `swap_tao_for_alpha(netuid, tao, price_limit_rao, drop_fees)`; mutates `pool` only when ok. */
export function swapTaoForAlpha(pool: Pool, tao: bigint, limitRao: bigint, dropFees: boolean, minimumReserve?: bigint): AppliedSwapResult {
  const r = pool.mechanism === 1 ? doSwap(pool, "buy", tao, limitPriceFromRao(limitRao), dropFees, { minimumReserve }) : stableResult(tao);
  if (!r.ok) return r;
  if (pool.mechanism === 1) {
    pool.balancerInitialized = true;
    pool.quoteWeight = r.quoteWeight;
  }
  const out = clampI64(r.amountPaidOut);
  pool.alphaReserve = pool.alphaReserve > out ? pool.alphaReserve - out : 0n;
  pool.alphaOut += r.amountPaidOut;
  pool.taoReserve += clampI64(r.amountPaidIn);
  return applied(r, tao, tao);
}

/** `swap_alpha_for_tao(netuid, alpha, price_limit_rao, drop_fees)`; mutates `pool` only when ok. */
export function swapAlphaForTao(pool: Pool, alpha: bigint, limitRao: bigint, dropFees: boolean, minimumReserve?: bigint): AppliedSwapResult {
  const r = pool.mechanism === 1 ? doSwap(pool, "sell", alpha, limitPriceFromRao(limitRao), dropFees, { minimumReserve }) : stableResult(alpha);
  if (!r.ok) return r;
  if (pool.mechanism === 1) {
    pool.balancerInitialized = true;
    pool.quoteWeight = r.quoteWeight;
  }
  const inn = clampI64(r.amountPaidIn);
  pool.alphaReserve += inn;
  pool.alphaOut = pool.alphaOut > inn ? pool.alphaOut - inn : 0n;
  const out = clampI64(r.amountPaidOut);
  pool.taoReserve = pool.taoReserve > out ? pool.taoReserve - out : 0n;
  return applied(r, -r.amountPaidOut, r.amountPaidOut);
}
