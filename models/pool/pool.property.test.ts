import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { swapAlphaForTao, swapTaoForAlpha } from "./applySwap.js";
import { injectIntoPool } from "./injection.js";
import { MAX_PRICE_RAO, MIN_PRICE_RAO, makePool } from "./pool.js";
import { currentPrice } from "./swap.js";
import { toNumber } from "./u64f64.js";

const reserve = fc.bigInt({ min: 1_000_000n, max: 10n ** 16n });
const amount = fc.bigInt({ min: 1n, max: 10n ** 15n });
const weight = fc.bigInt({ min: 2n * 10n ** 17n, max: 8n * 10n ** 17n });

describe("pool properties", () => {
  it("a stake then an immediate unstake never returns more TAO than was put in", () => {
    fc.assert(
      fc.property(reserve, reserve, amount, weight, (y, x, tao, w) => {
        const pool = makePool(y, x, { quoteWeight: w });
        const buy = swapTaoForAlpha(pool, tao, MAX_PRICE_RAO, false);
        if (!buy.ok) return;
        const sell = swapAlphaForTao(pool, buy.amountPaidOut, MIN_PRICE_RAO, false);
        if (!sell.ok) return;
        expect(sell.amountPaidOut).toBeLessThanOrEqual(tao);
        expect(pool.taoReserve).toBeGreaterThanOrEqual(0n);
        expect(pool.alphaReserve).toBeGreaterThanOrEqual(0n);
      }),
      { numRuns: 150 },
    );
  });

  it("a refused swap leaves the pool byte-identical; an accepted one keeps reserves ≥ 0 and moves the price the right way", () => {
    fc.assert(
      fc.property(reserve, reserve, fc.bigInt({ min: 1n, max: 10n ** 19n }), fc.boolean(), weight, (y, x, amt, buy, w) => {
        const pool = makePool(y, x, { quoteWeight: w });
        const before = JSON.stringify(pool, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
        const p0 = currentPrice(pool);
        const r = buy ? swapTaoForAlpha(pool, amt, MAX_PRICE_RAO, false) : swapAlphaForTao(pool, amt, MIN_PRICE_RAO, false);
        const after = JSON.stringify(pool, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
        if (!r.ok) expect(after).toBe(before);
        else {
          expect(pool.taoReserve >= 0n && pool.alphaReserve >= 0n).toBe(true);
          const p1 = currentPrice(pool);
          if (buy) expect(p1 >= p0).toBe(true);
          else expect(p1 <= p0).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("injection moves the weights, not the price (within 1e-9 relative)", () => {
    fc.assert(
      fc.property(reserve, reserve, fc.bigInt({ min: 0n, max: 10n ** 10n }), fc.bigInt({ min: 0n, max: 10n ** 10n }), (y, x, dy, dx) => {
        const pool = makePool(y * 1000n, x * 1000n);
        const p0 = toNumber(currentPrice(pool));
        const r = injectIntoPool(pool, { taoIn: dy, alphaIn: dx, excessTao: 0n });
        const p1 = toNumber(currentPrice(pool));
        if (r.taoInjected === 0n && r.alphaInjected === 0n) expect(p1).toBe(p0);
        else expect(Math.abs(p1 - p0) / p0).toBeLessThan(1e-9);
      }),
      { numRuns: 100 },
    );
  });
});

describe("injection (spec §2)", () => {
  it("injects (1e9, 1e9) into y=1e12, x=4e12: new w2 and reserves, price kept at 0.25", () => {
    const pool = makePool(10n ** 12n, 4n * 10n ** 12n);
    const r = injectIntoPool(pool, { taoIn: 10n ** 9n, alphaIn: 10n ** 9n, excessTao: 0n });
    expect(r).toMatchObject({ taoInjected: 10n ** 9n, alphaInjected: 10n ** 9n, protocolAlphaBought: 0n, totalStakeDelta: 10n ** 9n });
    expect(pool).toMatchObject({ taoReserve: 1_001_000_000_000n, alphaReserve: 4_001_000_000_000n, quoteWeight: 500_187_382_885_696_439n });
    expect(Math.abs(toNumber(currentPrice(pool)) - 0.25)).toBeLessThan(0.25 / 1e12);
  });

  it("an excess-TAO buy is fee-less, runs on the new weights and pre-injection reserves, and raises the price", () => {
    const pool = makePool(10n ** 12n, 10n ** 12n);
    const r = injectIntoPool(pool, { taoIn: 0n, alphaIn: 0n, excessTao: 10n ** 9n });
    // x·(1 − y/(y+Δy)) at w = 0.5 = floor(1e12 · 1e9 / (1e12 + 1e9)) − rounding of U64F64 steps
    expect(r.protocolAlphaBought).toBe(999_000_999n);
    expect(r.excessTaoSwapped).toBe(10n ** 9n);
    expect(toNumber(currentPrice(pool))).toBeGreaterThan(1);
  });

  it("refuses to inject when the weight would leave [0.01, 0.99]: nothing changes", () => {
    const pool = makePool(1_000_000n, 1_000_000n);
    const r = injectIntoPool(pool, { taoIn: 10n ** 9n, alphaIn: 0n, excessTao: 0n });
    expect(r).toMatchObject({ taoInjected: 0n, alphaInjected: 0n });
    expect(pool).toMatchObject({ taoReserve: 1_000_000n, alphaReserve: 1_000_000n, quoteWeight: 5n * 10n ** 17n });
  });
});
