/**
 * The swap pallet's single-step balancer swap, ported from subtensor
 * `pallets/swap/src/pallet/impls.rs::do_swap → swap_inner` and `swap_step.rs::BasicSwapStep`.
 * Pure: computes the result against a pool without touching it (the chain's swap pallet never
 * writes reserves either; `applySwap.ts` does the caller's bookkeeping).
 */
import { ACCURACY, HALF_WEIGHT, calculateBaseDeltaIn, calculatePrice, calculateQuoteDeltaIn, expScaled } from "./balancer.js";
import { MAX_SWAP_INPUT_RESERVE_MULTIPLIER, MINIMUM_RESERVE, type Pool } from "./pool.js";
import { U64F64_ONE, U64_MAX, fromInt, mulSat, safeDiv, subSat, toU64 } from "./u64f64.js";

/** GetAlphaForTao = "buy" (TAO in, alpha out); GetTaoForAlpha = "sell". */
export type SwapSide = "buy" | "sell";

export type SwapError = "SwapInputTooLarge" | "ReservesTooLow" | "PriceLimitExceeded" | "InsufficientLiquidity";

export interface SwapOk {
  ok: true;
  /** Input that entered the pool, net of fee (`amount_paid_in`). */
  amountPaidIn: bigint;
  /** Output leaving the pool (`amount_paid_out`). */
  amountPaidOut: bigint;
  /** Fee in the input token (`fee_paid`). */
  feePaid: bigint;
  /** Fee due to the block author (`fee_to_block_author`; 0 when nothing was swapped). */
  feeToBlockAuthor: bigint;
  /** Quote weight the swap ran with (0.5 if the balancer was not yet initialised). */
  quoteWeight: bigint;
}
export type SwapResult = SwapOk | { ok: false; error: SwapError };

export interface SwapOptions {
  /** `simulate` (sim_swap): skip the post-swap reserve-overuse check. */
  simulate?: boolean;
  /** `MinimumReserve` (runtime 1e6; the swap pallet's own tests use 1). */
  minimumReserve?: bigint;
}

/**
 * `current_price`: TAO per alpha as U64F64 raw bits; 1 for stable pools, 0 with no alpha. It reads
 * the stored `SwapBalancer` even before `PalSwapInitialized` (an injection may already have re-weighted it).
 */
export function currentPrice(pool: Pool): bigint {
  if (pool.mechanism !== 1) return U64F64_ONE;
  if (pool.alphaReserve === 0n) return 0n;
  return calculatePrice(pool.quoteWeight, pool.alphaReserve, pool.taoReserve);
}

/** Weight the next swap uses: `maybe_initialize_palswap(None)` sets 0.5 if uninitialised. */
export function effectiveQuote(pool: Pool): bigint {
  return pool.balancerInitialized ? pool.quoteWeight : HALF_WEIGHT;
}

/** `calculate_fee_amount`: floor(amount · (FeeRate/65535)), U64F64; 0 for stable pools or drop_fees. */
export function calculateFeeAmount(pool: Pool, amount: bigint, dropFees: boolean): bigint {
  if (dropFees || pool.mechanism !== 1) return 0n;
  const rate = safeDiv(fromInt(BigInt(pool.feeRate)), fromInt(65535n));
  return toU64(mulSat(fromInt(amount), rate));
}

/** `SwapEngine::swap` limit conversion: U64F64(limit_rao) / 1e9. */
export function limitPriceFromRao(limitRao: bigint): bigint {
  if (limitRao !== lastLimit.rao) {
    lastLimit.rao = limitRao;
    lastLimit.price = safeDiv(fromInt(limitRao), fromInt(1_000_000_000n));
  }
  return lastLimit.price;
}
/** The last limit converted (callers pass the same max_price / min_price again and again). */
const lastLimit = { rao: -1n, price: 0n };

/** `convert_deltas`: output for a net input, on the pool's current reserves. */
export function convertDeltas(side: SwapSide, quote: bigint, x: bigint, y: bigint, deltaIn: bigint): bigint {
  if (side === "buy") return toU64(mulSat(fromInt(x), subSat(U64F64_ONE, expScaled(quote, y, deltaIn, false))));
  return toU64(mulSat(fromInt(y), subSat(U64F64_ONE, expScaled(quote, x, deltaIn, true))));
}

function satAddU64(a: bigint, b: bigint): bigint {
  const s = a + b;
  return s > U64_MAX ? U64_MAX : s;
}

/** The pool's price before the swap (`current_price`; 0 with no alpha in the pool). */
function poolPrice(quote: bigint, x: bigint, y: bigint): bigint {
  return x === 0n ? 0n : calculatePrice(quote, x, y);
}

/**
 * True when `calculatePrice(quote, x, y)` is certainly below `limit`: the price is a product of two
 * truncated quotients, so the real (w1/w2)·(y/x) bounds it from above; in doubles that bound is within
 * 2^−50 relative, and both sides are given 2^−40 of room. Lets a buy skip two U64F64 prices when the
 * limit is far (the coinbase's chain buys run at max_price); otherwise the exact comparison decides.
 */
function priceSurelyBelow(quote: bigint, x: bigint, y: bigint, limit: bigint): boolean {
  if (x === 0n || quote === 0n || quote >= ACCURACY) return false;
  const up = (Number(ACCURACY - quote) / Number(quote)) * (Number(y) / Number(x)) * (1 + 2 ** -40);
  return up * 2 ** 64 < Number(limit) * (1 - 2 ** -40);
}

/**
 * `do_swap(netuid, order, limit_price, drop_fees, simulate)` for a dynamic pool.
 * `limitPrice` is U64F64 raw bits (use `limitPriceFromRao` for the extrinsics' rao limits).
 */
export function doSwap(pool: Pool, side: SwapSide, amount: bigint, limitPrice: bigint, dropFees: boolean, opts: SwapOptions = {}): SwapResult {
  const x = pool.alphaReserve;
  const y = pool.taoReserve;
  const reserveIn = side === "buy" ? y : x;
  const reserveOut = side === "buy" ? x : y;
  // ensure_swap_input_within_reserve_limit
  const fee0 = calculateFeeAmount(pool, amount, dropFees);
  const maxIn = reserveIn * MAX_SWAP_INPUT_RESERVE_MULTIPLIER;
  if (subSat(amount, fee0) > (maxIn > U64_MAX ? U64_MAX : maxIn)) return { ok: false, error: "SwapInputTooLarge" };
  // swap_inner
  if (reserveOut < (opts.minimumReserve ?? MINIMUM_RESERVE)) return { ok: false, error: "ReservesTooLow" };
  const quote = effectiveQuote(pool);
  const beyond = side === "buy" ? priceSurelyBelow(quote, x, y, limitPrice) || poolPrice(quote, x, y) < limitPrice : poolPrice(quote, x, y) > limitPrice;
  if (!beyond) return { ok: false, error: "PriceLimitExceeded" };
  // BasicSwapStep::new: price_target, the price after the whole requested input
  let fee = fee0;
  const requested = subSat(amount, fee);
  const outIfAll = convertDeltas(side, quote, x, y, requested);
  const x2 = side === "buy" ? subSat(x, outIfAll) : satAddU64(x, requested); // reserves after the whole input
  const y2 = side === "buy" ? satAddU64(y, requested) : subSat(y, outIfAll);
  // determine_action
  let deltaIn: bigint;
  let deltaOut: bigint;
  const within = side === "buy" ? priceSurelyBelow(quote, x2, y2, limitPrice) || calculatePrice(quote, x2, y2) <= limitPrice : calculatePrice(quote, x2, y2) >= limitPrice;
  if (within) {
    deltaIn = requested;
    deltaOut = outIfAll; // process_swap's convert_deltas on the same input
  } else {
    const current = poolPrice(quote, x, y);
    deltaIn = side === "buy" ? calculateQuoteDeltaIn(quote, current, limitPrice, y) : calculateBaseDeltaIn(quote, current, limitPrice, x);
    const u16max = fromInt(65535n);
    const rate = dropFees ? 0n : fromInt(BigInt(pool.feeRate));
    fee = toU64(mulSat(fromInt(deltaIn), safeDiv(rate, subSat(u16max, rate))));
    // process_swap
    deltaOut = convertDeltas(side, quote, x, y, deltaIn);
  }
  let feeToBlockAuthor = 0n;
  if (deltaIn !== 0n) {
    if (deltaOut === 0n) return { ok: false, error: "ReservesTooLow" };
    feeToBlockAuthor = fee;
  }
  if (!opts.simulate && reserveOut < deltaOut) return { ok: false, error: "InsufficientLiquidity" };
  return { ok: true, amountPaidIn: deltaIn, amountPaidOut: deltaOut, feePaid: fee, feeToBlockAuthor, quoteWeight: quote };
}
