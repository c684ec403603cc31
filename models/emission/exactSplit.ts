// Exact unsigned integer arithmetic on `number`s for the coinbase hot path (no BigInt, no allocation).
// A "split" value is v = h·2^32 + l with 0 ≤ l < 2^32 and 0 ≤ h < 2^53 (so v < 2^85). Every function
// is exact within its stated ranges: all intermediates are integers < 2^53. Results go to `res`.

const TWO32 = 4294967296;
const INV32 = 1 / TWO32; // x·2^-32 is exact: no division in the hot path
const TWO16 = 65536;
const INV16 = 1 / TWO16;

/** Outputs of the last call: a split value (hi, lo) and, for divisions, the quotient q. */
export const res = { hi: 0, lo: 0, q: 0 };

/** a·b as a split value: a < 2^53, b ≤ 2^32, a·b < 2^85. res.hi = ⌊ab/2^32⌋, res.lo = ab mod 2^32. */
export function mul32(a: number, b: number): void {
  const aH = Math.floor(a * INV32);
  const aL = a - aH * TWO32;
  const b1 = Math.floor(b * INV16); // ≤ 2^16
  const b0 = b - b1 * TWO16;
  const t = aL * b1; // ≤ 2^48
  const tH = Math.floor(t * INV16);
  const s = (t - tH * TWO16) * TWO16 + aL * b0; // < 2^49
  const sH = Math.floor(s * INV32);
  res.hi = aH * b + tH + sH;
  res.lo = s - sH * TWO32;
}

/** ⌊a/d⌋ for integers 0 ≤ a < 2^53, 1 ≤ d < 2^53; remainder in res.lo. */
export function udiv(a: number, d: number): number {
  let q = Math.floor(a / d);
  let r = a - q * d; // q·d ≤ a + d, exact in the ranges used (a, d < 2^52) — corrected below anyway
  while (r < 0) {
    q--;
    r += d;
  }
  while (r >= d) {
    q++;
    r -= d;
  }
  res.lo = r;
  return q;
}

/**
 * One long-division digit: q = ⌊(R·2^32 + limb)/D⌋ for split R = rH·2^32 + rL and D = dH·2^32 + dL,
 * D > 0, dH < 2^53, limb < 2^32, and R·2^32 + limb < (2^32 + 1)·D (so q ≤ 2^32). Returns q; the
 * remainder (< D) is left in res.hi / res.lo as a split value.
 */
export function divDigit(rH: number, rL: number, limb: number, dH: number, dL: number): number {
  const den = dH * TWO32 + dL;
  let q = Math.floor(((rH * TWO32 + rL) * TWO32 + limb) / den); // off by at most 1 (q ≤ 2^32)
  if (q > TWO32) q = TWO32;
  if (q < 0) q = 0;
  // rem = R·2^32 + limb − q·D, as limbs x2·2^64 + x1·2^32 + x0 (x1, x0 ∈ [0, 2^32), x2 small signed).
  mul32(dH, q);
  const h1 = res.hi;
  const l1 = res.lo;
  mul32(dL, q);
  const h2 = res.hi;
  const l2 = res.lo;
  let x0 = limb - l2;
  let x1 = rL - l1 - h2;
  let x2 = rH - h1; // rH·2^64: rH may exceed 2^32, it is a plain integer here
  if (x0 < 0) {
    x0 += TWO32;
    x1 -= 1;
  }
  const c = Math.floor(x1 * INV32);
  x1 -= c * TWO32;
  x2 += c;
  // D as limbs d2·2^64 + d1·2^32 + d0
  const d2 = Math.floor(dH * INV32);
  const d1 = dH - d2 * TWO32;
  while (x2 < 0) {
    q--;
    x0 += dL;
    if (x0 >= TWO32) {
      x0 -= TWO32;
      x1 += 1;
    }
    x1 += d1;
    if (x1 >= TWO32) {
      x1 -= TWO32;
      x2 += 1;
    }
    x2 += d2;
  }
  while (x2 > d2 || (x2 === d2 && (x1 > d1 || (x1 === d1 && x0 >= dL)))) {
    q++;
    x0 -= dL;
    if (x0 < 0) {
      x0 += TWO32;
      x1 -= 1;
    }
    x1 -= d1;
    if (x1 < 0) {
      x1 += TWO32;
      x2 -= 1;
    }
    x2 -= d2;
  }
  res.hi = x2 * TWO32 + x1; // x2 ≤ d2 < 2^21
  res.lo = x0;
  res.q = q;
  return q;
}

/** ⌊x·y/2^32⌋ for split x = xH·2^32 + xL and 0 ≤ y ≤ 2^32, as a split value in res (needs x·y < 2^117). */
export function mulShr32(xH: number, xL: number, y: number): void {
  mul32(xL, y);
  const carryIn = res.hi; // ⌊xL·y/2^32⌋
  mul32(xH, y); // xH·y = hi·2^32 + lo
  const lo = res.lo + carryIn; // < 2^33
  const c = lo >= TWO32 ? 1 : 0;
  res.lo = lo - c * TWO32;
  res.hi += c;
}

/** ⌊x·y/2^32⌋ for split x and split y (y = yH·2^32 + yL, yH < 2^21), result split in res (< 2^85). */
export function mulSplitShr32(xH: number, xL: number, yH: number, yL: number): void {
  // x·y/2^32 = x·yH + ⌊x·yL/2^32⌋
  mulShr32(xH, xL, yL);
  const aH = res.hi;
  const aL = res.lo;
  // x·yH = xH·yH·2^32 + xL·yH
  mul32(xL, yH);
  const bH = res.hi + xH * yH;
  const lo = aL + res.lo;
  const c = lo >= TWO32 ? 1 : 0;
  res.lo = lo - c * TWO32;
  res.hi = aH + bH + c;
}
