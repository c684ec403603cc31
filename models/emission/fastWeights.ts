// The balancer at any quote weight on `number`s, bit-identical to models/pool/balancer.ts:
// calculate_price = (w1/w2)·(y/x) in U64F64 (each factor truncated, product floored) and
// update_weights_for_added_liquidity (mul_perquintill_round of u128 products, Perquintill::from_rational,
// check_constraints). Word arithmetic (exactSplit.ts, wideWords.ts); each function says when it gives
// up (then the caller runs models/pool's BigInt code for that subnet).
// Chain: pallets/swap/src/pallet/balancer.rs::{calculate_price, update_weights_for_added_liquidity}.

import { digit64, frac64, res } from "./exactSplit.js";
import type { FastViews } from "./u64Views.js";
import { LIMBS, ladd, lcmp, lzero } from "./wideWords.js";

const TWO32 = 4294967296;
const INV32 = 1 / TWO32;
const PARTS_H = 232830643; // 1e18 = 0x0de0b6b3_a7640000 (Perquintill accuracy)
const PARTS_L = 2808348672;
const HALF_PARTS_H = 116415321; // 5e17 = 0x06f05b59_d3b20000
const HALF_PARTS_L = 3551657984;
const FIVE18 = 3814697265625; // 1e18 = 2^18·5^18
const INV_FIVE18 = 1 / FIVE18;
const MINW_H = 2328306; // MIN_WEIGHT 1e16 = 0x002386f2_6fc10000
const MINW_L = 1874919424;
const MAXW_H = 230502337; // 1 − MIN_WEIGHT = 99e16 = 0x0dbd2fc1_37a30000
const MAXW_L = 933429248;

/** Output words: the price (fastPriceWeighted) or the new quote weight (fastUpdateWeights). */
export const out = new Float64Array(3);

/** w1w2 = ⌊(1e18 − w2)·2^64/w2⌋ as (integer, frac hi, frac lo) into A; false outside [MIN_WEIGHT, 1 − MIN_WEIGHT]. */
const A = new Float64Array(3);
function weightRatio(wq: Uint32Array, j: number): boolean {
  const wH = wq[j + 1];
  const wL = wq[j];
  if (wH < MINW_H || (wH === MINW_H && wL < MINW_L) || wH > MAXW_H || (wH === MAXW_H && wL > MAXW_L)) return false;
  let w1L = PARTS_L - wL;
  let w1H = PARTS_H - wH;
  if (w1L < 0) {
    w1L += TWO32;
    w1H -= 1;
  }
  const qI = digit64(0, w1H, w1L, wH, wL); // ⌊w1/w2⌋ ≤ 99
  frac64(res[0], res[1], wH, wL);
  A[0] = qI;
  A[1] = res[0];
  A[2] = res[1];
  return true;
}

const C = new Float64Array(6);

/**
 * current_price of a dynamic pool at quote weight (wH, wL), reserves y = (yH, yL), x = (xH, xL) > 0:
 * P = ⌊A·B/2^64⌋ with A = ⌊w1·2^64/w2⌋, B = ⌊y·2^64/x⌋ (U64F64). Writes out[0] = ⌊P/2^64⌋,
 * out[1], out[2] = the two lower words; false (nothing decided) when P ≥ 2^84 or the weight is out of range.
 */
export function weightedPrice(v: FastViews, i: number): boolean {
  return weightedPriceAt(v.quoteWeight, v.subnetTao, v.alphaIn, i);
}

/**
 * weightedPrice on word columns (quote weight, y, x) at element i. Reads its words itself: a double
 * argument to a call that is not inlined is boxed (a heap number per subnet per block).
 */
export function weightedPriceAt(wq: Uint32Array, ty: Uint32Array, ax: Uint32Array, i: number): boolean {
  const j = 2 * i;
  const yH = ty[j + 1];
  const yL = ty[j];
  const xH = ax[j + 1];
  const xL = ax[j];
  if (!weightRatio(wq, j)) return false;
  if ((yH * TWO32 + yL) / (xH * TWO32 + xL) >= 134217728) return false; // y/x ≥ 2^27: price ≥ 2^20
  const bI = digit64(0, yH, yL, xH, xL); // ⌊y/x⌋ < 2^27 + 1
  frac64(res[0], res[1], xH, xL);
  const b2 = bI;
  const b1 = res[0];
  const b0 = res[1];
  const a2 = A[0];
  const a1 = A[1];
  const a0 = A[2];
  if (b1 === TWO32 || a1 === TWO32) return false; // a fraction of exactly 1 cannot occur (remainder < divisor)
  // column sums of the 3×3 word product (each < 2^36), then carries; word products inlined (mulWide)
  let lo = 0;
  let hi = 0;
  for (let k = 0; k < 6; k++) C[k] = 0;
  lo = Math.imul(a0, b0) >>> 0;
  hi = Math.round((a0 * b0 - lo) * INV32);
  C[0] += lo; C[1] += hi;
  lo = Math.imul(a0, b1) >>> 0;
  hi = Math.round((a0 * b1 - lo) * INV32);
  C[1] += lo; C[2] += hi;
  lo = Math.imul(a1, b0) >>> 0;
  hi = Math.round((a1 * b0 - lo) * INV32);
  C[1] += lo; C[2] += hi;
  lo = Math.imul(a0, b2) >>> 0;
  hi = Math.round((a0 * b2 - lo) * INV32);
  C[2] += lo; C[3] += hi;
  lo = Math.imul(a1, b1) >>> 0;
  hi = Math.round((a1 * b1 - lo) * INV32);
  C[2] += lo; C[3] += hi;
  lo = Math.imul(a2, b0) >>> 0;
  hi = Math.round((a2 * b0 - lo) * INV32);
  C[2] += lo; C[3] += hi;
  lo = Math.imul(a1, b2) >>> 0;
  hi = Math.round((a1 * b2 - lo) * INV32);
  C[3] += lo; C[4] += hi;
  lo = Math.imul(a2, b1) >>> 0;
  hi = Math.round((a2 * b1 - lo) * INV32);
  C[3] += lo; C[4] += hi;
  C[4] += a2 * b2; // < 2^34
  for (let k = 0; k < 5; k++) {
    const c = Math.floor(C[k] * INV32);
    C[k] -= c * TWO32;
    C[k + 1] += c;
  }
  const top = C[4] + C[5] * TWO32; // ⌊P/2^64⌋
  if (top >= 1048576) return false;
  out[0] = top;
  out[1] = C[3];
  out[2] = C[2];
  return true;
}

const X1 = new Float64Array(2);
const Y1 = new Float64Array(2);
const W = new Float64Array(2);
const Q1 = new Float64Array(LIMBS);
const Q2 = new Float64Array(LIMBS);
const S = new Float64Array(LIMBS);
const N = new Float64Array(LIMBS);

/**
 * mul_perquintill_round(parts, a·b) into q (4 limbs): ⌊(a·b·parts + 5e17)/1e18⌋ for a, b and parts
 * (W) of 2 limbs. Column sums of word products (each column < 2^36) with one carry pass, then
 * ⌊·/2^18⌋ and ⌊·/5^18⌋ (1e18 = 2^18·5^18) limb by limb from the top.
 */
function mulPerquintillRound(q: Float64Array, a: Float64Array, b: Float64Array): void {
  let lo = 0; // word products inlined (mulWide): a call that is not inlined boxes its arguments
  let hi = 0;
  const a0 = a[0];
  const a1 = a[1];
  const b0 = b[0];
  const b1 = b[1];
  // V = a·b (4 limbs)
  lo = Math.imul(a0, b0) >>> 0;
  hi = Math.round((a0 * b0 - lo) * INV32);
  let c0 = lo;
  let c1 = hi;
  lo = Math.imul(a0, b1) >>> 0;
  hi = Math.round((a0 * b1 - lo) * INV32);
  c1 += lo;
  let c2 = hi;
  lo = Math.imul(a1, b0) >>> 0;
  hi = Math.round((a1 * b0 - lo) * INV32);
  c1 += lo;
  c2 += hi;
  lo = Math.imul(a1, b1) >>> 0;
  hi = Math.round((a1 * b1 - lo) * INV32);
  c2 += lo;
  let c3 = hi;
  let k = Math.floor(c1 * INV32);
  const v1 = c1 - k * TWO32;
  c2 += k;
  k = Math.floor(c2 * INV32);
  const v2 = c2 - k * TWO32;
  const v3 = c3 + k; // < 2^30 (a·b < 2^126)
  const v0 = c0;
  // N = V·W (6 limbs) + 5e17
  const w0 = W[0];
  const w1 = W[1];
  lo = Math.imul(v0, w0) >>> 0;
  hi = Math.round((v0 * w0 - lo) * INV32);
  c0 = lo + HALF_PARTS_L;
  c1 = hi + HALF_PARTS_H;
  lo = Math.imul(v0, w1) >>> 0;
  hi = Math.round((v0 * w1 - lo) * INV32);
  c1 += lo;
  c2 = hi;
  lo = Math.imul(v1, w0) >>> 0;
  hi = Math.round((v1 * w0 - lo) * INV32);
  c1 += lo;
  c2 += hi;
  lo = Math.imul(v1, w1) >>> 0;
  hi = Math.round((v1 * w1 - lo) * INV32);
  c2 += lo;
  c3 = hi;
  lo = Math.imul(v2, w0) >>> 0;
  hi = Math.round((v2 * w0 - lo) * INV32);
  c2 += lo;
  c3 += hi;
  lo = Math.imul(v2, w1) >>> 0;
  hi = Math.round((v2 * w1 - lo) * INV32);
  c3 += lo;
  let c4 = hi;
  lo = Math.imul(v3, w0) >>> 0;
  hi = Math.round((v3 * w0 - lo) * INV32);
  c3 += lo;
  c4 += hi;
  let c5 = v3 * w1; // < 2^58: only its words matter below
  k = Math.floor(c0 * INV32);
  N[0] = c0 - k * TWO32;
  c1 += k;
  k = Math.floor(c1 * INV32);
  N[1] = c1 - k * TWO32;
  c2 += k;
  k = Math.floor(c2 * INV32);
  N[2] = c2 - k * TWO32;
  c3 += k;
  k = Math.floor(c3 * INV32);
  N[3] = c3 - k * TWO32;
  c4 += k;
  const l5 = Math.imul(v3, w1) >>> 0; // c5 = v3·w1 split exactly
  c4 += l5;
  c5 = Math.round((c5 - l5) * INV32);
  k = Math.floor(c4 * INV32);
  N[4] = c4 - k * TWO32;
  N[5] = c5 + k; // < 2^26
  // ⌊N/2^18⌋ then ⌊·/5^18⌋, top limb first; each digit as digitSmall (inlined by hand: a call that is
  // not inlined boxes its double arguments)
  let r = 0;
  for (let m = 5; m >= 0; m--) {
    const hiPart = Math.floor(N[m] * INV18);
    const limb = m < 5 ? hiPart + (N[m + 1] - Math.floor(N[m + 1] * INV18) * TWO18) * TWO14 : hiPart;
    const num = r * TWO32 + limb; // rounded when ≥ 2^53 (error ≤ 2^28)
    let d = Math.floor(num * INV_FIVE18);
    const ra = num - d * FIVE18;
    let rr = ra + ((limb - Math.imul(d, FIVE18) - ra) | 0);
    if (rr < 0) {
      d--;
      rr += FIVE18;
    } else if (rr >= FIVE18) {
      d++;
      rr -= FIVE18;
    }
    r = rr;
    if (m < 4) q[m] = d;
  }
}
const INV18 = 1 / 262144;
const TWO18 = 262144;
const TWO14 = 16384;

/**
 * update_weights_for_added_liquidity(w2, y, x, dy, dx) for u64 reserves < 2^62 and dy, dx < 2^32:
 * returns 1 with the new weight in out[0] (hi), out[1] (lo); 0 for the chain's InvalidValue (weights
 * kept, nothing injected); −1 when out of range here.
 */
export function updateWeights(v: FastViews, i: number, dy: number, dx: number): number {
  return updateWeightsAt(v.quoteWeight, v.subnetTao, v.alphaIn, i, dy, dx);
}

/** updateWeights on word columns (quote weight, y, x) at element i. */
export function updateWeightsAt(wq: Uint32Array, ty: Uint32Array, ax: Uint32Array, i: number, dy: number, dx: number): number {
  const j = 2 * i;
  const wH = wq[j + 1];
  const wL = wq[j];
  const yH = ty[j + 1];
  const yL = ty[j];
  const xH = ax[j + 1];
  const xL = ax[j];
  if (yH >= 1073741824 || xH >= 1073741824) return -1;
  if (wH > PARTS_H || (wH === PARTS_H && wL > PARTS_L)) return -1;
  let w1L = PARTS_L - wL;
  let w1H = PARTS_H - wH;
  if (w1L < 0) {
    w1L += TWO32;
    w1H -= 1;
  }
  // X1 = x + dx, Y1 = y + dy (< 2^63)
  let s = xL + dx;
  let c = s >= TWO32 ? 1 : 0;
  X1[0] = s - c * TWO32;
  X1[1] = xH + c;
  s = yL + dy;
  c = s >= TWO32 ? 1 : 0;
  Y1[0] = s - c * TWO32;
  Y1[1] = yH + c;
  // q1 = round(w1·y·(x + dx)), q2 = round(w2·x·(y + dy))
  X1tmp[0] = yL;
  X1tmp[1] = yH;
  W[0] = w1L;
  W[1] = w1H;
  mulPerquintillRound(Q1, X1tmp, X1);
  X1tmp[0] = xL;
  X1tmp[1] = xH;
  W[0] = wL;
  W[1] = wH;
  mulPerquintillRound(Q2, X1tmp, Y1);
  const cS = ladd(S, Q1, Q2, 4); // < 2^127: no carry
  if (cS !== 0) return -1;
  let nH: number;
  let nL: number;
  if (lzero(S, 4)) {
    nH = HALF_PARTS_H; // sum = 0: 0.5
    nL = HALF_PARTS_L;
  } else if (lcmp(Q2, S, 4) >= 0) {
    nH = PARTS_H; // from_rational(p ≥ q) = one
    nL = PARTS_L;
  } else {
    fromRational(); // ⌊q2·1e18/sum⌋ < 1e18
    nH = out[0];
    nL = out[1];
  }
  // check_constraints: MIN_WEIGHT ≤ w2 ≤ 1 − MIN_WEIGHT
  if (nH < MINW_H || (nH === MINW_H && nL < MINW_L) || nH > MAXW_H || (nH === MAXW_H && nL > MAXW_L)) return 0;
  out[0] = nH;
  out[1] = nL;
  return 1;
}
const X1tmp = new Float64Array(2);

/**
 * Perquintill::from_rational(q2, sum) for q2 < sum (Q2, S; 4 limbs): w = ⌊q2·1e18/sum⌋ < 1e18 into
 * out[0] (hi), out[1] (lo). A float estimate, lowered by 4096 (it is within ~1024 of w), gives w0 ≤ w;
 * the exact remainder R = q2·1e18 − w0·sum (< 2^13·sum) and its float quotient correct it.
 */
function fromRational(): void {
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
