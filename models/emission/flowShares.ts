// The TAO-flow share rule the chain ran from November 2025 (120be4f85 "Re-enable tao flow") until
// June 2026 (c3841130c switched back to prices); ported from subtensor 196453867,
// coinbase/subnet_emissions.rs::{get_shares_flow, get_lower_limit, inplace_pow_normalize,
// inplace_scale, safe_pow, pow_estimate} and safe-math FixedExt::checked_sqrt. U64F64 / I64F64 /
// I32F32 as raw bigints; BigInt is fine here (once per block per subnet).

import { expRaw } from "../fixed/expSafe.js";
import { lnRaw } from "../fixed/lnI32F32.js";
import { type TaoFlowState, emaFlow } from "./taoFlow.js";

const U128_MAX = (1n << 128n) - 1n;
const I64_MAX = (1n << 63n) - 1n;
const I32_MAX = (1n << 31n) - 1n;
const ONE64 = 1n << 64n;

const mulU = (a: bigint, b: bigint): bigint => {
  const r = (a * b) >> 64n;
  return r > U128_MAX ? U128_MAX : r;
};
/** U64F64 safe_div: checked_div or 0 (zero divisor or overflow). */
const divU = (a: bigint, b: bigint): bigint => {
  if (b === 0n) return 0n;
  const r = (a << 64n) / b;
  return r > U128_MAX ? 0n : r;
};
const addU = (a: bigint, b: bigint): bigint => (a + b > U128_MAX ? U128_MAX : a + b);
const subU = (a: bigint, b: bigint): bigint => (a > b ? a - b : 0n);

/** FixedExt::checked_sqrt(epsilon) for U64F64: bisection, at most 129 steps. */
export function checkedSqrtU64F64(x: bigint, epsilon: bigint): bigint {
  let high: bigint;
  let low: bigint;
  if (x > ONE64) {
    high = x;
    low = 0n;
  } else {
    high = ONE64;
    low = x;
  }
  const TWO = 2n << 64n;
  let middle = divU(addU(high, low), TWO);
  let check = divU(x, middle);
  let iteration = 0;
  while ((check < middle ? subU(middle, check) : subU(check, middle)) > epsilon) {
    if (check < middle) high = middle;
    else low = middle;
    middle = divU(addU(high, low), TWO);
    check = divU(x, middle);
    iteration++;
    if (iteration > 128) break;
  }
  return middle;
}

/** safe_pow(val, p) = exp(p · ln(val)) in I32F32, 0 when ln fails, I32F32::MAX when exp overflows. */
export function safePow(val: bigint, p: bigint): bigint {
  const toI32 = (u: bigint): bigint => { const r = u >> 32n; return r > I64_MAX ? I64_MAX : r; };
  const ln = lnRaw(toI32(val));
  if (ln === null) return 0n;
  let prod = (toI32(p) * ln) >> 32n; // I32F32 saturating_mul
  if (prod > I64_MAX) prod = I64_MAX;
  else if (prod < -I64_MAX - 1n) prod = -I64_MAX - 1n;
  const e = expRaw(prod) ?? I32_MAX << 32n;
  return e < 0n ? 0n : e << 32n; // U64F64::saturating_from_num(I32F32)
}

/** inplace_scale: every value × (1 / max). */
function inplaceScale(v: bigint[], n: number): void {
  let max = 0n;
  for (let k = 0; k < n; k++) if (v[k] > max) max = v[k];
  const factor = divU(ONE64, max);
  for (let k = 0; k < n; k++) v[k] = mulU(factor, v[k]);
}

/** inplace_pow_normalize(v, p): v_k^p / Σ v^p after scaling so the powers fit I32F32. */
export function inplacePowNormalize(v: bigint[], n: number, p: bigint): void {
  inplaceScale(v, n);
  let max = 0n;
  for (let k = 0; k < n; k++) if (v[k] > max) max = v[k];
  const maxTimesCount = mulU(BigInt(n) << 64n, mulU(max, max)); // pow_estimate: p = 2
  const i32f32Max = I32_MAX << 64n;
  const precisionMin = divU(i32f32Max, ((1n << 64n) - 1n) << 64n);
  if (maxTimesCount < precisionMin) return;
  const epsilon = divU(ONE64, 1000n << 64n);
  const factor = checkedSqrtU64F64(divU(i32f32Max, maxTimesCount), epsilon);
  let sum = 0n;
  for (let k = 0; k < n; k++) sum += safePow(mulU(factor, v[k]), p);
  for (let k = 0; k < n; k++) v[k] = divU(safePow(mulU(factor, v[k]), p), sum);
}

/**
 * get_shares_flow (U64F64 raw into shares[k] for emit[k], ascending netuids): EMA flows, clipped at
 * L = max(TaoFlowCutoff, min(min_i S_i, 0)) to z_i = max(S_i − L, 0), then inplace_pow_normalize.
 */
export function sharesFlow(f: TaoFlowState, emit: Int32Array, n: number, shares: bigint[]): void {
  let minFlow = 0n;
  for (let k = 0; k < n; k++) {
    const s = emaFlow(f, emit[k]);
    shares[k] = s; // I64F64 for now
    if (s < minFlow) minFlow = s;
  }
  const lower = f.cutoff > minFlow ? f.cutoff : minFlow;
  for (let k = 0; k < n; k++) shares[k] = shares[k] > lower ? shares[k] - lower : 0n; // I64F64 → U64F64, ≥ 0
  inplacePowNormalize(shares, n, f.normExponent);
}
