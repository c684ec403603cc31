// Limb helpers for exact unsigned integers of up to 8 × 32-bit limbs on `number`s (little-endian limbs in a
// Float64Array, each an integer in [0, 2^32)), for the balancer's u128 / Perquintill products in the
// fast coinbase (fastWeights.ts, fastFromRational.ts). No BigInt, no allocation: callers pass preallocated limb arrays.

const TWO32 = 4294967296;
export const LIMBS = 8;

// Perquintill constants as words (hi·2^32 + lo)
export const PARTS_H = 232830643; // 1e18 = 0x0de0b6b3_a7640000 (Perquintill accuracy)
export const PARTS_L = 2808348672;
export const HALF_PARTS_H = 116415321; // 5e17 = 0x06f05b59_d3b20000
export const HALF_PARTS_L = 3551657984;
export const MINW_H = 2328306; // MIN_WEIGHT 1e16 = 0x002386f2_6fc10000
export const MINW_L = 1874919424;
export const MAXW_H = 230502337; // 1 − MIN_WEIGHT = 99e16 = 0x0dbd2fc1_37a30000
export const MAXW_L = 933429248;

/** Output words of the fast balancer functions (fastWeightedPrice.ts, fastWeights.ts, fastFromRational.ts). */
export const out = new Float64Array(3);

/** out ← a + b over n limbs (out may alias a); returns the carry out. */
export function ladd(out: Float64Array, a: Float64Array, b: Float64Array, n: number): number {
  let c = 0;
  for (let k = 0; k < n; k++) {
    const s = a[k] + b[k] + c;
    c = s >= TWO32 ? 1 : 0;
    out[k] = s - c * TWO32;
  }
  return c;
}

/** Compares a and b over n limbs: −1, 0, 1. */
export function lcmp(a: Float64Array, b: Float64Array, n: number): number {
  for (let k = n - 1; k >= 0; k--) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  return 0;
}

/** True when the n limbs of a are all zero. */
export function lzero(a: Float64Array, n: number): boolean {
  for (let k = 0; k < n; k++) if (a[k] !== 0) return false;
  return true;
}

