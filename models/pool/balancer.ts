/**
 * Weighted two-asset (Balancer) pool math, ported from subtensor
 * `pallets/swap/src/pallet/balancer.rs` (HEAD 14bc6f9f). x = alpha (base) reserve,
 * y = TAO (quote) reserve, w2 = quote weight as Perquintill parts (1e18 = 1.0), w1 = 1e18 − w2.
 * Prices and exponent results are U64F64 raw bits (see u64f64.ts); amounts are u64 rao as bigint.
 */
import { powRatioScaledFast as powRatioScaled } from "./powRatioFast.js"; // ≡ powRatioScaled.ts (tested), fewer BigInt ops
import { U128_MAX, U64F64_ONE, U64_MAX, fromInt, mulSat, safeDiv, subSat, toU64 } from "./u64f64.js";

/** Perquintill ACCURACY. */
export const ACCURACY = 1_000_000_000_000_000_000n;
/** MIN_WEIGHT = 0.01: both weights must be ≥ this (`check_constraints`). */
export const MIN_WEIGHT = ACCURACY / 100n;
/** Default quote weight 0.5 (`Balancer::default`). */
export const HALF_WEIGHT = ACCURACY / 2n;

/** `Balancer::check_constraints`. */
export function checkConstraints(quote: bigint): boolean {
  const base = quote >= ACCURACY ? 0n : ACCURACY - quote;
  return base >= MIN_WEIGHT && quote >= MIN_WEIGHT;
}

/** `Perquintill::from_rational(p, q)`: Rounding::Down, q = 0 or p ≥ q ⇒ one. */
export function perquintillFromRational(p: bigint, q: bigint): bigint {
  if (q === 0n || p >= q) return ACCURACY;
  return (p * ACCURACY) / q;
}

/** `Balancer::exp_scaled`: (x/(x+dx))^(w1/w2) if baseQuote, else ^(w2/w1); U64F64, capped at 1 for dx ≥ 0. */
export function expScaled(quote: bigint, x: bigint, dx: bigint, baseQuote: boolean): bigint {
  let xPlusDx: bigint;
  if (dx >= 0n) {
    xPlusDx = x + dx;
    if (xPlusDx > U64_MAX) xPlusDx = U64_MAX;
  } else xPlusDx = subSat(x, -dx);
  if (xPlusDx === 0n) return 0n;
  const w1 = ACCURACY - quote;
  const r = baseQuote ? powRatioScaled(x, xPlusDx, w1, quote, 256, ACCURACY) : powRatioScaled(x, xPlusDx, quote, w1, 256, ACCURACY);
  if (r === null || r < 0n || r > U64_MAX) return 0n;
  const result = safeDiv(fromInt(r), fromInt(ACCURACY));
  return dx >= 0n && result > U64F64_ONE ? U64F64_ONE : result;
}

/** `Balancer::calculate_price(x, y)` = (w1/w2)·(y/x), each factor truncated, product saturating. */
export function calculatePrice(quote: bigint, x: bigint, y: bigint): bigint {
  const w1w2 = safeDiv(fromInt(ACCURACY - quote), fromInt(quote));
  return mulSat(w1w2, safeDiv(fromInt(y), fromInt(x)));
}

/** `Balancer::mul_perquintill_round`: round-half-up of value·parts/1e18, saturating to u128. */
export function mulPerquintillRound(parts: bigint, value: bigint): bigint {
  const res = (value * parts + ACCURACY / 2n) / ACCURACY;
  return res > U128_MAX ? U128_MAX : res;
}

/**
 * `Balancer::update_weights_for_added_liquidity`: the new quote weight keeping the price when
 * (Δy, Δx) is added to (y, x), or null when it would leave [0.01, 0.99] (`InvalidValue`).
 */
export function updateWeightsForAddedLiquidity(quote: bigint, y: bigint, x: bigint, dy: bigint, dx: bigint): bigint | null {
  const q1 = mulPerquintillRound(ACCURACY - quote, satU128(y * satU128(x + dx)));
  const q2 = mulPerquintillRound(quote, satU128(x * satU128(y + dy)));
  const sum = satU128(q1 + q2);
  const w = sum !== 0n ? perquintillFromRational(q2, sum) : HALF_WEIGHT;
  return checkConstraints(w) ? w : null;
}

function satU128(v: bigint): bigint {
  return v > U128_MAX ? U128_MAX : v;
}

/** Shared tail of calculate_{quote,base}_delta_in: floor(reserve · (r/1e18 − 1)) in U64F64. */
function deltaFromExp(exp: bigint | null, reserve: bigint): bigint {
  if (exp === null) return 0n;
  const expFixed = exp <= U64_MAX ? fromInt(exp) : fromInt(U64_MAX);
  return toU64(mulSat(fromInt(reserve), subSat(safeDiv(expFixed, fromInt(ACCURACY)), U64F64_ONE)));
}

/** `Balancer::calculate_quote_delta_in`: TAO to pay to move the price from p up to p' (= y·((p'/p)^w1 − 1)). */
export function calculateQuoteDeltaIn(quote: bigint, current: bigint, target: bigint, y: bigint): bigint {
  return deltaFromExp(powRatioScaled(target, current, ACCURACY - quote, ACCURACY, 1024, ACCURACY), y);
}

/** `Balancer::calculate_base_delta_in`: alpha to pay to move the price from p down to p' (= x·((p/p')^w2 − 1)). */
export function calculateBaseDeltaIn(quote: bigint, current: bigint, target: bigint, x: bigint): bigint {
  return deltaFromExp(powRatioScaled(current, target, quote, ACCURACY, 1024, ACCURACY), x);
}

/** `Balancer::get_base_needed_for_quote`: alpha to sell to receive Δy TAO (= x·((y/(y−Δy))^(w2/w1) − 1)). */
export function getBaseNeededForQuote(quote: bigint, y: bigint, x: bigint, dy: bigint): bigint {
  const e = expScaled(quote, y, -dy, false);
  return toU64(mulSat(fromInt(x), subSat(e, U64F64_ONE)));
}

/**
 * `maybe_initialize_palswap(netuid, Some(price))` weight: w2 = y / (p·x + y), Perquintill floor,
 * p·x = int(p)·x + floor(x·frac(p)); null for `ReservesOutOfBalance` (p·x + y = 0 or w2 outside [0.01, 0.99]).
 */
export function quoteWeightForPrice(price: bigint, x: bigint, y: bigint): bigint | null {
  const pxHigh = (price >> 64n) * x;
  const pxLow = mulSat(fromInt(x), price & (U64F64_ONE - 1n)) >> 64n;
  const sum = pxHigh + pxLow + y;
  if (sum === 0n) return null;
  const w = perquintillFromRational(y, sum);
  return checkConstraints(w) ? w : null;
}
