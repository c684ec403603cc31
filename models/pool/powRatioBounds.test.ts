// The proven short road to pow_ratio_scaled's series (powRatioBounds.ts) against the reference port.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACC, seriesExponent } from "../../test/helpers/powRatioInputs.js";
import { powRatioBySeriesBounds, powRatioSeriesRange } from "./powRatioBounds.js";
import { powRatioScaled } from "./powRatioScaled.js";

const U64 = (1n << 64n) - 1n;
const requestedFor = (precision: number, scale: bigint) => Math.max(precision, 32, scale.toString(2).length + 8);

describe("powRatioBySeriesBounds", () => {
  it("equals the series on chain-buy shaped inputs (x/(x + dx), dx ≤ x/1000) and answers almost all of them", () => {
    let answered = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.bigInt({ min: 10n ** 12n, max: 10n ** 17n }), fc.double({ min: 1e-9, max: 1e-3, noNaN: true }), seriesExponent, (x, f, [en, ed]) => {
        const dx = BigInt(Math.ceil(Number(x) * f));
        const got = powRatioBySeriesBounds(x, x + dx, en, ed, requestedFor(256, ACC), ACC);
        total++;
        if (got === undefined) return;
        answered++;
        expect(got).toBe(powRatioScaled(x, x + dx, en, ed, 256, ACC));
      }),
      { numRuns: 400 },
    );
    // a few land within 2^−90 of an integer (generator edge values: x near a power of ten) and go to the series
    expect(answered).toBeGreaterThanOrEqual(total * 0.97);
  });

  it("equals the series on arbitrary u64 ratios and both precisions the balancer uses", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: U64 }), fc.bigInt({ min: 1n, max: U64 }), seriesExponent, fc.constantFrom(256, 1024), (a, b, [en, ed], precision) => {
        const got = powRatioBySeriesBounds(a, b, en, ed, requestedFor(precision, ACC), ACC);
        if (got !== undefined) expect(got).toBe(powRatioScaled(a, b, en, ed, precision, ACC));
      }),
      { numRuns: 300 },
    );
  });

  it("brackets the series within 2^−100 relative at a 2^200 scale (the error bound the proof claims, 2^−102, with room)", () => {
    const scale = 1n << 200n;
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: U64 }), fc.bigInt({ min: 1n, max: U64 }), seriesExponent, (a, b, [en, ed]) => {
        const range = powRatioSeriesRange(a, b, en, ed, requestedFor(256, scale), scale, 100n);
        if (range === undefined) return; // outside the domain (|u| > 8)
        const reference = powRatioScaled(a, b, en, ed, 256, scale)!;
        expect(reference >= range[0] && reference <= range[1]).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("declines what it cannot prove: an interval wider than one unit, exponents or bases out of range, low precision", () => {
    // at a 2^200 scale the interval is ~2^110 wide: the caller must run the series
    expect(powRatioBySeriesBounds(3n, 5n, 1025n, 2049n, 256, 1n << 200n)).toBeUndefined();
    expect(powRatioBySeriesBounds(3n, 5n, 1025n * 300n + 1n, 1025n, 256, ACC)).toBeUndefined(); // en/ed > 2^8
    expect(powRatioBySeriesBounds(1n << 130n, 5n, 1025n, 2049n, 256, ACC)).toBeUndefined(); // bn ≥ 2^128
    expect(powRatioBySeriesBounds(1n, 10n ** 18n, 99n * 1025n, 1025n + 1n, 256, ACC)).toBeUndefined(); // |u| > 8
    expect(powRatioBySeriesBounds(3n, 5n, 1025n, 2049n, 100, ACC)).toBeUndefined(); // the crate's own error too wide
    // and a plain case it does answer, equal to the series: (3/5)^(1025/2049)·1e18
    expect(powRatioBySeriesBounds(3n, 5n, 1025n, 2049n, 256, ACC)).toBe(powRatioScaled(3n, 5n, 1025n, 2049n, 256, ACC));
  });
});
