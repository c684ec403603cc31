// The balancer at any quote weight on `number`s, bit-identical to models/pool/balancer.ts:
// calculate_price = (w1/w2)·(y/x) in U64F64 (each factor truncated, product floored) and
// update_weights_for_added_liquidity (mul_perquintill_round of u128 products, Perquintill::from_rational,
// check_constraints). Word arithmetic (exactSplit.ts, wideWords.ts); each function says when it gives
// up (then the caller runs models/pool's BigInt code for that subnet).
// Chain: pallets/swap/src/pallet/balancer.rs::{calculate_price, update_weights_for_added_liquidity}.

import { digit64, frac64, mulWide, res } from "./exactSplit.js";
import { LIMBS, ladd, laddSmall, lcmp, ldivDigit, ldivSmall, lmul, lshr, lzero } from "./wideWords.js";

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
function weightRatio(wH: number, wL: number): boolean {
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
export function weightedPrice(wH: number, wL: number, yH: number, yL: number, xH: number, xL: number): boolean {
  if (!weightRatio(wH, wL)) return false;
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
  // column sums of the 3×3 word product (each < 2^36), then carries
  for (let k = 0; k < 6; k++) C[k] = 0;
  mulWide(a0, b0); C[0] += res[1]; C[1] += res[0];
  mulWide(a0, b1); C[1] += res[1]; C[2] += res[0];
  mulWide(a1, b0); C[1] += res[1]; C[2] += res[0];
  mulWide(a0, b2); C[2] += res[1]; C[3] += res[0];
  mulWide(a1, b1); C[2] += res[1]; C[3] += res[0];
  mulWide(a2, b0); C[2] += res[1]; C[3] += res[0];
  mulWide(a1, b2); C[3] += res[1]; C[4] += res[0];
  mulWide(a2, b1); C[3] += res[1]; C[4] += res[0];
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
const V = new Float64Array(LIMBS);
const W = new Float64Array(2);
const Q1 = new Float64Array(LIMBS);
const Q2 = new Float64Array(LIMBS);
const S = new Float64Array(LIMBS);
const N = new Float64Array(LIMBS);
const PARTS = new Float64Array([PARTS_L, PARTS_H]);

/** mul_perquintill_round(parts, a·b) into q (4 limbs): ⌊(a·b·parts + 5e17)/1e18⌋, a, b 2 limbs. */
function mulPerquintillRound(q: Float64Array, a: Float64Array, b: Float64Array, pH: number, pL: number): void {
  lmul(V, a, 2, b, 2); // < 2^126
  W[0] = pL;
  W[1] = pH;
  lmul(N, V, 4, W, 2); // < 2^186: 6 limbs
  laddSmall(N, 6, HALF_PARTS_H, HALF_PARTS_L);
  lshr(N, 6, 18);
  ldivSmall(N, 6, FIVE18, INV_FIVE18);
  for (let k = 0; k < 4; k++) q[k] = N[k]; // ≤ a·b < 2^126
}

/**
 * update_weights_for_added_liquidity(w2, y, x, dy, dx) for u64 reserves < 2^62 and dy, dx < 2^32:
 * returns 1 with the new weight in out[0] (hi), out[1] (lo); 0 for the chain's InvalidValue (weights
 * kept, nothing injected); −1 when out of range here.
 */
export function updateWeights(wH: number, wL: number, yH: number, yL: number, xH: number, xL: number, dy: number, dx: number): number {
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
  mulPerquintillRound(Q1, X1tmp, X1, w1H, w1L);
  X1tmp[0] = xL;
  X1tmp[1] = xH;
  mulPerquintillRound(Q2, X1tmp, Y1, wH, wL);
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
    // ⌊q2·1e18/sum⌋ < 1e18: two base-2^32 digits by a 4-limb divisor
    lmul(N, Q2, 4, PARTS, 2); // 6 limbs
    // digit 1: ⌊⌊N/2^32⌋ / S⌋, then digit 0 on (remainder·2^32 + N[0])
    const n0 = N[0];
    for (let k = 0; k < 5; k++) R[k] = N[k + 1];
    for (let k = 0; k < 4; k++) D5[k] = S[k];
    D5[4] = 0;
    nH = ldivDigit(R, D5, 5);
    for (let k = 4; k > 0; k--) R[k] = R[k - 1];
    R[0] = n0;
    nL = ldivDigit(R, D5, 5);
  }
  // check_constraints: MIN_WEIGHT ≤ w2 ≤ 1 − MIN_WEIGHT
  if (nH < MINW_H || (nH === MINW_H && nL < MINW_L) || nH > MAXW_H || (nH === MAXW_H && nL > MAXW_L)) return 0;
  out[0] = nH;
  out[1] = nL;
  return 1;
}
const X1tmp = new Float64Array(2);
const R = new Float64Array(5);
const D5 = new Float64Array(5);
