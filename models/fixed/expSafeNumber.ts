// exp_safe and the liquid-alpha sigmoid on `number` raws for the range where every intermediate of the
// 31-term series stays below 2^53 (|x| <= 7); callers fall back to the BigInt port (expSafe.ts) outside it.
// chain: epoch/math.rs::exp_safe → substrate_fixed::transcendental::exp::<I32F32, I32F32>.

import { divFloor, ONE } from "./i32f32.js";

const TWO20 = 1048576;
const TWO12 = 4096;
const TWO8 = 256;
/** |x| raw up to which expSafeNumber is exact: terms stay < 2^40, the result < 2^43. */
export const EXP_NUMBER_LIMIT = 7 * ONE;
const E_I32F32 = 11674931200; // the library's 23-bit e, as I32F32 raw

/** floor(a * b / 2^32) for integers 0 <= a < 2^41, 0 <= b < 2^40 (20-bit limbs keep every partial exact). */
export function mulFloorWide(a: number, b: number): number {
  const a1 = Math.floor(a / TWO20);
  const a0 = a - a1 * TWO20;
  const b1 = Math.floor(b / TWO20);
  const b0 = b - b1 * TWO20;
  const mid = a1 * b0 + a0 * b1; // < 2^42
  const midHi = Math.floor(mid / TWO12);
  const midLo = mid - midHi * TWO12;
  return a1 * b1 * TWO8 + midHi + Math.floor((midLo * TWO20 + a0 * b0) / ONE);
}

/** Signed floor(a * b / 2^32) (arithmetic shift), |a| < 2^41, |b| < 2^40. */
export function mulFloorWideSigned(a: number, b: number): number {
  const neg = (a < 0) !== (b < 0) && a !== 0 && b !== 0;
  const p = mulFloorWide(Math.abs(a), Math.abs(b));
  if (!neg) return p;
  // floor of a negative product: −ceil(|a||b| / 2^32); ceil = floor + (remainder ≠ 0)
  return -p - (isExactMultiple(Math.abs(a), Math.abs(b)) ? 0 : 1);
}

/** Whether a·b is a multiple of 2^32 (checked on the low 32 bits of the product). */
function isExactMultiple(a: number, b: number): boolean {
  const a0 = a % TWO20;
  const b0 = b % TWO20;
  const a1 = (a - a0) / TWO20;
  const b1 = (b - b0) / TWO20;
  const low = (((a1 * b0 + a0 * b1) % TWO12) * TWO20 + a0 * b0) % ONE;
  return low === 0;
}

/** exp_safe(x) for |x| <= EXP_NUMBER_LIMIT (raw I32F32 in, raw out), bit-identical to the chain. */
export function expSafeNumber(x: number): number {
  if (x === 0) return ONE;
  if (x === ONE) return E_I32F32;
  const ax = Math.abs(x);
  let result = ONE + ax;
  let term = ax;
  for (let i = 2; i <= 31; i++) {
    term = Math.floor(mulFloorWide(term, ax) / i); // truncation; term >= 0, so floor; quotient error < 1/i
    result += term;
  }
  return x < 0 ? divFloor(ONE, result) : result;
}

/** Truncating integer division toward zero for |a| < 2^53, small positive b. */
export function truncDiv(a: number, b: number): number {
  const q = Math.trunc(a / b);
  const r = a - q * b;
  if (a >= 0) return r < 0 ? q - 1 : r >= b ? q + 1 : q;
  return r > 0 ? q + 1 : r <= -b ? q - 1 : q;
}
