import { U64_MAX } from "../chainConstants.js";
/**
 * Neuron registration burn dynamics, ported from subtensor `utils/misc.rs` (Q32 helpers) and
 * `subnets/registration.rs::update_registration_prices_for_networks` /
 * `bump_registration_price_after_registration` (HEAD 14bc6f9f). Amounts are u64 rao as bigint.
 */
const Q32_ONE = 1n << 32n;

/** `mul_by_q32(v, f)` = min((v·f) >> 32, u64::MAX). */
export function mulByQ32(v: bigint, f: bigint): bigint {
  const r = (v * f) >> 32n;
  return r > U64_MAX ? U64_MAX : r;
}

/** `pow_q32(b, e)`: square-and-multiply with `mul_by_q32` at every step. */
export function powQ32(base: bigint, exp: number): bigint {
  let result = Q32_ONE;
  let factor = base;
  let power = exp;
  while (power > 0) {
    if (power & 1) result = mulByQ32(result, factor);
    power >>= 1;
    if (power > 0) factor = mulByQ32(factor, factor);
  }
  return result;
}

/** `decay_factor_q32(h)`: largest Q32 f with f^h ≤ 1/2 (binary search); h = 0 → 1. */
export function decayFactorQ32(halfLife: number): bigint {
  if (halfLife === 0) return Q32_ONE;
  let lo = 0n;
  let hi = Q32_ONE;
  while (lo + 1n < hi) {
    const mid = lo + ((hi - lo) >> 1n);
    if (powQ32(mid, halfLife) > Q32_ONE >> 1n) hi = mid;
    else lo = mid;
  }
  return lo;
}

export interface BurnParams {
  /** `BurnHalfLife` (blocks; 0 = no decay). */
  halfLife: number;
  /** `BurnIncreaseMult` as U64F64 raw bits (default 1.26 from its f64 bits). */
  increaseMult: bigint;
  /** `MinBurn`, `MaxBurn`. */
  minBurn: bigint;
  maxBurn: bigint;
}

/** U64F64::from_num(f64): the f64's exact value rounded to the nearest 2^-64 (spec §9.13). */
export function u64f64FromF64(x: number): bigint {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const bits = buf.getBigUint64(0);
  const exp = Number((bits >> 52n) & 0x7ffn) - 1075;
  const mant = (bits & ((1n << 52n) - 1n)) | (1n << 52n);
  const shift = exp + 64;
  if (shift >= 0) return mant << BigInt(shift);
  const s = BigInt(-shift);
  const q = mant >> s;
  const rem = mant & ((1n << s) - 1n);
  const half = 1n << (s - 1n);
  return rem > half || (rem === half && (q & 1n) === 1n) ? q + 1n : q;
}

export const DEFAULT_BURN_PARAMS: BurnParams = {
  halfLife: 360,
  increaseMult: u64f64FromF64(1.26),
  minBurn: 500_000n,
  maxBurn: 100_000_000_000n,
};

function clamp(burn: bigint, p: BurnParams): bigint {
  let b = burn < p.minBurn ? p.minBurn : burn;
  if (b > p.maxBurn) b = p.maxBurn;
  return b;
}

/** Per-block step of `update_registration_prices_for_networks` (decay when block > 1, then clamp). */
export function decayBurn(burn: bigint, currentBlock: number, p: BurnParams, factor = decayFactorQ32(p.halfLife)): bigint {
  const b = p.halfLife > 0 && currentBlock > 1 ? mulByQ32(burn, factor) : burn;
  return clamp(b, p);
}

/** `bump_registration_price_after_registration`: burn·max(mult, 1) floored, then clamp. */
export function bumpBurn(burn: bigint, p: BurnParams): bigint {
  const mult = p.increaseMult > 1n << 64n ? p.increaseMult : 1n << 64n;
  let b = (burn * mult) >> 64n;
  if (b > U64_MAX) b = U64_MAX;
  return clamp(b, p);
}
