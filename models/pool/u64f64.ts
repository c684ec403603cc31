/**
 * U64F64 (substrate-fixed) as raw bigint bits: value = raw / 2^64, raw in [0, 2^128).
 * Only the operations the swap pallet uses, with its rounding: multiplication and
 * division truncate (unsigned ⇒ floor), `saturating_*` clamp to [0, 2^128 - 1], and
 * `safe_div` returns 0 on division by zero or overflow (safe-math `checked_div().unwrap_or_default()`).
 * bigint because raw values exceed 2^53; swaps are not per-entry inner loops.
 */
export const FRAC_BITS = 64n;
export const U64F64_ONE = 1n << 64n;
export const U128_MAX = (1n << 128n) - 1n;
export const U64_MAX = (1n << 64n) - 1n;

/** `U64F64::saturating_from_num(n)` for an integer n ≥ 0. */
export function fromInt(n: bigint): bigint {
  const raw = n << FRAC_BITS;
  return raw > U128_MAX ? U128_MAX : raw;
}

/** `a.saturating_mul(b)`: floor(a·b / 2^64), saturating. */
export function mulSat(a: bigint, b: bigint): bigint {
  const raw = (a * b) >> FRAC_BITS;
  return raw > U128_MAX ? U128_MAX : raw;
}

/** `a.safe_div(b)`: floor(a·2^64 / b); 0 when b = 0 or the quotient overflows. */
export function safeDiv(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n;
  const raw = (a << FRAC_BITS) / b;
  return raw > U128_MAX ? 0n : raw;
}

/** `a.saturating_sub(b)`. */
export function subSat(a: bigint, b: bigint): bigint {
  return a > b ? a - b : 0n;
}

/** `saturating_to_num::<u64>()`: floor, clamped to u64::MAX. */
export function toU64(a: bigint): bigint {
  const n = a >> FRAC_BITS;
  return n > U64_MAX ? U64_MAX : n;
}

/** Fractional part `frac()` as raw bits. */
export function frac(a: bigint): bigint {
  return a & (U64F64_ONE - 1n);
}

/**
 * Exact decimal string of a U64F64 value (a binary fraction always has a finite decimal
 * expansion: at most 64 digits). Trailing zeros trimmed; integers print without a point.
 */
export function toDecimalString(a: bigint): string {
  const int = a >> FRAC_BITS;
  let f = frac(a);
  if (f === 0n) return int.toString();
  // f / 2^64 = f · 5^64 / 10^64
  const digits = (f * 5n ** 64n).toString().padStart(64, "0").replace(/0+$/, "");
  return `${int}.${digits}`;
}

/** float64 view (nearest double of raw, then an exact power-of-two scale); not used by exact math. */
export function toNumber(a: bigint): number {
  return Number(a) / 2 ** 64;
}
