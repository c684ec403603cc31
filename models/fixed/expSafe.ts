// chain: epoch/math.rs::exp_safe over substrate-fixed transcendental::exp::<I32F32, I32F32>.
// BigInt, since intermediate terms reach 2^61 raw at |x| = 20; callers cache results (it is per distinct x).

const FRAC = 32n;
const ONE = 1n << FRAC;
const MIN_INPUT = -20n << FRAC;
const MAX_INPUT = 20n << FRAC;
const I64_MAX = (1n << 63n) - 1n;
const I64_MIN = -(1n << 63n);
// The library's `e` constant is an I9F23 (23 fraction bits) shifted up to 32: 2.71828174591064453125.
const E_I32F32 = 11674931200n;

/** Arithmetic-shift (floor) I32F32 multiply on raw bigints. */
export function mulRaw(a: bigint, b: bigint): bigint {
  return (a * b) >> FRAC;
}

/** Truncating I32F32 divide on raw bigints (substrate-fixed Div), null on zero divisor or overflow. */
export function checkedDivRaw(a: bigint, b: bigint): bigint | null {
  if (b === 0n) return null;
  const q = (a << FRAC) / b; // BigInt division truncates toward zero, as the library does
  return q > I64_MAX || q < I64_MIN ? null : q;
}

/** substrate_fixed::transcendental::exp for I32F32 (31-term Taylor series), null on overflow. */
export function expRaw(x: bigint): bigint | null {
  if (x === 0n) return ONE;
  if (x === ONE) return E_I32F32;
  const neg = x < 0n;
  const ax = neg ? -x : x;
  let result = ONE + ax;
  let term = ax;
  for (let i = 2n; i <= 31n; i++) {
    term = mulRaw(term, ax);
    if (term > I64_MAX) return null;
    term = term / i;
    result += term;
    if (result > I64_MAX) return null;
  }
  if (neg) return checkedDivRaw(ONE, result);
  return result;
}

/** chain: epoch/math.rs::exp_safe — clamp to [-20, 20], fall back to 0 / MAX on failure. */
export function expSafeRaw(input: bigint): bigint {
  const x = input < MIN_INPUT ? MIN_INPUT : input > MAX_INPUT ? MAX_INPUT : input;
  const out = expRaw(x);
  if (out !== null) return out;
  return x <= 0n ? 0n : I64_MAX;
}

/** chain: epoch/math.rs::sigmoid_safe(input, rho, kappa) = 1 / (1 + exp_safe(-rho * (input - kappa))). */
export function sigmoidSafeRaw(input: bigint, rho: bigint, kappa: bigint): bigint {
  const offset = satI64(input - kappa);
  const negRho = satI64(mulRaw(rho, -ONE));
  const expInput = satI64(mulRaw(negRho, offset));
  const denominator = satI64(expSafeRaw(expInput) + ONE);
  return checkedDivRaw(ONE, denominator) ?? 0n;
}

/** Saturate a raw value to the I32F32 (i64) range. */
export function satI64(x: bigint): bigint {
  return x > I64_MAX ? I64_MAX : x < I64_MIN ? I64_MIN : x;
}

export const I32F32_MAX_RAW = I64_MAX;
export const I32F32_MIN_RAW = I64_MIN;
