// The chain's constants, in one place, each with the subtensor source it comes from. Integer limits
// are those of Rust's types; amounts are in rao (1 TAO = 1e9 rao) unless named otherwise.
// Ports import these instead of spelling the numbers again.

// Integer limits (Rust `u16::MAX`, `u32::MAX`, `u64::MAX`, `u128::MAX`).
export const U16_MAX = 65_535;
export const U32_MAX = 4_294_967_295;
export const U64_MAX = 18_446_744_073_709_551_615n;
export const U128_MAX = (1n << 128n) - 1n;

/** 2^32: the raw of 1.0 in the 32-fraction-bit fixed types (substrate-fixed I32F32, I96F32, U96F32). */
export const TWO32 = 4_294_967_296;
/** 2^31: the raw of 0.5 in those types (round() adds it before flooring). */
export const TWO31 = 2_147_483_648;
/** 2^64 as BigInt: the raw of 1.0 in U64F64 / I64F64. */
export const TWO64 = 1n << 64n;

/** `TotalSupply` / `MAX_TAO_ISSUANCE` (subtensor lib.rs): 21M TAO, the issuance cap of TAO and of each alpha. */
export const TOTAL_SUPPLY = 21_000_000_000_000_000n;

/** `DefaultMinStake` (subtensor lib.rs, = runtime `InitialMinStake`): 0.002 TAO, the minimum stake, move and remainder. */
export const DEFAULT_MIN_STAKE = 2_000_000n;

/** Swap pallet `MinimumReserve` (runtime lib.rs `SwapMinimumReserve`): the output reserve must hold this to swap. */
export const MINIMUM_RESERVE = 1_000_000n;

/** `MAX_SWAP_INPUT_RESERVE_MULTIPLIER` (swap pallet): a swap's net input is at most 1000 × the input reserve. */
export const MAX_SWAP_INPUT_RESERVE_MULTIPLIER = 1_000n;

/** `max_price_inner` (swap pallet impls.rs): 1e15 rao per alpha (1e6 TAO), the default buy limit. */
export const MAX_PRICE_RAO = 1_000_000_000_000_000n;

/** `min_price_inner` (swap pallet impls.rs): 1000 rao per alpha (1e-6 TAO), the default sell limit. */
export const MIN_PRICE_RAO = 1_000n;
