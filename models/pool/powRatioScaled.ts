/**
 * Port of safe-bigmath (sam0x17/safe-bigmath @ 013c4998) `SafeInt::pow_ratio_scaled`:
 * floor-ish of `scale · (bn/bd)^(en/ed)`, bit-for-bit. The exact integer path (reduced exponent
 * parts ≤ 1024) is a floor n-th root; otherwise the crate's fixed-point ln/exp Taylor series
 * with 24 guard bits is reproduced step by step (same truncations, same stopping rules), so
 * results equal the chain's, not merely approximate them.
 * bigint throughout: internal values are hundreds of bits wide.
 */
const DEFAULT_MAX_ITERS = 4096;
const MAX_EXACT_EXPONENT = 1024n;
const GUARD_BITS = 24n;
const HALF_GUARD = 1n << (GUARD_BITS - 1n);

/** num-bigint `div_floor` for a positive divisor. */
function divFloor(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a < 0n && a % b !== 0n ? q - 1n : q;
}

function abs(a: bigint): bigint {
  return a < 0n ? -a : a;
}

/** Bit length (`BigUint::bits`), 0 for 0. */
export function bitLength(a: bigint): number {
  return a === 0n ? 0 : a.toString(2).length;
}

/** Greatest common divisor (the crate reduces the exponent by it). */
export function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * safe-bigmath `round_to_precision` for guard = 2^GUARD_BITS: truncating div_rem, then round half
 * away from zero, i.e. sign(v)·⌊(|v| + guard/2)/guard⌋ (shifts: the series calls it every term).
 */
function roundToPrecision(value: bigint): bigint {
  return value >= 0n ? (value + HALF_GUARD) >> GUARD_BITS : -((HALF_GUARD - value) >> GUARD_BITS);
}

/** safe-bigmath `nth_root_ratio_floor`: largest r with r^q · den ≤ num. */
function nthRootRatioFloor(num: bigint, den: bigint, q: bigint): bigint {
  if (q === 0n) return 0n;
  if (q === 1n) return num / den;
  let low = 0n;
  let high = 1n;
  while (high ** q * den <= num) high <<= 1n;
  while (low < high) {
    const mid = (low + high + 1n) >> 1n;
    if (mid ** q * den <= num) low = mid;
    else high = mid - 1n;
  }
  return low;
}

/**
 * safe-bigmath `ln1p_fixed`: Taylor series of ln(1+x) in fixed point. The scale is 2^scaleBits, so
 * its div_floor is an arithmetic shift (BigInt >> floors negative values too).
 */
function ln1pFixed(x: bigint, scaleBits: bigint, guard: bigint, maxIters: number): bigint {
  let term = x;
  let result = term;
  let prevRounded = roundToPrecision(result);
  for (let n = 2; n <= maxIters; n++) {
    term = (term * x) >> scaleBits;
    if (term === 0n) break;
    const next = divFloor(term, BigInt(n));
    if (next === 0n) break;
    if (n % 2 === 0) result -= next;
    else result += next;
    const rounded = roundToPrecision(result);
    if (abs(next) < guard || rounded === prevRounded) break;
    prevRounded = rounded;
  }
  return result;
}

/** safe-bigmath `exp_fixed`: Taylor series of exp(x) in fixed point. */
function expFixed(x: bigint, scale: bigint, guard: bigint, maxIters: number): bigint {
  let term = scale;
  let result = term;
  let prevRounded = roundToPrecision(result);
  for (let n = 1; n <= maxIters; n++) {
    term = divFloor(term * x, scale * BigInt(n));
    if (term === 0n) break;
    result += term;
    const rounded = roundToPrecision(result);
    if (abs(term) < guard || rounded === prevRounded) break;
    prevRounded = rounded;
  }
  return result;
}

/** safe-bigmath `ln_biguint`: ln of a positive integer via a mantissa in [0.5, 1.5). */
function lnBiguint(value: bigint, intPrec: bigint, scale: bigint, guard: bigint, lnTwo: bigint, maxIters: number): bigint {
  // scale = 2^intPrec (the internal scale)
  let shift = BigInt(Math.max(bitLength(value) - 1, 0));
  let mantissa = (value << intPrec) >> shift;
  if (mantissa >= scale + (scale >> 1n)) {
    mantissa >>= 1n;
    shift += 1n;
  }
  return ln1pFixed(mantissa - scale, intPrec, guard, maxIters) + lnTwo * shift;
}

/** ln 2 depends only on (internal precision, max iterations): memoised pure constant. */
const lnTwoCache = new Map<string, bigint>();
export function lnTwoFor(scaleBits: bigint, guard: bigint, maxIters: number): bigint {
  const key = `${scaleBits}/${maxIters}`;
  let v = lnTwoCache.get(key);
  if (v === undefined) {
    v = -ln1pFixed(-(1n << (scaleBits - 1n)), scaleBits, guard, maxIters);
    lnTwoCache.set(key, v);
  }
  return v;
}

/**
 * `SafeInt::pow_ratio_scaled(bn, bd, en, ed, precision, scale)`; `null` for the crate's `None`
 * (zero denominators or negative inputs).
 */
export function powRatioScaled(
  baseNum: bigint,
  baseDen: bigint,
  expNum: bigint,
  expDen: bigint,
  precision: number,
  scale: bigint,
): bigint | null {
  if (baseDen === 0n || expDen === 0n) return null;
  if (baseNum === 0n) return 0n;
  if (scale < 0n || baseNum < 0n || baseDen < 0n || expNum < 0n || expDen < 0n) return null;
  if (expNum === 0n) return scale;
  const g = gcd(expNum, expDen);
  if (g > 1n) {
    expNum /= g;
    expDen /= g;
  }
  const scaleBits = bitLength(scale);
  if (bitLength(expNum) <= 32 && bitLength(expDen) <= 32 && expNum <= MAX_EXACT_EXPONENT && expDen <= MAX_EXACT_EXPONENT) {
    const targetNum = baseNum ** expNum * scale ** expDen;
    return nthRootRatioFloor(targetNum, baseDen ** expNum, expDen);
  }
  return powSeries(baseNum, baseDen, expNum, expDen, precision, scale, scaleBits);
}

/** The crate's fixed-point ln/exp path of pow_ratio_scaled (reduced exponent, positive inputs). */
function powSeries(baseNum: bigint, baseDen: bigint, expNum: bigint, expDen: bigint, precision: number, scale: bigint, scaleBits: number): bigint {
  const requested = Math.max(precision, 32, scaleBits + 8);
  const internal = BigInt(requested) + GUARD_BITS;
  const maxIters = Math.max(Math.min(DEFAULT_MAX_ITERS, Number(internal) + 128), 1);
  const targetScale = 1n << BigInt(requested);
  const guard = 1n << GUARD_BITS;
  const internalScale = targetScale << GUARD_BITS;
  const lnTwo = lnTwoFor(internal, guard, maxIters);
  const lnBase =
    lnBiguint(baseNum, internal, internalScale, guard, lnTwo, maxIters) -
    lnBiguint(baseDen, internal, internalScale, guard, lnTwo, maxIters);
  const lnScaled = divFloor(lnBase * expNum, expDen);
  const expFp = expFixed(lnScaled, internalScale, guard, maxIters);
  const expRequested = roundToPrecision(expFp);
  return divFloor(expRequested * scale, targetScale);
}
