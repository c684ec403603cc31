// current_price of the balancer at any quote weight on `number`s, bit-identical to
// models/pool/balancer.ts calculatePrice: (w1/w2)·(y/x) in U64F64, each factor truncated, the product
// floored. Chain: pallets/swap/src/pallet/balancer.rs::calculate_price.

import { digit64, frac64, res } from "./exactSplit.js";
import type { FastViews } from "./u64Views.js";
import { MAXW_H, MAXW_L, MINW_H, MINW_L, PARTS_H, PARTS_L, out } from "./wideWords.js";

const TWO32 = 4294967296;
const INV32 = 1 / TWO32;

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

