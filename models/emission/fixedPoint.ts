// The coinbase's substrate-fixed v0.6.0 types as raw bigint integers (spec/emission.md §0).
// U96F32 / I96F32: raw = value·2^32 in a u128 / i128; U64F64: raw = value·2^64 in a u128.
// Multiplication floors, division truncates, conversion to u64 floors and clamps.
// bigint throughout: u64 rao × 2^32 does not fit 2^53. (Kept local to models/emission so the
// coinbase has no dependency on the epoch's fixed-point module; both follow yuma.md §2.)

export const U64_MAX = (1n << 64n) - 1n;
export const U128_MAX = (1n << 128n) - 1n;
export const I128_MAX = (1n << 127n) - 1n;

export const ONE32 = 1n << 32n; // 1.0 as U96F32 / I96F32 raw
export const ONE64 = 1n << 64n; // 1.0 as U64F64 raw
export const HALF32 = 1n << 31n; // 0.5 as U96F32 raw (from_num(0.5) is exact)

/** U96F32::saturating_from_num(u64) — exact. */
export function u96(x: bigint): bigint {
  return x << 32n;
}

/** U96F32 `a.saturating_mul(b)`: floor((a·b) >> 32), clamped to u128. */
export function mul96(a: bigint, b: bigint): bigint {
  const r = (a * b) >> 32n;
  return r > U128_MAX ? U128_MAX : r;
}

/** U96F32 `checked_div`: null on b = 0 or overflow; else trunc((a << 32) / b). */
export function checkedDiv96(a: bigint, b: bigint): bigint | null {
  if (b === 0n) return null;
  const r = (a << 32n) / b;
  return r > U128_MAX ? null : r;
}

/** U96F32 `safe_div`: checked_div or 0. */
export function safeDiv96(a: bigint, b: bigint): bigint {
  return checkedDiv96(a, b) ?? 0n;
}

/** U96F32 → u64 (`tou64!`): floor, clamp at u64::MAX. */
export function toU64From96(x: bigint): bigint {
  const r = x >> 32n;
  return r > U64_MAX ? U64_MAX : r;
}

/** Unsigned `saturating_sub`. */
export function satSub(a: bigint, b: bigint): bigint {
  return a > b ? a - b : 0n;
}

/** U64F64 `a.saturating_mul(b)`: floor((a·b) >> 64), clamped to u128. */
export function mul64(a: bigint, b: bigint): bigint {
  const r = (a * b) >> 64n;
  return r > U128_MAX ? U128_MAX : r;
}

/** U64F64 `checked_div`: null on b = 0 or overflow. */
export function checkedDiv64(a: bigint, b: bigint): bigint | null {
  if (b === 0n) return null;
  const r = (a << 64n) / b;
  return r > U128_MAX ? null : r;
}

/** U64F64 `safe_div`. */
export function safeDiv64(a: bigint, b: bigint): bigint {
  return checkedDiv64(a, b) ?? 0n;
}

/** U64F64 → U96F32 (drop 32 fraction bits: floor). */
export function u64f64ToU96(x: bigint): bigint {
  return x >> 32n;
}

/** U96F32 / I96F32 (non-negative) → U64F64 (exact; saturating at u128). */
export function u96ToU64f64(x: bigint): bigint {
  if (x < 0n) return 0n;
  const r = x << 32n;
  return r > U128_MAX ? U128_MAX : r;
}

/** `U96F32(x).safe_div(U96F32(u16::MAX))`: a u16 proportion as U96F32 raw. */
export function u16Proportion96(x: number): bigint {
  return safeDiv96(u96(BigInt(x)), u96(65535n));
}

/** `U96F32(x).safe_div(U96F32(u64::MAX))`: a u64 proportion as U96F32 raw. */
export function u64Proportion96(x: bigint): bigint {
  return safeDiv96(u96(x), u96(U64_MAX));
}
