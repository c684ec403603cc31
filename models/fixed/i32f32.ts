// I32F32 (substrate-fixed v0.6.0) emulated as raw integers held in `number`s.
// A raw value r stands for r / 2^32. Every helper states the magnitudes it is exact for; the epoch's
// normalised quantities sit in [0, 2^32] raw, far inside those bounds, so no BigInt is needed per entry.

import { TWO31, TWO32 } from "../chainConstants.js";

export const ONE = TWO32; // I32F32 1.0
export const HALF = TWO31; // I32F32 0.5 (from_num(0.5) is exact)
const TWO16 = 65536;
const TWO53 = 9007199254740992;

// Fast paths: a float estimate t of an exact quotient q (|t − q| <= q·2^-52 < 2^-16 for q < 2^35) has the
// same floor as q whenever its fraction lies in [2^-16, 1 − 2^-16]; otherwise the exact slow path decides.
const FAST_LIMIT = 34359738368; // 2^35
const EPS = 1 / 65536; // 2^-16
const INV_ONE = 1 / TWO32; // 2^-32 (exact)

/** floor(a * b / 2^32) for 0 <= a, b and a * floor(b / 2^16) < 2^53 (e.g. a, b < 2^36): I32F32 mul (floor). */
export function mulFloor(a: number, b: number): number {
  const p = a * b;
  const t = p * INV_ONE; // relative error <= 2^-53; exact when p < 2^53
  const q = Math.floor(t);
  const f = t - q;
  // One test that almost always passes (products straddle 2^53, so testing that first was a coin flip).
  if ((f >= EPS && f <= 1 - EPS && t < FAST_LIMIT) || p < TWO53) return q;
  return mulFloorSplit(a, b);
}

function mulFloorSplit(a: number, b: number): number {
  const bh = Math.floor(b / TWO16);
  const bl = b - bh * TWO16;
  const q = a * bh;
  const qh = Math.floor(q / TWO16);
  const ql = q - qh * TWO16;
  return qh + Math.floor((ql * TWO16 + a * bl) / ONE);
}

/** ceil(a * b / 2^32) for the same range as mulFloor. */
export function mulCeil(a: number, b: number): number {
  const p = a * b;
  if (p < TWO53) return Math.ceil(p / ONE);
  const bh = Math.floor(b / TWO16);
  const bl = b - bh * TWO16;
  const q = a * bh;
  const qh = Math.floor(q / TWO16);
  const ql = q - qh * TWO16;
  return qh + Math.ceil((ql * TWO16 + a * bl) / ONE);
}

/** Signed I32F32 mul: arithmetic shift, i.e. floor toward −∞ (substrate-fixed `Mul`). */
export function mulFloorSigned(a: number, b: number): number {
  const p = a * b;
  const t = p * INV_ONE; // exact when |p| < 2^53
  const q = Math.floor(t);
  const f = t - q;
  if ((f >= EPS && f <= 1 - EPS && t < FAST_LIMIT && t > -FAST_LIMIT) || (p < TWO53 && p > -TWO53)) return q;
  if (a >= 0) return b >= 0 ? mulFloorSplit(a, b) : -mulCeil(a, -b);
  return b >= 0 ? -mulCeil(-a, b) : mulFloorSplit(-a, -b);
}

/** floor(a / b) and remainder for integers 0 <= a < 2^53, 0 < b < 2^53, corrected for float rounding. */
function floorDivInt(a: number, b: number): number {
  let q = Math.floor(a / b);
  const r = a - q * b;
  if (r < 0) q -= 1;
  else if (r >= b) q += 1;
  return q;
}

/**
 * floor(a * 2^32 / b) for integers 0 <= a, 0 < b (a, b < 2^45; larger goes through BigInt): I32F32
 * division (truncation toward zero equals floor for non-negative operands). Long division in base 2^16
 * (or 2^8 for large divisors) keeps every intermediate below 2^53. Callers guard b == 0 (safe_div).
 */
export function divFloor(a: number, b: number): number {
  const t = (a / b) * ONE; // relative error <= 2^-53
  const q = Math.floor(t);
  const f = t - q;
  if (t < FAST_LIMIT && f >= EPS && f <= 1 - EPS) return q;
  return divFloorExact(a, b);
}

/**
 * divFloor(a, b) given recip = 2^32 / b (rounded): one multiply instead of a division, for many
 * entries sharing one divisor. Same range as divFloor.
 */
export function divFloorRecip(a: number, b: number, recip: number): number {
  const t = a * recip; // relative error <= 2^-52
  const q = Math.floor(t);
  const f = t - q;
  if (t < FAST_LIMIT && f >= EPS && f <= 1 - EPS) return q;
  return divFloorExact(a, b);
}

/** floor(a · 2^32 / b) without the float estimate (the slow path of divFloor; same range). */
export function divFloorExact(a: number, b: number): number {
  if (a < 2097152) return floorDivInt(a * ONE, b); // a * 2^32 < 2^53
  if (a < 137438953472 && b < 137438953472) {
    const x = a * TWO16; // a, b < 2^37
    const q1 = floorDivInt(x, b);
    return q1 * TWO16 + floorDivInt((x - q1 * b) * TWO16, b);
  }
  if (a < 35184372088832 && b < 35184372088832) {
    let r = a; // a, b < 2^45: four base-2^8 digits (the first may exceed 255; the sum is still exact)
    let q = 0;
    for (let k = 0; k < 4; k++) {
      const x = r * 256;
      const d = floorDivInt(x, b);
      r = x - d * b;
      q = q * 256 + d;
    }
    return q;
  }
  return Number((BigInt(a) << 32n) / BigInt(b));
}

/** `safe_div` on non-negative I32F32 raws: 0 when the divisor is 0. */
export function safeDiv(a: number, b: number): number {
  return b === 0 ? 0 : divFloor(a, b);
}

/** chain: epoch/math.rs::fixed_proportion_to_u16 — floor(x * 65535) as u16, saturating. */
export function fixedProportionToU16(x: number): number {
  if (x <= 0) return 0;
  const v = Math.floor((x * 65535) / ONE); // x * 65535 < 2^53 for x < 2^37; larger x saturates anyway
  return v > 65535 ? 65535 : v;
}

/** chain: epoch/math.rs::u16_proportion_to_fixed — I32F32(u) / I32F32(65535). */
export function u16ProportionToFixed(u: number): number {
  return u * 65537 + Math.floor(u / 65535); // 2^32 = 65535·65537 + 1, so u·2^32/65535 = u·65537 + u/65535
}

/** kappa, bonds penalty, alpha low/high: I32F32(u16) / I32F32(65535) (run_epoch.rs::get_float_kappa). */
export const u16ToProportion = u16ProportionToFixed;
