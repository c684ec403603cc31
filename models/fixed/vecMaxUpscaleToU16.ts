// chain: epoch/math.rs::vec_max_upscale_to_u16 and vec_u16_max_upscale_to_u16 — what `set_weights` stores
// (spec/yuma.md §2.3). Inputs are raw I32F32 values (r stands for r / 2^32) or u16 integers. Computed in
// BigInt: this runs once per weight submission, and raws up to I32F32::MAX (2^63 − 1) must be handled.
// Raws outside the I32F32 range saturate to it (as `saturating_from_num` would when building them).
// vecU16MaxUpscaleToU16InPlace is the same rule on u16 rows in `number` arithmetic, for hot loops.

import { TWO31, TWO32 } from "../chainConstants.js";

const FRAC = 32n;
const I64_MAX = (1n << 63n) - 1n;
const I64_MIN = -(1n << 63n);
const U16_MAX_FIX = 65535n << FRAC; // I32F32(65535)
const THRESHOLD = 32768n << FRAC; // I32F32(32768)
const HALF = 1n << 31n;

function sat(x: bigint): bigint {
  return x > I64_MAX ? I64_MAX : x < I64_MIN ? I64_MIN : x;
}

/** Raw I32F32 (number or bigint; numbers are truncated toward zero and saturated) → bigint raw. */
function toRaw(x: number | bigint): bigint {
  if (typeof x === "bigint") return sat(x);
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 0n : x > 0 ? I64_MAX : I64_MIN;
  return sat(BigInt(Math.trunc(x)));
}

/** I32F32 saturating mul: arithmetic shift (floor), then clamp. */
function satMul(a: bigint, b: bigint): bigint {
  return sat((a * b) >> FRAC);
}

/** I32F32 safe_div: truncating division, 0 on a zero divisor, clamped on overflow. */
function safeDiv(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n;
  return sat((a << FRAC) / b);
}

/** I32F32 `round()` (ties away from zero) then `saturating_to_num::<u16>()`. */
function roundToU16(x: bigint): number {
  if (x <= 0n) return 0; // negative values round to ≤ 0 and saturate to 0
  const r = (x + HALF) >> FRAC;
  return r > 65535n ? 65535 : Number(r);
}

/** `saturating_to_num::<u16>()` (floor toward zero, clamp 0..65535). */
function truncToU16(x: bigint): number {
  if (x <= 0n) return 0;
  const r = x >> FRAC;
  return r > 65535n ? 65535 : Number(r);
}

/**
 * chain: epoch/math.rs::vec_max_upscale_to_u16. Scales so the maximum entry becomes 65535:
 * max == 0 → floor(e·65535); max > 32768 → round(e · (65535 / max)); else round((e · 65535) / max).
 */
export function vecMaxUpscaleToU16(vec: ArrayLike<number | bigint>): number[] {
  const n = vec.length;
  const raws: bigint[] = new Array(n);
  for (let i = 0; i < n; i++) raws[i] = toRaw(vec[i]);
  if (n === 0) return [];
  let max = raws[0];
  for (let i = 1; i < n; i++) if (raws[i] > max) max = raws[i];
  const out: number[] = new Array(n);
  if (max === 0n) {
    for (let i = 0; i < n; i++) out[i] = truncToU16(satMul(raws[i], U16_MAX_FIX));
  } else if (max > THRESHOLD) {
    const scale = safeDiv(U16_MAX_FIX, max);
    for (let i = 0; i < n; i++) out[i] = roundToU16(satMul(raws[i], scale));
  } else {
    for (let i = 0; i < n; i++) out[i] = roundToU16(safeDiv(satMul(raws[i], U16_MAX_FIX), max));
  }
  return out;
}

/** chain: epoch/math.rs::vec_u16_max_upscale_to_u16 — u16 integers as I32F32, then vecMaxUpscaleToU16. */
export function vecU16MaxUpscaleToU16(vec: ArrayLike<number>): number[] {
  const raws: bigint[] = new Array(vec.length);
  for (let i = 0; i < vec.length; i++) raws[i] = BigInt(vec[i]) << FRAC;
  return vecMaxUpscaleToU16(raws);
}

/**
 * chain: epoch/math.rs::vec_u16_max_upscale_to_u16 on `vals[from..to)`, in place and in `number`s (no
 * allocation): the same results as vecU16MaxUpscaleToU16 (a test checks it). Every intermediate stays
 * below 2^50, so doubles are exact (floor of a quotient is safe: the true quotient is at least 1/m ≥
 * 2^-16 away from the next integer, above the double's ulp there).
 */
export function vecU16MaxUpscaleToU16InPlace(vals: Uint16Array, from: number, to: number): void {
  let m = 0;
  for (let e = from; e < to; e++) if (vals[e] > m) m = vals[e];
  if (m === 0) return; // every entry is 0 and stays 0
  if (m > 32768) {
    const scale = Math.floor((65535 * TWO32) / m); // safe_div(I32F32(65535), I32F32(m)), raw
    for (let e = from; e < to; e++) vals[e] = roundRawToU16(vals[e] * scale);
  } else {
    for (let e = from; e < to; e++) {
      const q = vals[e] * 65535; // (v · 65535) as an integer; raw of the product is q · 2^32
      const hi = Math.floor(q / m);
      const lo = q - hi * m;
      vals[e] = roundRawToU16(hi * TWO32 + Math.floor((lo * TWO32) / m)); // safe_div raw = floor(q · 2^32 / m)
    }
  }
}

/** Non-negative I32F32 raw → round() (ties away from zero) → saturating u16. */
function roundRawToU16(raw: number): number {
  const r = Math.floor((raw + TWO31) / TWO32);
  return r > 65535 ? 65535 : r;
}
