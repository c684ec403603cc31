// update_weights_for_added_liquidity of the balancer on `number`s, bit-identical to
// models/pool/balancer.ts: mul_perquintill_round of u128 products, Perquintill::from_rational
// (fastFromRational.ts), check_constraints. Word arithmetic; returns −1 when out of its range (then the
// caller runs models/pool's BigInt code for that subnet).
// Chain: pallets/swap/src/pallet/balancer.rs::update_weights_for_added_liquidity.

import { Q2, S, fromRational } from "./fastFromRational.js";
import type { FastViews } from "./u64Views.js";
import {
  HALF_PARTS_H, HALF_PARTS_L, LIMBS, MAXW_H, MAXW_L, MINW_H, MINW_L, PARTS_H, PARTS_L, ladd, lcmp, lzero, out,
} from "./wideWords.js";

const TWO32 = 4294967296;
const INV32 = 1 / TWO32;
const FIVE18 = 3814697265625; // 1e18 = 2^18·5^18
const INV_FIVE18 = 1 / FIVE18;

const X1 = new Float64Array(2);
const Y1 = new Float64Array(2);
const W = new Float64Array(2);
const Q1 = new Float64Array(LIMBS);

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
  const n0 = c0 - k * TWO32;
  c1 += k;
  k = Math.floor(c1 * INV32);
  const n1 = c1 - k * TWO32;
  c2 += k;
  k = Math.floor(c2 * INV32);
  const n2 = c2 - k * TWO32;
  c3 += k;
  k = Math.floor(c3 * INV32);
  const n3 = c3 - k * TWO32;
  c4 += k;
  const l5 = Math.imul(v3, w1) >>> 0; // c5 = v3·w1 split exactly
  c4 += l5;
  c5 = Math.round((c5 - l5) * INV32);
  k = Math.floor(c4 * INV32);
  const n4 = c4 - k * TWO32;
  const n5 = c5 + k; // < 2^26
  // ⌊N/2^18⌋ (limbs L5…L0) then ⌊·/5^18⌋ top first. L5·2^32 + L4 < 2^40 < 5^18: the first two
  // quotient digits are 0 and the remainder is that value; then four digits as digitSmall (inlined)
  const n1s = n1 - Math.floor(n1 * INV18) * TWO18; // low 18 bits of each limb
  const n2s = n2 - Math.floor(n2 * INV18) * TWO18;
  const n3s = n3 - Math.floor(n3 * INV18) * TWO18;
  const n4s = n4 - Math.floor(n4 * INV18) * TWO18;
  const n5s = n5 - Math.floor(n5 * INV18) * TWO18;
  let r = Math.floor(n5 * INV18) * TWO32 + Math.floor(n4 * INV18) + n5s * TWO14;
  q[3] = digit5(r, Math.floor(n3 * INV18) + n4s * TWO14);
  r = rem5[0];
  q[2] = digit5(r, Math.floor(n2 * INV18) + n3s * TWO14);
  r = rem5[0];
  q[1] = digit5(r, Math.floor(n1 * INV18) + n2s * TWO14);
  r = rem5[0];
  q[0] = digit5(r, Math.floor(n0 * INV18) + n1s * TWO14);
}

const rem5 = new Float64Array(1);

/** ⌊(r·2^32 + limb)/5^18⌋ for r < 5^18, limb < 2^32 (digitSmall for D = 5^18); remainder in rem5[0]. */
function digit5(r: number, limb: number): number {
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
  rem5[0] = rr;
  return d;
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

