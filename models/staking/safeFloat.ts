import { U64_MAX } from "../chainConstants.js";
/**
 * SafeFloat (subtensor `primitives/share-pool/src/lib.rs`): mantissa·10^exponent with the mantissa
 * normalised into (1e20, 1e21]; every operation floors (U256 integer division). Immutable values;
 * bigint because mantissas exceed 2^53.
 */
export interface SafeFloat {
  readonly mantissa: bigint;
  readonly exponent: number;
}

const SAFE_FLOAT_MAX = 10n ** 21n;
const MIN_MANTISSA = SAFE_FLOAT_MAX / 10n;
const MAX_EXP = 21;
export const SF_ZERO: SafeFloat = { mantissa: 0n, exponent: 0 };

/** `cappow10`: 10^e, capped at 1e22 for e > 22. */
function cappow10(e: number): bigint {
  if (e > MAX_EXP + 1) return SAFE_FLOAT_MAX * 10n;
  return 10n ** BigInt(e);
}

/** `SafeFloat::normalize`. */
export function normalize(m: bigint, e: number): SafeFloat {
  if (m === 0n) return SF_ZERO;
  while (m > SAFE_FLOAT_MAX) {
    m /= 10n;
    e += 1;
  }
  while (m <= MIN_MANTISSA) {
    m *= 10n;
    e -= 1;
  }
  return { mantissa: m, exponent: e };
}

/** `SafeFloat::from(u64)`. */
export function sfFromU64(v: bigint): SafeFloat {
  return normalize(v, 0);
}

export function sfIsZero(a: SafeFloat): boolean {
  return a.mantissa === 0n;
}

/** `SafeFloat::add` (never fails in range). */
export function sfAdd(a: SafeFloat, b: SafeFloat): SafeFloat {
  if (sfIsZero(a)) return b;
  if (sfIsZero(b)) return a;
  if (a.exponent >= b.exponent) return normalize(a.mantissa + b.mantissa / cappow10(a.exponent - b.exponent), a.exponent);
  return normalize(a.mantissa / cappow10(b.exponent - a.exponent) + b.mantissa, b.exponent);
}

/** `SafeFloat::sub`: mantissa difference saturates at 0; null when subtracting from zero. */
export function sfSub(a: SafeFloat, b: SafeFloat): SafeFloat | null {
  if (sfIsZero(a) && sfIsZero(b)) return SF_ZERO;
  if (sfIsZero(a)) return null;
  if (sfIsZero(b)) return a;
  const sat = (x: bigint, y: bigint) => (x > y ? x - y : 0n);
  if (a.exponent >= b.exponent) return normalize(sat(a.mantissa, b.mantissa / cappow10(a.exponent - b.exponent)), a.exponent);
  return normalize(sat(a.mantissa / cappow10(b.exponent - a.exponent), b.mantissa), b.exponent);
}

/** `SafeFloat::mul_div`: a·b/c, floored; null when c = 0. */
export function sfMulDiv(a: SafeFloat, b: SafeFloat, c: SafeFloat): SafeFloat | null {
  if (c.mantissa === 0n) return null;
  return normalize((a.mantissa * b.mantissa) / c.mantissa, a.exponent + b.exponent - c.exponent);
}

/** `u64::from(&SafeFloat)`: floor, saturating. */
export function sfToU64(a: SafeFloat): bigint {
  if (a.exponent === 0) return a.mantissa > U64_MAX ? U64_MAX : a.mantissa;
  const scale = cappow10(Math.abs(a.exponent));
  const q = a.exponent > 0 ? a.mantissa * scale : a.mantissa / scale;
  return q > U64_MAX ? U64_MAX : q;
}
