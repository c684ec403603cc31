/**
 * A short road to safe-bigmath `SafeInt::pow_ratio_scaled`'s series result (the balancer's
 * `exp_scaled`), exact by proof, with the series as fallback.
 *
 * The crate evaluates scale·(bn/bd)^(en/ed) with ln/exp Taylor series at internal precision
 * I = requested + 24 bits (requested = max(precision, 32, bits(scale) + 8)), hundreds of BigInt terms.
 * Where its inputs stay in the domain below, its result is floor(scale·v·(1 + η)) with v the true
 * power and |η| ≤ 2^(21 − requested):
 *   each ln1p term is floored once (error ≤ 2 units of 2^−I, |x| ≤ 1/2), the series stops below
 *   2^24 units (tail ≤ 2^24 units), so each ln and ln 2 is within 2^26 units; ln 2·shift (shift ≤ 128)
 *   and the difference of two lns are within 2^34 units; times en/ed ≤ 2^8, 2^42 units; exp of an
 *   argument |L| ≤ 8 is within 2^26 units of exp(L) ≥ 2^−11.6 and carries the argument's error
 *   relatively, so relative error ≤ 2^(44 − I) + the final rounding 2^(12.6 − requested).
 * This file computes v by fast-converging series in 128-bit fixed point (ln through atanh of
 * z = (a − b·2^k)/(a + b·2^k), |z| ≤ 0.18; exp after taking out k2·ln 2, |s| ≤ 0.36) with relative error
 * ≤ 2^−102 (bounds beside each step), widens it by 2^−90 (a 2^12 safety factor, η included), and
 * answers only when both ends of the interval floor to the same integer: then that integer is the
 * crate's result. Otherwise (a value within ~2^−90 of an integer, or inputs outside the domain) it
 * answers `undefined` and the caller runs the series. ~40 BigInt operations instead of ~1,000.
 */
const K = 128n;
const ONE = 1n << K;
/** Safety margin of the interval: relative 2^−MARGIN_BITS. */
const MARGIN_BITS = 90n;

/**
 * 2·atanh(z)·2^K for zF = z·2^K, |z| ≤ 1/3, within 2^8 units: each term t_j = z^(2j+1) is floored
 * once from the previous (error ≤ 4.5 units as z² ≤ 1/9), each t_j/(2j+1) truncated (≤ 1 more),
 * ≤ 42 terms, the tail after |t| ≤ 1 below 2 units.
 */
function twoAtanh(zF: bigint): bigint {
  const z2 = (zF * zF) >> K;
  let t = zF;
  let sum = zF;
  for (let j = 3n; ; j += 2n) {
    t = (t * z2) >> K;
    if (t <= 1n && t >= -1n) break;
    sum += t / j;
  }
  return sum << 1n;
}

/** ln 2 = 2·atanh(1/3), within 2^8 units of 2^−K. */
const LN2 = twoAtanh(ONE / 3n);
const LN2_FLOAT = Math.LN2;

/**
 * pow_ratio_scaled's series result for (bn/bd)^(en/ed)·scale with en/ed already reduced, or
 * `undefined` when this road cannot prove it (then run the series). Domain: bn, bd in [1, 2^128),
 * en, ed ≥ 1 with en ≤ 2^8·ed, requested precision ≥ 200, |ln(bn/bd)·en/ed| ≤ 8, scale ≥ 1.
 */
export function powRatioBySeriesBounds(bn: bigint, bd: bigint, en: bigint, ed: bigint, requested: number, scale: bigint): bigint | undefined {
  const range = powRatioSeriesRange(bn, bd, en, ed, requested, scale, MARGIN_BITS);
  return range !== undefined && range[0] === range[1] ? range[0] : undefined;
}

/**
 * [floor of the low end, floor of the high end] of scale·(bn/bd)^(en/ed) widened by 2^−marginBits
 * relative, or `undefined` outside the domain (exported for the tests of the error bound).
 */
export function powRatioSeriesRange(
  bn: bigint,
  bd: bigint,
  en: bigint,
  ed: bigint,
  requested: number,
  scale: bigint,
  marginBits: bigint,
): readonly [bigint, bigint] | undefined {
  if (requested < 200 || bn <= 0n || bd <= 0n || en <= 0n || ed <= 0n || scale <= 0n) return undefined;
  if (bn >= 1n << 128n || bd >= 1n << 128n || en > ed << 8n) return undefined;
  // ln(bn/bd) = k·ln 2 + 2·atanh(z): k = round(log2(bn/bd)) keeps bn/(bd·2^k) in [0.70, 1.42], |z| ≤ 0.18
  const k = Math.round(Math.log2(Number(bn) / Number(bd)));
  const a = k < 0 ? bn << BigInt(-k) : bn;
  const b = k > 0 ? bd << BigInt(k) : bd;
  const zF = ((a - b) << K) / (a + b); // truncated: within 1 unit, |z| ≤ 0.18 (+ rounding of the float log2)
  if (zF > ONE / 3n || zF < -ONE / 3n) return undefined;
  // |ln error| ≤ 2^8 (atanh) + 2·1.04 (zF, through 2/(1 − z²)) + |k|·2^8 (ln 2) ≤ 2^16 units (|k| ≤ 128)
  const lnF = twoAtanh(zF) + BigInt(k) * LN2;
  // u = ln·en/ed: error ≤ 2^16·2^8 + 1 ≤ 2^25 units
  const uF = (lnF * en) / ed;
  if (uF > ONE << 3n || uF < -(ONE << 3n)) return undefined;
  // exp(u) = 2^k2·exp(s), s = u − k2·ln 2, |s| ≤ 0.36; error of s ≤ 2^25 + 12·2^8 units
  const k2 = Math.round(Number(uF >> 64n) / 2 ** 64 / LN2_FLOAT);
  const sF = uF - BigInt(k2) * LN2;
  // Taylor: t_n = t_{n−1}·s/n, each floored and truncated (error ≤ 2 units), ≤ 40 terms, tail < 2 units:
  // exp(s) within 82 units, relative 2^7 units as exp(s) ≥ 0.69; with the argument's error, relative
  // error of exp(u) ≤ 2^26 units of 2^−K = 2^−102
  let t = ONE;
  let e = ONE;
  for (let n = 1n; ; n++) {
    t = ((t * sF) >> K) / n;
    if (t <= 1n && t >= -1n) break;
    e += t;
  }
  const value = scale * e; // scale·exp(s)·2^K
  const margin = (value >> marginBits) + 1n;
  return [shiftFloor(value - margin, k2), shiftFloor(value + margin, k2)];
}

/** floor(v·2^k2 / 2^K) for v ≥ 0. */
function shiftFloor(v: bigint, k2: number): bigint {
  if (v < 0n) return -1n;
  const shift = K - BigInt(k2);
  return shift >= 0n ? v >> shift : v << -shift;
}
