/**
 * pow_ratio_scaled (safe-bigmath `SafeInt::pow_ratio_scaled`, the balancer's series) with fewer BigInt
 * operations per series term, bit-identical to the reference port in powRatioScaled.ts (tested on
 * random and edge inputs). The savings, each exact:
 * - the series' "rounded sum unchanged" stop never fires before the "|term| < guard" stop: a term of
 *   magnitude ≥ guard moves the sum by ≥ one unit of 2^GUARD_BITS, and round-half-away-from-zero of
 *   t + d differs from that of t for |d| ≥ 1, so the per-term rounding is skipped;
 * - floor division by n is one truncating division (a − (n − 1) for negative a), divisors are
 *   preallocated BigInts;
 * - ln1p multiplies by x without its trailing zero bits (a u64 mantissa has ≥ 200 of them);
 * - ln(base) results are memoised per (value, precision): a swap evaluates ln of the same reserve
 *   in price_target and convert_deltas, and the next block's buy often shares a denominator.
 */
import { powRatioBySeriesBounds } from "./powRatioBounds.js";
import { powRatioNearOne } from "./powRatioNearOne.js";
import { bitLength, gcd, lnTwoFor, powRatioScaled } from "./powRatioScaled.js"; // ln 2: memoised per precision there

const DEFAULT_MAX_ITERS = 4096;
const GUARD_BITS = 24n;
const HALF_GUARD = 1n << (GUARD_BITS - 1n);

/** BigInt(n) for the series' divisors (n ≤ DEFAULT_MAX_ITERS). */
const BIG_N: bigint[] = Array.from({ length: DEFAULT_MAX_ITERS + 2 }, (_, n) => BigInt(n));
const BIG_N_MINUS_1: bigint[] = BIG_N.map((b) => (b > 0n ? b - 1n : 0n));

function roundToPrecision(value: bigint): bigint {
  return value >= 0n ? (value + HALF_GUARD) >> GUARD_BITS : -((HALF_GUARD - value) >> GUARD_BITS);
}

/** ln1p_fixed of the reference, same truncations and stop. */
function ln1pFixed(x: bigint, scaleBits: bigint, guard: bigint, maxIters: number): bigint {
  let term = x;
  let result = term;
  const negGuard = -guard;
  // x = xs·2^tz: the mantissa of a u64 has ≥ scaleBits − 64 trailing zeros, so term·x / 2^scaleBits
  // is term·xs / 2^(scaleBits − tz), a product by a one-word BigInt (same floor)
  let tz = 0n;
  if (x !== 0n) tz = BigInt(bitLength(x & -x) - 1);
  if (tz > scaleBits) tz = scaleBits;
  const xs = x >> tz;
  const sh = scaleBits - tz;
  for (let n = 2; n <= maxIters; n++) {
    term = (term * xs) >> sh; // div_floor by 2^scaleBits of term·x
    if (term === 0n) break;
    const next = term >= 0n ? term / BIG_N[n] : (term - BIG_N_MINUS_1[n]) / BIG_N[n]; // div_floor
    if (next === 0n) break;
    if ((n & 1) === 0) result -= next;
    else result += next;
    if (next < guard && next > negGuard) break;
  }
  return result;
}

/** exp_fixed of the reference, same truncations and stop. */
function expFixed(x: bigint, scale: bigint, guard: bigint, maxIters: number): bigint {
  let term = scale;
  let result = term;
  const negGuard = -guard;
  for (let n = 1; n <= maxIters; n++) {
    const num = term * x;
    const den = scale * BIG_N[n];
    term = num >= 0n ? num / den : (num - den + 1n) / den; // div_floor
    if (term === 0n) break;
    result += term;
    if (term < guard && term > negGuard) break;
  }
  return result;
}

/** Last ln_biguint inputs → result (two slots: numerator and denominator of one call). */
const lnMemo = { v: [-1n, -1n], bits: [-1n, -1n], r: [0n, 0n], next: 0 };

function lnBiguint(value: bigint, intPrec: bigint, scale: bigint, guard: bigint, lnTwo: bigint, maxIters: number): bigint {
  const m = lnMemo;
  if (m.v[0] === value && m.bits[0] === intPrec) return m.r[0];
  if (m.v[1] === value && m.bits[1] === intPrec) return m.r[1];
  let shift = BigInt(Math.max(bitLength(value) - 1, 0));
  let mantissa = (value << intPrec) >> shift;
  if (mantissa >= scale + (scale >> 1n)) {
    mantissa >>= 1n;
    shift += 1n;
  }
  const r = ln1pFixed(mantissa - scale, intPrec, guard, maxIters) + lnTwo * shift;
  const k = m.next;
  m.v[k] = value;
  m.bits[k] = intPrec;
  m.r[k] = r;
  m.next = 1 - k;
  return r;
}

const MAX_EXACT_EXPONENT = 1024n;
/** The last exponent reduced by its gcd (a pool's weights change once per block, the swap asks several times). */
const reduced = { num: -1n, den: -1n, en: 0n, ed: 0n };
const series = { bn: -1n, bd: -1n, en: -1n, ed: -1n, precision: -1, scale: -1n, result: 0n };

/** `SafeInt::pow_ratio_scaled(bn, bd, en, ed, precision, scale)`; null for the crate's `None`. */
export function powRatioScaledFast(
  baseNum: bigint,
  baseDen: bigint,
  expNum: bigint,
  expDen: bigint,
  precision: number,
  scale: bigint,
): bigint | null {
  if (baseDen === 0n || expDen === 0n || baseNum === 0n || scale < 0n || baseNum < 0n || baseDen < 0n || expNum <= 0n) {
    return powRatioScaled(baseNum, baseDen, expNum, expDen, precision, scale); // edge cases: the reference
  }
  const r = reduced;
  if (r.num !== expNum || r.den !== expDen) {
    const g = gcd(expNum, expDen);
    r.num = expNum;
    r.den = expDen;
    r.en = g > 1n ? expNum / g : expNum;
    r.ed = g > 1n ? expDen / g : expDen;
  }
  const en = r.en;
  const ed = r.ed;
  if (en <= MAX_EXACT_EXPONENT && ed <= MAX_EXACT_EXPONENT) return powRatioScaled(baseNum, baseDen, expNum, expDen, precision, scale);
  const m = series;
  if (m.bn === baseNum && m.bd === baseDen && m.en === en && m.ed === ed && m.precision === precision && m.scale === scale) return m.result;
  const scaleBits = bitLength(scale);
  const requested = Math.max(precision, 32, scaleBits + 8);
  const result =
    powRatioNearOne(baseNum, baseDen, en, ed, requested, scale) ??
    powRatioBySeriesBounds(baseNum, baseDen, en, ed, requested, scale) ??
    seriesResult(baseNum, baseDen, en, ed, requested, scale);
  m.bn = baseNum;
  m.bd = baseDen;
  m.en = en;
  m.ed = ed;
  m.precision = precision;
  m.scale = scale;
  m.result = result;
  return result;
}

/** The crate's ln/exp series at internal precision requested + GUARD_BITS (reduced exponent, positive inputs). */
function seriesResult(baseNum: bigint, baseDen: bigint, en: bigint, ed: bigint, requested: number, scale: bigint): bigint {
  const internal = BigInt(requested) + GUARD_BITS;
  const maxIters = Math.max(Math.min(DEFAULT_MAX_ITERS, Number(internal) + 128), 1);
  const targetScale = 1n << BigInt(requested);
  const guard = 1n << GUARD_BITS;
  const internalScale = targetScale << GUARD_BITS;
  const lnTwo = lnTwoFor(internal, guard, maxIters);
  const lnBase =
    lnBiguint(baseNum, internal, internalScale, guard, lnTwo, maxIters) -
    lnBiguint(baseDen, internal, internalScale, guard, lnTwo, maxIters);
  const p = lnBase * en;
  const lnScaled = p >= 0n ? p / ed : (p - ed + 1n) / ed;
  const expFp = expFixed(lnScaled, internalScale, guard, maxIters);
  const expRequested = roundToPrecision(expFp);
  const q = expRequested * scale;
  return q >= 0n ? q / targetScale : -((targetScale - 1n - q) / targetScale);
}
