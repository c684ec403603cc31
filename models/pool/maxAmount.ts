/**
 * Limit-order sizing: subtensor `staking/add_stake.rs::get_max_amount_add`,
 * `remove_stake.rs::get_max_amount_remove`, `move_stake.rs::get_max_amount_move`.
 * Amounts and limits in rao (limit = rao per alpha, as the extrinsics take it).
 */
import { doSwap, currentPrice, limitPriceFromRao, type SwapError } from "./swap.js";
import { MAX_SWAP_INPUT_RESERVE_MULTIPLIER, type Pool } from "./pool.js";
import { U64_MAX, fromInt, mulSat, safeDiv, subSat, toU64 } from "./u64f64.js";

export type MaxAmount = { ok: true; amount: bigint } | { ok: false; error: SwapError };

const satU64 = (v: bigint): bigint => (v > U64_MAX ? U64_MAX : v);
const isStable = (netuid: number, pool: Pool): boolean => netuid === 0 || pool.mechanism === 0;

/** `get_max_amount_add`: TAO (incl. fee) that can be staked before the price reaches the limit. */
export function getMaxAmountAdd(netuid: number, pool: Pool, limitRao: bigint): MaxAmount {
  if (isStable(netuid, pool)) return { ok: true, amount: limitRao >= 1_000_000_000n ? U64_MAX : 0n };
  const input = satU64(pool.taoReserve * MAX_SWAP_INPUT_RESERVE_MULTIPLIER);
  const r = doSwap(pool, "buy", input, limitPriceFromRao(limitRao), false, { simulate: true });
  return r.ok ? { ok: true, amount: satU64(r.amountPaidIn + r.feePaid) } : r;
}

/** `get_max_amount_remove`: alpha (incl. fee) that can be unstaked before the price falls to the limit. */
export function getMaxAmountRemove(netuid: number, pool: Pool, limitRao: bigint): MaxAmount {
  if (isStable(netuid, pool)) return { ok: true, amount: limitRao <= 1_000_000_000n ? U64_MAX : 0n };
  const input = satU64(pool.alphaReserve * MAX_SWAP_INPUT_RESERVE_MULTIPLIER);
  const r = doSwap(pool, "sell", input, limitPriceFromRao(limitRao), false, { simulate: true });
  return r.ok ? { ok: true, amount: satU64(r.amountPaidIn + r.feePaid) } : r;
}

/**
 * `get_max_amount_move`: origin alpha movable before the origin/destination price ratio falls to
 * the limit. The dynamic→dynamic case is the chain's constant-product closed form (it ignores
 * balancer weights ≠ 0.5; spec §9.4).
 */
export function getMaxAmountMove(originNetuid: number, origin: Pool, destNetuid: number, dest: Pool, limitRao: bigint): MaxAmount {
  const tao = fromInt(1_000_000_000n);
  const oStable = isStable(originNetuid, origin);
  const dStable = isStable(destNetuid, dest);
  if (oStable && dStable) return { ok: true, amount: limitRao > 1_000_000_000n ? 0n : U64_MAX };
  if (oStable && dest.mechanism === 1) {
    if (limitRao === 0n) return { ok: true, amount: U64_MAX };
    const destPrice = toU64(mulSat(safeDiv(tao, fromInt(limitRao)), tao));
    return getMaxAmountAdd(destNetuid, dest, destPrice);
  }
  if (dStable && origin.mechanism === 1) return getMaxAmountRemove(originNetuid, origin, limitRao);
  const t1 = origin.taoReserve;
  const t2 = dest.taoReserve;
  if (t1 === 0n || t2 === 0n) return { ok: true, amount: 0n };
  const a1 = origin.alphaReserve;
  const a2 = dest.alphaReserve;
  if (a1 === 0n || a2 === 0n) return { ok: true, amount: 0n };
  const limit = safeDiv(fromInt(limitRao), fromInt(1_000_000_000n));
  const current = safeDiv(currentPrice(origin), currentPrice(dest));
  if (limit > current) return { ok: true, amount: 0n };
  if (limitRao === 0n) return { ok: true, amount: U64_MAX };
  const sum = fromInt(t1) + fromInt(t2); // U64F64 saturating_add; two u64 values cannot overflow
  const t1Share = safeDiv(fromInt(t1), sum);
  const t2Share = safeDiv(fromInt(t2), sum);
  return { ok: true, amount: toU64(subSat(safeDiv(mulSat(fromInt(a2), t1Share), limit), mulSat(fromInt(a1), t2Share))) };
}
