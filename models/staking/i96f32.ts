// substrate-fixed I96F32 (signed, 32 fraction bits in an i128) on raw bigints, saturating as the chain
// calls it in staking/claim_root.rs. Multiplication floors (arithmetic shift), division truncates.

export const I96_ONE = 1n << 32n;
export const I128_MAX = (1n << 127n) - 1n;
export const I128_MIN = -(1n << 127n);
import { U64_MAX } from "../chainConstants.js";
export { U64_MAX };
export const U128_MAX = (1n << 128n) - 1n;

/** Clamp to the i128 range (every `saturating_*` result). */
export function satI96(x: bigint): bigint {
  return x > I128_MAX ? I128_MAX : x < I128_MIN ? I128_MIN : x;
}

/** `I96F32::saturating_from_num(u64 | u128)`. */
export function i96FromInt(x: bigint): bigint {
  return satI96(x << 32n);
}

/** `a.saturating_mul(b)`. */
export function i96Mul(a: bigint, b: bigint): bigint {
  return satI96((a * b) >> 32n);
}

/** `a.checked_div(b)`: null on zero divisor or overflow; truncates toward zero. */
export function i96CheckedDiv(a: bigint, b: bigint): bigint | null {
  if (b === 0n) return null;
  const q = (a << 32n) / b;
  return q > I128_MAX || q < I128_MIN ? null : q;
}

/** `saturating_add` / `saturating_sub`. */
export function i96Add(a: bigint, b: bigint): bigint {
  return satI96(a + b);
}
export function i96Sub(a: bigint, b: bigint): bigint {
  return satI96(a - b);
}

/** `saturating_to_num::<u64>()`: floor, negatives to 0, clamp at u64::MAX. */
export function i96ToU64(x: bigint): bigint {
  if (x < 0n) return 0n;
  const r = x >> 32n;
  return r > U64_MAX ? U64_MAX : r;
}

/** `saturating_to_num::<u128>()`. */
export function i96ToU128(x: bigint): bigint {
  if (x < 0n) return 0n;
  const r = x >> 32n;
  return r > U128_MAX ? U128_MAX : r;
}

/** u128 `saturating_add` / `saturating_sub`. */
export function u128Add(a: bigint, b: bigint): bigint {
  const r = a + b;
  return r > U128_MAX ? U128_MAX : r;
}
export function u128Sub(a: bigint, b: bigint): bigint {
  return a > b ? a - b : 0n;
}
