import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expSafeRaw, mulRaw } from "./expSafe.js";
import { EXP_NUMBER_LIMIT, expSafeNumber, mulFloorWide, mulFloorWideSigned, truncDiv } from "./expSafeNumber.js";
import { alphaSigmoidExact, alphaSigmoidExactBig } from "../consensus/liquidAlpha.js";
import { u16ProportionToFixed } from "./i32f32.js";

describe("number exp_safe equals the BigInt port", () => {
  it("at 0, ±1, ±0.5, the ±7 limit and one raw unit around them", () => {
    const ONE = 2 ** 32;
    for (const x of [0, 1, -1, ONE, -ONE, ONE / 2, -ONE / 2, EXP_NUMBER_LIMIT, -EXP_NUMBER_LIMIT, EXP_NUMBER_LIMIT - 1, ONE + 1, ONE - 1]) {
      expect(expSafeNumber(x), `x=${x}`).toBe(Number(expSafeRaw(BigInt(x))));
    }
    expect(expSafeNumber(ONE)).toBe(11674931200); // the library's 23-bit e
  });

  it("on random raws in [−7, 7]", () => {
    fc.assert(fc.property(fc.integer({ min: -EXP_NUMBER_LIMIT, max: EXP_NUMBER_LIMIT }), (x) => expSafeNumber(x) === Number(expSafeRaw(BigInt(x)))), { numRuns: 3000 });
  });
});

describe("wide products", () => {
  it("mulFloorWide and its signed form equal BigInt floor(a·b / 2^32)", () => {
    const big = fc.tuple(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.integer({ min: -(2 ** 39), max: 2 ** 39 }));
    fc.assert(fc.property(big, ([a, b]) => mulFloorWideSigned(a, b) === Number(mulRaw(BigInt(a), BigInt(b)))), { numRuns: 5000 });
    expect(mulFloorWide(2 ** 40 - 1, 2 ** 40 - 1)).toBe(Number(((2n ** 40n - 1n) ** 2n) >> 32n));
    expect(mulFloorWideSigned(-(2 ** 32), 3)).toBe(-3); // exact multiple: no extra −1
    expect(mulFloorWideSigned(-1, 1)).toBe(-1); // floor(−2^-32) = −1
  });

  it("truncDiv truncates toward zero", () => {
    expect(truncDiv(-7, 2)).toBe(-3);
    expect(truncDiv(7, 2)).toBe(3);
    expect(truncDiv(-1000 * 2 ** 32, 100)).toBe(-10 * 2 ** 32);
  });
});

describe("alpha_sigmoid number path equals the BigInt port", () => {
  it("for random diffs, steepness and alpha bounds", () => {
    const gen = fc.record({
      d: fc.integer({ min: 0, max: 2 ** 32 }),
      steepness: fc.integer({ min: -32768, max: 32767 }),
      low: fc.integer({ min: 1638, max: 65535 }),
      high: fc.integer({ min: 1638, max: 65535 }),
    });
    fc.assert(
      fc.property(gen, ({ d, steepness, low, high }) => {
        const p = { low: u16ProportionToFixed(low), high: u16ProportionToFixed(high), steepness };
        return alphaSigmoidExact(d, p) === alphaSigmoidExactBig(d, p);
      }),
      { numRuns: 3000 },
    );
  });

  it("default parameters: d = 0 → 0.7013…, d = 0.5 → 0.8, d = 1 → 0.8987… (spec yuma.md §7.5)", () => {
    const p = { low: u16ProportionToFixed(45875), high: u16ProportionToFixed(58982), steepness: 1000 };
    const at = (d: number) => alphaSigmoidExact(d, p) / 2 ** 32;
    expect(at(0)).toBeCloseTo(0.7013, 4);
    expect(at(2 ** 31)).toBeCloseTo(0.8, 4);
    expect(at(2 ** 32)).toBeCloseTo(0.8987, 4);
  });
});
