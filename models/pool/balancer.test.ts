import { describe, expect, it } from "vitest";
import {
  ACCURACY, calculateBaseDeltaIn, calculatePrice, calculateQuoteDeltaIn, expScaled, getBaseNeededForQuote,
  mulPerquintillRound, perquintillFromRational, quoteWeightForPrice, updateWeightsForAddedLiquidity,
} from "./balancer.js";
import { powRatioScaled } from "./powRatioScaled.js";
import { fromInt, safeDiv, toNumber, frac, mulSat, toU64 } from "./u64f64.js";

const pq = (x: number) => BigInt(Math.round(x * 1000)) * 10n ** 15n;

describe("balancer.rs vectors", () => {
  it("test_exp_scaled (±1e-9)", () => {
    const cases: [number, bigint, bigint, boolean, number][] = [
      [0.5, 100000n, 100n, true, 0.999000999000999],
      [0.25, 500000n, 5000n, true, 0.970590147927644],
      [0.75, 200000n, 2000n, false, 0.970590147927644],
      [0.9, 13513642n, 1673n, false, 0.998886481979889],
      [0.773, 7_000_000_000n, 10000n, true, 0.999999580484586],
    ];
    for (const [w2, x, d, bq, want] of cases) expect(Math.abs(toNumber(expScaled(pq(w2), x, d, bq)) - want)).toBeLessThan(1e-9);
  });

  it("test_perquintill_power: exactly 649_519_052_838_328_985", () => {
    expect(powRatioScaled(21n * 10n ** 15n, 28n * 10n ** 15n, 6n * 10n ** 17n, 4n * 10n ** 17n, 4096, ACCURACY)).toBe(649_519_052_838_328_985n);
  });

  it("safe-bigmath pow_ratio_scaled_handles_large_weight_denominators (approximation path, exact)", () => {
    const x = 21_000_000_000_000_000n;
    const d = 21_000_000_000_000_100n;
    for (const [a, b] of [[5n * 10n ** 17n, 5n * 10n ** 17n], [499_999_999_999_500_000n, 500_000_000_000_500_000n], [500_000_000_000_250_000n, 499_999_999_999_750_000n]]) {
      expect(powRatioScaled(x, d, a, b, 256, ACCURACY)).toBe(999_999_999_999_995_238n);
    }
  });

  it("safe-bigmath pow_ratio_scaled_converges_on_boundary_weights (exact)", () => {
    expect(powRatioScaled(21_000_000_000_000_000n, 21_000_000_000_000_001n, 499_999_999_500_000_000n, 500_000_000_500_000_000n, 256, ACCURACY)).toBe(999_999_999_999_999_952n);
  });

  it("safe-bigmath doc example: (2/3)^(1/2)·1000 = 816", () => {
    expect(powRatioScaled(2n, 3n, 1n, 2n, 0, 1000n)).toBe(816n);
  });

  it("test_calculate_quote_delta_in: floor(1e9·(2^0.75−1)) = 681_792_830, reversed 0", () => {
    const p = safeDiv(fromInt(1n), fromInt(10n));
    const p2 = safeDiv(fromInt(2n), fromInt(10n));
    const p05 = safeDiv(fromInt(5n), fromInt(100n));
    expect(calculateQuoteDeltaIn(pq(0.25), p, p2, 1_000_000_000n)).toBe(681_792_830n);
    expect(calculateQuoteDeltaIn(pq(0.25), p, p05, 1_000_000_000n)).toBe(0n);
  });

  it("test_calculate_base_delta_in: floor(1e9·(2^0.25−1)) = 189_207_115, reversed 0", () => {
    const p = safeDiv(fromInt(2n), fromInt(10n));
    const p1 = safeDiv(fromInt(1n), fromInt(10n));
    expect(calculateBaseDeltaIn(pq(0.25), p, p1, 1_000_000_000n)).toBe(189_207_115n);
    expect(calculateBaseDeltaIn(pq(0.25), p1, p, 1_000_000_000n)).toBe(0n);
  });

  it("test_base_needed_for_quote: 374_758", () => {
    expect(getBaseNeededForQuote(pq(0.25), 1_000_000_000n, 1_000_000_000n, 1_123_432n)).toBe(374_758n);
  });

  it("test_mul_round_half_behaviour", () => {
    const half = ACCURACY / 2n;
    for (const [v, want] of [[1n, 1n], [2n, 1n], [3n, 2n], [5n, 3n], [1023n, 512n], [1025n, 513n]]) expect(mulPerquintillRound(half, v)).toBe(want);
    const third = perquintillFromRational(1n, 3n);
    expect(mulPerquintillRound(third, 4n)).toBe(1n);
    expect(mulPerquintillRound(third, 5n)).toBe(2n);
  });

  it("update_weights_for_added_liquidity (calc, exact) keeps the price (test_adjust_protocol_liquidity_happy, tol p/1e12)", () => {
    const y = 10n ** 12n;
    const x = 4n * 10n ** 12n;
    const cases: [bigint, bigint, bigint][] = [
      [10n ** 9n, 10n ** 9n, 500_187_382_885_696_439n],
      [10n ** 9n, 0n, 500_249_875_062_468_765n],
      [0n, 10n ** 9n, 499_937_507_811_523_559n],
      [10n ** 9n, 4n * 10n ** 9n, 500_000_000_000_000_000n],
    ];
    for (const [dy, dx, w] of cases) {
      expect(updateWeightsForAddedLiquidity(ACCURACY / 2n, y, x, dy, dx)).toBe(w);
      expect(Math.abs(toNumber(calculatePrice(w, x + dx, y + dy)) - 0.25)).toBeLessThan(0.25 / 1e12);
    }
  });

  it("update_weights_for_added_liquidity refuses weights outside [0.01, 0.99]", () => {
    expect(updateWeightsForAddedLiquidity(ACCURACY / 2n, 1000n, 1000n, 10n ** 6n, 0n)).toBeNull();
  });

  it("test_swap_initialization_with_price: px = 799_999_999, w2 = 555_555_555_864_197_531 (maybe_initialize_palswap)", () => {
    const price = safeDiv(fromInt(1n), fromInt(5n));
    const x = 4_000_000_000n;
    const y = 1_000_000_000n;
    const px = (price >> 64n) * x + toU64(mulSat(fromInt(x), frac(price)));
    expect(px).toBe(799_999_999n);
    const w2 = quoteWeightForPrice(price, x, y)!;
    expect(w2).toBe(555_555_555_864_197_531n);
    expect(Math.abs(toNumber(calculatePrice(w2, x, y)) - 0.2)).toBeLessThan(1e-9);
  });
});
