// Perquintill::from_rational of two u128 on `number`s for the fast re-weighting (fastWeights.ts),
// bit-identical to models/pool/balancer.ts perquintillFromRational (Rounding::Down).

import { PARTS_H, PARTS_L, out } from "./wideWords.js";

const TWO32 = 4294967296;
const INV32 = 1 / TWO32;

/** Inputs (4 limbs each): the numerator q2 and the denominator sum. */
export const Q2 = new Float64Array(4);
export const S = new Float64Array(4);

/**
 * Perquintill::from_rational(q2, sum) for q2 < sum (Q2, S; 4 limbs): w = ⌊q2·1e18/sum⌋ < 1e18 into
 * out[0] (hi), out[1] (lo). A float estimate, lowered by 4096 (it is within ~1024 of w), gives w0 ≤ w;
 * the exact remainder R = q2·1e18 − w0·sum (< 2^13·sum) and its float quotient correct it.
 */
export function fromRational(): void {
  let lo = 0; // word products inlined (mulWide): a call that is not inlined boxes its arguments
  let hi = 0;
  const s0 = S[0], s1 = S[1], s2 = S[2], s3 = S[3];
  const sd = ((s3 * TWO32 + s2) * TWO32 + s1) * TWO32 + s0;
  const qd = ((Q2[3] * TWO32 + Q2[2]) * TWO32 + Q2[1]) * TWO32 + Q2[0];
  let w0 = Math.floor((qd / sd) * 1e18) - 4096;
  if (w0 < 0) w0 = 0;
  const w0H = Math.floor(w0 * INV32);
  const w0L = w0 - w0H * TWO32;
  // R = Q2·PARTS − w0·S by signed column sums (|column| < 2^36), carried with floors
  const q0 = Q2[0], q1 = Q2[1], q2 = Q2[2], q3 = Q2[3];
  let c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0;
  lo = Math.imul(q0, PARTS_L) >>> 0;
  hi = Math.round((q0 * PARTS_L - lo) * INV32);
  c0 += lo;
  c1 += hi;
  lo = Math.imul(q0, PARTS_H) >>> 0;
  hi = Math.round((q0 * PARTS_H - lo) * INV32);
  c1 += lo;
  c2 += hi;
  lo = Math.imul(q1, PARTS_L) >>> 0;
  hi = Math.round((q1 * PARTS_L - lo) * INV32);
  c1 += lo;
  c2 += hi;
  lo = Math.imul(q1, PARTS_H) >>> 0;
  hi = Math.round((q1 * PARTS_H - lo) * INV32);
  c2 += lo;
  c3 += hi;
  lo = Math.imul(q2, PARTS_L) >>> 0;
  hi = Math.round((q2 * PARTS_L - lo) * INV32);
  c2 += lo;
  c3 += hi;
  lo = Math.imul(q2, PARTS_H) >>> 0;
  hi = Math.round((q2 * PARTS_H - lo) * INV32);
  c3 += lo;
  c4 += hi;
  lo = Math.imul(q3, PARTS_L) >>> 0;
  hi = Math.round((q3 * PARTS_L - lo) * INV32);
  c3 += lo;
  c4 += hi;
  lo = Math.imul(q3, PARTS_H) >>> 0;
  hi = Math.round((q3 * PARTS_H - lo) * INV32);
  c4 += lo;
  c5 += hi;
  lo = Math.imul(w0L, s0) >>> 0;
  hi = Math.round((w0L * s0 - lo) * INV32);
  c0 -= lo;
  c1 -= hi;
  lo = Math.imul(w0L, s1) >>> 0;
  hi = Math.round((w0L * s1 - lo) * INV32);
  c1 -= lo;
  c2 -= hi;
  lo = Math.imul(w0H, s0) >>> 0;
  hi = Math.round((w0H * s0 - lo) * INV32);
  c1 -= lo;
  c2 -= hi;
  lo = Math.imul(w0L, s2) >>> 0;
  hi = Math.round((w0L * s2 - lo) * INV32);
  c2 -= lo;
  c3 -= hi;
  lo = Math.imul(w0H, s1) >>> 0;
  hi = Math.round((w0H * s1 - lo) * INV32);
  c2 -= lo;
  c3 -= hi;
  lo = Math.imul(w0L, s3) >>> 0;
  hi = Math.round((w0L * s3 - lo) * INV32);
  c3 -= lo;
  c4 -= hi;
  lo = Math.imul(w0H, s2) >>> 0;
  hi = Math.round((w0H * s2 - lo) * INV32);
  c3 -= lo;
  c4 -= hi;
  lo = Math.imul(w0H, s3) >>> 0;
  hi = Math.round((w0H * s3 - lo) * INV32);
  c4 -= lo;
  c5 -= hi;
  let k = Math.floor(c0 * INV32);
  let r0 = c0 - k * TWO32;
  c1 += k;
  k = Math.floor(c1 * INV32);
  let r1 = c1 - k * TWO32;
  c2 += k;
  k = Math.floor(c2 * INV32);
  let r2 = c2 - k * TWO32;
  c3 += k;
  k = Math.floor(c3 * INV32);
  let r3 = c3 - k * TWO32;
  c4 += k;
  k = Math.floor(c4 * INV32);
  let r4 = c4 - k * TWO32;
  c5 += k; // R ≥ 0 and < 2^140: c5 is its (small) top limb
  // δ = ⌊R/S⌋ < 2^14: float estimate minus one, then exact steps
  let dl = Math.floor((((((c5 * TWO32 + r4) * TWO32 + r3) * TWO32 + r2) * TWO32 + r1) * TWO32 + r0) / sd) - 1;
  if (dl < 0) dl = 0;
  if (dl > 0) {
    // R −= dl·S
    let e0 = r0, e1 = r1, e2 = r2, e3 = r3, e4 = r4;
    lo = Math.imul(dl, s0) >>> 0;
    hi = Math.round((dl * s0 - lo) * INV32);
    e0 -= lo;
    e1 -= hi;
    lo = Math.imul(dl, s1) >>> 0;
    hi = Math.round((dl * s1 - lo) * INV32);
    e1 -= lo;
    e2 -= hi;
    lo = Math.imul(dl, s2) >>> 0;
    hi = Math.round((dl * s2 - lo) * INV32);
    e2 -= lo;
    e3 -= hi;
    lo = Math.imul(dl, s3) >>> 0;
    hi = Math.round((dl * s3 - lo) * INV32);
    e3 -= lo;
    e4 -= hi;
    k = Math.floor(e0 * INV32);
    r0 = e0 - k * TWO32;
    e1 += k;
    k = Math.floor(e1 * INV32);
    r1 = e1 - k * TWO32;
    e2 += k;
    k = Math.floor(e2 * INV32);
    r2 = e2 - k * TWO32;
    e3 += k;
    k = Math.floor(e3 * INV32);
    r3 = e3 - k * TWO32;
    e4 += k;
    k = Math.floor(e4 * INV32);
    r4 = e4 - k * TWO32;
    c5 += k;
  }
  // while R ≥ S: R −= S (R < 2^128 + ... here: top limbs r4, c5 decide first)
  while (c5 > 0 || r4 > 0 || r3 > s3 || (r3 === s3 && (r2 > s2 || (r2 === s2 && (r1 > s1 || (r1 === s1 && r0 >= s0)))))) {
    r0 -= s0;
    r1 -= s1;
    r2 -= s2;
    r3 -= s3;
    if (r0 < 0) { r0 += TWO32; r1 -= 1; }
    if (r1 < 0) { r1 += TWO32; r2 -= 1; }
    if (r2 < 0) { r2 += TWO32; r3 -= 1; }
    if (r3 < 0) { r3 += TWO32; r4 -= 1; }
    if (r4 < 0) { r4 += TWO32; c5 -= 1; }
    dl++;
  }
  let wl = w0L + dl;
  let wh = w0H;
  const cw = Math.floor(wl * INV32);
  wl -= cw * TWO32;
  wh += cw;
  out[0] = wh;
  out[1] = wl;
}
