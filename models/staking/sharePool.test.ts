import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SharePool } from "./sharePool.js";

describe("share-pool vectors (primitives/share-pool)", () => {
  it("test_denom_precision: k1 +1000 −990, k2 +1000 −990 → 10 each, exact", () => {
    const p = new SharePool();
    p.updateValueForOne(1, 1000n);
    p.updateValueForOne(1, -990n);
    p.updateValueForOne(2, 1000n);
    p.updateValueForOne(2, -990n);
    expect(p.getValue(1)).toBe(10n);
    expect(p.getValue(2)).toBe(10n);
  });

  it("test_denom_high_precision (±1): each 501_000_000_000_000", () => {
    const p = new SharePool();
    p.updateValueForOne(1, 1n);
    p.updateValueForOne(2, 1n);
    p.updateValueForAll(999_999_999_999_998n);
    p.updateValueForOne(1, -499_999_999_999_990n);
    p.updateValueForOne(2, -499_999_999_999_990n);
    p.updateValueForAll(999_999_999_999_980n);
    p.updateValueForOne(1, 1_000_000_000_000n);
    p.updateValueForOne(2, 1_000_000_000_000n);
    for (const k of [1, 2]) expect(Number(p.getValue(k) - 501_000_000_000_000n)).toSatisfy((d: number) => Math.abs(d) <= 1);
  });

  it("the first staker gets everything already in the pool", () => {
    const p = new SharePool();
    p.updateValueForAll(500n);
    p.updateValueForOne(7, 100n);
    expect(p.getValue(7)).toBe(600n);
  });
});

describe("share-pool properties", () => {
  it("nominators' claims sum to the hotkey's stake within one rao per nominator; emission is shared pro rata", () => {
    const op = fc.record({ k: fc.integer({ min: 0, max: 4 }), d: fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }), all: fc.boolean() });
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        const p = new SharePool();
        for (const { k, d, all } of ops) {
          if (all) p.updateValueForAll(d < 0n ? -d : d);
          else if (d >= 0n) p.updateValueForOne(k, d);
          else if (p.getValue(k) >= -d) p.updateValueForOne(k, d); // decrease only when covered (chain guard)
        }
        const keys = p.coldkeys();
        if (keys.length === 0) return; // emission to a hotkey nobody stakes on is unclaimed (and claimed by the first staker)
        const sum = keys.reduce((s, k) => s + p.getValue(k), 0n);
        expect(sum).toBeLessThanOrEqual(p.sharedValue);
        expect(p.sharedValue - sum).toBeLessThanOrEqual(BigInt(keys.length));
      }),
      { numRuns: 200 },
    );
  });
});
