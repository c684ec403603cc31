// Exact unsigned integers of up to 8 × 32-bit limbs on `number`s (little-endian limbs in a
// Float64Array, each an integer in [0, 2^32)), for the balancer's u128 / Perquintill products in the
// fast coinbase (fastWeights.ts). No BigInt, no allocation: callers pass preallocated limb arrays.

import { digitSmall, mulWide, rem, res } from "./exactSplit.js";

const TWO32 = 4294967296;
const INV32 = 1 / TWO32;
export const LIMBS = 8;

/** out ← a·b (na, nb limbs; out has ≥ na + nb limbs, distinct from a and b). Returns na + nb. */
export function lmul(out: Float64Array, a: Float64Array, na: number, b: Float64Array, nb: number): number {
  const n = na + nb;
  for (let k = 0; k < n; k++) out[k] = 0;
  for (let i = 0; i < na; i++) {
    const ai = a[i];
    if (ai === 0) continue;
    let carry = 0; // < 2^33
    for (let j = 0; j < nb; j++) {
      mulWide(ai, b[j]);
      const s = out[i + j] + res[1] + carry; // < 2^34
      const c = Math.floor(s * INV32);
      out[i + j] = s - c * TWO32;
      carry = res[0] + c;
    }
    let k = i + nb;
    while (carry !== 0) {
      const s = out[k] + carry;
      const c = s >= TWO32 ? 1 : 0;
      out[k] = s - c * TWO32;
      carry = c;
      k++;
    }
  }
  return n;
}

/** a ← a + (h·2^32 + l) (h, l < 2^32) over n limbs; the carry out of the top limb is dropped. */
export function laddSmall(a: Float64Array, n: number, h: number, l: number): void {
  let s = a[0] + l;
  let c = s >= TWO32 ? 1 : 0;
  a[0] = s - c * TWO32;
  s = a[1] + h + c;
  c = s >= TWO32 ? 1 : 0;
  a[1] = s - c * TWO32;
  for (let k = 2; k < n && c !== 0; k++) {
    s = a[k] + 1;
    c = s >= TWO32 ? 1 : 0;
    a[k] = s - c * TWO32;
  }
}

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

/** a ← a − b over n limbs (a ≥ b). */
export function lsub(a: Float64Array, b: Float64Array, n: number): void {
  let br = 0;
  for (let k = 0; k < n; k++) {
    let s = a[k] - b[k] - br;
    br = s < 0 ? 1 : 0;
    s += br * TWO32;
    a[k] = s;
  }
}

/** a ← ⌊a / 2^s⌋ over n limbs, 0 < s < 32. */
export function lshr(a: Float64Array, n: number, s: number): void {
  const p = 2 ** s;
  const up = 2 ** (32 - s);
  for (let k = 0; k < n; k++) {
    const lowBits = k + 1 < n ? a[k + 1] % p : 0;
    a[k] = Math.floor(a[k] / p) + lowBits * up;
  }
}

/** a ← ⌊a / D⌋ over n limbs for an integer 0 < D < 2^50 (invD = 1/D); returns the remainder. */
export function ldivSmall(a: Float64Array, n: number, D: number, invD: number): number {
  let r = 0;
  for (let k = n - 1; k >= 0; k--) {
    a[k] = digitSmall(r, D, invD, a[k]);
    r = rem[0];
  }
  return r;
}

/** Nearest-ish double of a (n limbs): relative error < 2^-50. */
export function ltoNumber(a: Float64Array, n: number): number {
  let v = 0;
  for (let k = n - 1; k >= 0; k--) v = v * TWO32 + a[k];
  return v;
}

/** True when the n limbs of a are all zero. */
export function lzero(a: Float64Array, n: number): boolean {
  for (let k = 0; k < n; k++) if (a[k] !== 0) return false;
  return true;
}

const T = new Float64Array(LIMBS + 1);

/**
 * One quotient digit by a multi-limb divisor: q = ⌊r/d⌋ for r, d over n limbs (d > 0) when q < 2^32;
 * r ← r − q·d. The float estimate is off by a few units at most (both doubles within 2^-50); the
 * exact remainder corrects it. Returns q.
 */
export function ldivDigit(r: Float64Array, d: Float64Array, n: number): number {
  let q = Math.floor(ltoNumber(r, n) / ltoNumber(d, n));
  if (q >= TWO32) q = TWO32 - 1;
  if (q < 0) q = 0;
  if (q > 0) {
    q = q > 2 ? q - 2 : 0; // start below: only additions of d follow
    // T ← q·d
    let carry = 0;
    for (let k = 0; k < n; k++) {
      mulWide(q, d[k]);
      const s = res[1] + carry;
      const c = s >= TWO32 ? 1 : 0;
      T[k] = s - c * TWO32;
      carry = res[0] + c;
    }
    lsub(r, T, n);
  }
  while (lcmp(r, d, n) >= 0) {
    lsub(r, d, n);
    q++;
  }
  return q;
}
