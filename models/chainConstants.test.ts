// The chain constants against their definitions (integer limits) and the spec's parameter tables
// (spec/pools-staking-registration.md §7, spec/emission.md §7), and the copies still held by other
// modules against this one, until they import it.
import { describe, expect, it } from "vitest";
import * as C from "./chainConstants.js";
import { TOTAL_SUPPLY } from "./emission/blockEmission.js";
import { U128_MAX as EMISSION_U128_MAX, U64_MAX as EMISSION_U64_MAX } from "./emission/fixedPoint.js";
import { MAX_PRICE_RAO, MAX_SWAP_INPUT_RESERVE_MULTIPLIER, MIN_PRICE_RAO, MINIMUM_RESERVE } from "./pool/pool.js";
import { U128_MAX as POOL_U128_MAX, U64_MAX as POOL_U64_MAX } from "./pool/u64f64.js";
import { DEFAULT_MIN_STAKE } from "./staking/stakingState.js";

describe("chain constants", () => {
  it("integer limits and fixed-point scales are the Rust types'", () => {
    expect([C.U16_MAX, C.U32_MAX]).toEqual([2 ** 16 - 1, 2 ** 32 - 1]);
    expect(C.U64_MAX).toBe(2n ** 64n - 1n);
    expect(C.U128_MAX).toBe(2n ** 128n - 1n);
    expect([C.TWO31, C.TWO32]).toEqual([2 ** 31, 2 ** 32]);
    expect(C.TWO64).toBe(2n ** 64n);
  });

  it("amounts are the runtime's (rao)", () => {
    expect(C.DEFAULT_MIN_STAKE).toBe(2_000_000n); // 0.002 TAO
    expect(C.MINIMUM_RESERVE).toBe(1_000_000n);
    expect(C.MIN_PRICE_RAO).toBe(1_000n); // 1e-6 TAO per alpha
    // max_price_inner returns 1_000_000_000_000_000 (1e6 TAO per alpha) in the balancer swap pallet; the spec's
    // §1.8 says 1e18 (1e9 TAO), which is not what the chain source holds.
    expect(C.MAX_PRICE_RAO).toBe(10n ** 15n);
    expect(C.TOTAL_SUPPLY).toBe(21_000_000n * 10n ** 9n);
  });

  it("the copies other modules still define agree with this module", () => {
    expect([POOL_U64_MAX, EMISSION_U64_MAX]).toEqual([C.U64_MAX, C.U64_MAX]);
    expect([POOL_U128_MAX, EMISSION_U128_MAX]).toEqual([C.U128_MAX, C.U128_MAX]);
    expect([MINIMUM_RESERVE, MAX_PRICE_RAO, MIN_PRICE_RAO, MAX_SWAP_INPUT_RESERVE_MULTIPLIER])
      .toEqual([C.MINIMUM_RESERVE, C.MAX_PRICE_RAO, C.MIN_PRICE_RAO, C.MAX_SWAP_INPUT_RESERVE_MULTIPLIER]);
    expect(DEFAULT_MIN_STAKE).toBe(C.DEFAULT_MIN_STAKE);
    expect(TOTAL_SUPPLY).toBe(C.TOTAL_SUPPLY);
  });
});
