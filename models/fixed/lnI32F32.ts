// substrate-fixed v0.6.0 transcendental::{log2, ln} for I32F32 → I32F32 on raw bigints (as the flow
// share rule calls them in coinbase/subnet_emissions.rs::safe_pow): bit-by-bit log2 with the
// library's rounding right shift, divided by its LOG2_E constant (an I9F23, 23 fraction bits).

const FRAC = 32n;
const ONE = 1n << FRAC;
const TWO = 2n << FRAC;
const I64_MAX = (1n << 63n) - 1n;
/** LOG2_E as I9F23 (⌊log2(e)·2^23⌋ = 12102203) widened to I32F32. */
export const LOG2_E_I32F32 = 12_102_203n << 9n;

/** `rs`: right shift by one, rounding (adds the bit shifted out). */
const rs = (x: bigint): bigint => (x >> 1n) + (x & 1n);

/** log2_inner for x ≥ 1 (raw I32F32). */
function log2Inner(operand: bigint): bigint {
  let x = operand;
  let result = 0n;
  while (x >= TWO) {
    result += 1n;
    x = rs(x);
  }
  if (x === ONE) return result << FRAC; // D::from_num(result)
  for (let i = 0; i < 32; i++) {
    x = (x * x) >> FRAC;
    result <<= 1n;
    if (x >= TWO) {
      result |= 1n;
      x = rs(x);
    }
  }
  return result;
}

/** transcendental::log2::<I32F32, I32F32>; null for operand ≤ 0. */
export function log2Raw(operand: bigint): bigint | null {
  if (operand <= 0n) return null;
  if (operand < ONE) {
    const inverse = (ONE << FRAC) / operand;
    if (inverse > I64_MAX) return null; // the library's checked_div(..).unwrap() would panic here
    return -log2Inner(inverse);
  }
  return log2Inner(operand);
}

/** transcendental::ln::<I32F32, I32F32> = log2(x) / LOG2_E (division truncates toward zero); null for x ≤ 0. */
export function lnRaw(operand: bigint): bigint | null {
  const l = log2Raw(operand);
  return l === null ? null : (l << FRAC) / LOG2_E_I32F32;
}
