// Exact unsigned integer arithmetic on `number`s for the coinbase hot path (no BigInt, no allocation).
// A "split" value is v = h·2^32 + l with 0 ≤ l < 2^32 and 0 ≤ h < 2^53 (so v < 2^85). Every function
// is exact within its stated ranges: all intermediates are integers < 2^53. Results go to `res`.

const TWO32 = 4294967296;
const INV32 = 1 / TWO32; // x·2^-32 is exact: no division in the hot path
const TWO16 = 65536;
const INV16 = 1 / TWO16;

/**
 * Outputs of the last call: a split value res[0]·2^32 + res[1] (hi, lo) and, for divisions, the
 * quotient res[2]. Typed-array slots, not object fields: storing a double that is not a small integer
 * into an object field allocates a heap number, and these run per subnet per block.
 */
export const res = new Float64Array(3);

/** Remainder of the last digitSmall (a typed-array slot, as `res`). */
export const rem = new Float64Array(1);

/** a·b as a split value: a < 2^53, b ≤ 2^32, a·b < 2^85. res[0] = ⌊ab/2^32⌋, res[1] = ab mod 2^32. */
export function mul32(a: number, b: number): void {
  const aH = Math.floor(a * INV32);
  const aL = a - aH * TWO32;
  const b1 = Math.floor(b * INV16); // ≤ 2^16
  const b0 = b - b1 * TWO16;
  const t = aL * b1; // ≤ 2^48
  const tH = Math.floor(t * INV16);
  const s = (t - tH * TWO16) * TWO16 + aL * b0; // < 2^49
  const sH = Math.floor(s * INV32);
  res[0] = aH * b + tH + sH;
  res[1] = s - sH * TWO32;
}

/**
 * One long-division digit: q = ⌊(R·2^32 + limb)/D⌋ for split R = rH·2^32 + rL and D = dH·2^32 + dL,
 * D > 0, dH < 2^53, limb < 2^32, and R·2^32 + limb < (2^32 + 1)·D (so q ≤ 2^32). Returns q; the
 * remainder (< D) is left in res[0] / res[1] as a split value.
 */
export function divDigit(rH: number, rL: number, limb: number, dH: number, dL: number): number {
  const den = dH * TWO32 + dL;
  let q = Math.floor(((rH * TWO32 + rL) * TWO32 + limb) / den); // off by at most 1 (q ≤ 2^32)
  if (q > TWO32) q = TWO32;
  if (q < 0) q = 0;
  // rem = R·2^32 + limb − q·D, as limbs x2·2^64 + x1·2^32 + x0 (x1, x0 ∈ [0, 2^32), x2 small signed).
  mul32(dH, q);
  const h1 = res[0];
  const l1 = res[1];
  mul32(dL, q);
  const h2 = res[0];
  const l2 = res[1];
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
  return settleDigit(q, x0, x1, x2, dL, d1, d2);
}

/** ⌊x·y/2^32⌋ for split x = xH·2^32 + xL and 0 ≤ y ≤ 2^32, as a split value in res (needs x·y < 2^117). */
export function mulShr32(xH: number, xL: number, y: number): void {
  mul32(xL, y);
  const carryIn = res[0]; // ⌊xL·y/2^32⌋
  mul32(xH, y); // xH·y = hi·2^32 + lo
  const lo = res[1] + carryIn; // < 2^33
  const c = lo >= TWO32 ? 1 : 0;
  res[1] = lo - c * TWO32;
  res[0] += c;
}

/** a·b exactly for integers 0 ≤ a, b ≤ 2^32 (a·b ≤ 2^64): res[0]·2^32 + res[1]. The low word comes from
 *  Math.imul (exact mod 2^32), the high word from the float product (error ≤ 2^11 ≪ 2^31, so rounding is exact). */
export function mulWide(a: number, b: number): void {
  const lo = Math.imul(a, b) >>> 0;
  res[0] = Math.round((a * b - lo) * INV32);
  res[1] = lo;
}

/**
 * divDigit for divisors D ≤ 2^64 (dH ≤ 2^32): same contract and result, with the products q·dH, q·dL
 * taken by mulWide. q from the float quotient is off by at most one; the correction makes it exact.
 */
export function digit64(rH: number, rL: number, limb: number, dH: number, dL: number): number {
  let q = Math.floor(((rH * TWO32 + rL) * TWO32 + limb) / (dH * TWO32 + dL));
  if (q > TWO32) q = TWO32;
  if (q < 0) q = 0;
  mulWide(q, dL);
  const h2 = res[0];
  const l2 = res[1];
  mulWide(q, dH);
  // rem = R·2^32 + limb − q·D as limbs x2·2^64 + x1·2^32 + x0
  let x0 = limb - l2;
  let x1 = rL - res[1] - h2;
  let x2 = rH - res[0];
  if (x0 < 0) {
    x0 += TWO32;
    x1 -= 1;
  }
  const c = Math.floor(x1 * INV32);
  x1 -= c * TWO32;
  x2 += c;
  const d2 = dH === TWO32 ? 1 : 0;
  const d1 = dH - d2 * TWO32;
  return settleDigit(q, x0, x1, x2, dL, d1, d2);
}

/** ⌊x·2^64/d⌋ (U64F64 safe_div of x by d, x ≤ d, 0 < d ≤ 2^64, both split) into res[0] (≤ 2^32) / res[1]. */
export function frac64(xH: number, xL: number, dH: number, dL: number): void {
  if (xH === dH && xL === dL) {
    res[0] = TWO32;
    res[1] = 0;
    return;
  }
  const q1 = digit64(xH, xL, 0, dH, dL);
  const q2 = digit64(res[0], res[1], 0, dH, dL);
  res[0] = q1;
  res[1] = q2;
}

/**
 * One digit with a small divisor: q = ⌊(n·2^32 + limb)/D⌋ for integers 0 ≤ n ≤ D < 2^50 (n < D when
 * limb > 0, so q ≤ 2^32), limb < 2^32, invD = 1/D; remainder in rem[0]. The float quotient is off by at
 * most one; the float residual N − q·D is within 2^30 of the exact one and Math.imul gives it exactly
 * mod 2^32, which fixes it exactly.
 */
export function digitSmall(n: number, D: number, invD: number, limb = 0): number {
  const N = n * TWO32 + limb; // rounded when ≥ 2^53 (error ≤ 2^28)
  let q = Math.floor(N * invD);
  const ra = N - q * D;
  let r = ra + ((limb - Math.imul(q, D) - ra) | 0);
  if (r < 0) {
    q--;
    r += D;
  } else if (r >= D) {
    q++;
    r -= D;
  }
  rem[0] = r;
  return q;
}

/**
 * Corrects a quotient digit estimate q whose remainder is x2·2^64 + x1·2^32 + x0 against the divisor
 * d2·2^64 + d1·2^32 + dL until 0 <= remainder < divisor; writes remainder and q to `res`, returns q.
 */
function settleDigit(q: number, x0: number, x1: number, x2: number, dL: number, d1: number, d2: number): number {
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
  res[0] = x2 * TWO32 + x1; // x2 ≤ d2 < 2^21
  res[1] = x0;
  res[2] = q;
  return q;
}
