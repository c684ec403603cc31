import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { doSwap, currentPrice, calculateFeeAmount, limitPriceFromRao } from "./swap.js";
import { makePool } from "./pool.js";
import { U128_MAX, fromInt, safeDiv, toNumber } from "./u64f64.js";

const vectorsUrl = new URL("../../test/vectors/swap/swap-quotes.jsonl", import.meta.url);
const lines = readFileSync(vectorsUrl, "utf8").trim().split("\n");

describe("swap-quotes.jsonl conformance (exact)", () => {
  it("has 150 vectors", () => expect(lines.length).toBe(150));
  it.each(lines.map((l, i) => [i, l] as const))("line %i matches the chain", (_i, line) => {
    const v = JSON.parse(line);
    const pool = makePool(BigInt(v.taoReserve), BigInt(v.alphaReserve), { quoteWeight: BigInt(v.quoteWeight), feeRate: v.feeRate });
    const side = v.side === "stake" ? "buy" : "sell";
    const r = doSwap(pool, side, BigInt(v.amount), side === "buy" ? U128_MAX : 0n, false);
    const got = r.ok ? { fee: r.feePaid.toString(), amountOut: r.amountPaidOut.toString() } : { error: r.error };
    expect(got).toEqual(v.error ? { error: v.error } : { fee: v.fee, amountOut: v.amountOut });
  });
});

describe("spec §8 swap vectors", () => {
  it("test_swap_basic: buys on y=1e9, x=4e9 (calc, exact)", () => {
    const cases: [bigint, bigint, bigint, bigint][] = [
      [1000n, 0n, 1000n, 3_999n],
      [2000n, 1n, 1_999n, 7_995n],
      [123_456n, 62n, 123_394n, 493_515n],
      [1_000_000_000n, 503_547n, 999_496_453n, 1_999_496_326n],
      [10_000_000_000n, 5_035_477n, 9_994_964_523n, 3_636_197_098n],
    ];
    for (const [amount, fee, paidIn, out] of cases) {
      const r = doSwap(makePool(1_000_000_000n, 4_000_000_000n), "buy", amount, fromInt(1000n), false);
      expect(r).toMatchObject({ ok: true, feePaid: fee, amountPaidIn: paidIn, amountPaidOut: out });
    }
  });

  it("test_swap_basic: sells on y=1e9, x=4e9 (calc, exact)", () => {
    const limit = safeDiv(fromInt(1n), fromInt(10_000n));
    const cases: [bigint, bigint, bigint][] = [
      [1000n, 0n, 249n],
      [2000n, 1n, 499n],
      [123_456n, 62n, 30_847n],
      [1_000_000_000n, 503_547n, 199_919_424n],
    ];
    for (const [amount, fee, out] of cases) {
      const r = doSwap(makePool(1_000_000_000n, 4_000_000_000n), "sell", amount, limit, false);
      expect(r).toMatchObject({ ok: true, feePaid: fee, amountPaidIn: amount - fee, amountPaidOut: out });
    }
  });

  it("test_swap_initialization: price 0.25 at w2 = 0.5", () => {
    expect(toNumber(currentPrice(makePool(1_000_000_000n, 4_000_000_000n)))).toBeCloseTo(0.25, 9);
  });

  it("test_swap_rejects_input_over_1000x_input_reserve / allows_input_at_1000x (both sides)", () => {
    for (const side of ["buy", "sell"] as const) {
      const limit = side === "buy" ? U128_MAX : 0n;
      const pool = makePool(1000n, 1000n);
      expect(doSwap(pool, side, 1_000_001n, limit, true, { minimumReserve: 1n })).toEqual({ ok: false, error: "SwapInputTooLarge" });
      expect(doSwap(pool, side, 1_000_000n, limit, true, { minimumReserve: 1n }).ok).toBe(true);
    }
  });

  it("DefaultMinStake fee: fee(2_000_000) = 1_007 (spec vector 15)", () => {
    expect(calculateFeeAmount(makePool(1n, 1n), 2_000_000n, false)).toBe(1_007n);
  });

  it("refusals: ReservesTooLow below MinimumReserve, PriceLimitExceeded at the limit", () => {
    expect(doSwap(makePool(10n ** 12n, 999_999n), "buy", 1000n, U128_MAX, false)).toEqual({ ok: false, error: "ReservesTooLow" });
    expect(doSwap(makePool(999_999n, 10n ** 12n), "sell", 1000n, 0n, false)).toEqual({ ok: false, error: "ReservesTooLow" });
    const pool = makePool(10n ** 9n, 10n ** 9n); // price exactly 1
    expect(doSwap(pool, "buy", 1000n, limitPriceFromRao(1_000_000_000n), false)).toEqual({ ok: false, error: "PriceLimitExceeded" });
    expect(doSwap(pool, "sell", 1000n, limitPriceFromRao(1_000_000_000n), false)).toEqual({ ok: false, error: "PriceLimitExceeded" });
  });

  it("a price limit truncates a buy and the fee is recomputed on the filled part", () => {
    const pool = makePool(10n ** 12n, 10n ** 12n); // price 1
    const r = doSwap(pool, "buy", 10n ** 12n, limitPriceFromRao(1_210_000_000n), false);
    // y·(sqrt(1.21) − 1) = 0.1·y at w = 0.5, less 1 rao because U64F64(1.21e9)/1e9 truncates
    // below 1.21; fee = floor(Δ·33/65502)
    expect(r).toMatchObject({ ok: true, amountPaidIn: 99_999_999_999n, feePaid: 50_380_141n });
  });
});
