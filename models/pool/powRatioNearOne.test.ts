// The double-double road to pow_ratio_scaled near a base of one (powRatioNearOne.ts) against the reference port.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACC, seriesExponent } from "../../test/helpers/powRatioInputs.js";
import { powRatioNearOne } from "./powRatioNearOne.js";
import { powRatioScaled } from "./powRatioScaled.js";


describe("powRatioNearOne", () => {
  it("equals the series on chain buys (x/(x + dx), dx ≤ x/10^5) and answers almost all of them", () => {
    let answered = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.bigInt({ min: 10n ** 12n, max: (1n << 64n) - 1n }), fc.double({ min: 1e-12, max: 1e-5, noNaN: true }), seriesExponent, (x, f, [en, ed]) => {
        const dx = BigInt(Math.ceil(Number(x) * f));
        total++;
        const got = powRatioNearOne(x, x + dx, en, ed, 256, ACC);
        if (got === undefined) return;
        answered++;
        expect(got).toBe(powRatioScaled(x, x + dx, en, ed, 256, ACC));
      }),
      { numRuns: 500 },
    );
    expect(answered).toBeGreaterThanOrEqual(total * 0.97);
  });

  it("equals the series on sales too (a base above one) and at precision 1024", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 10n ** 9n, max: 10n ** 17n }), fc.double({ min: 1e-12, max: 1e-4, noNaN: true }), seriesExponent, fc.constantFrom(256, 1024), (x, f, [en, ed], precision) => {
        const dx = BigInt(Math.ceil(Number(x) * f));
        const got = powRatioNearOne(x + dx, x, en, ed, precision, ACC);
        if (got !== undefined) expect(got).toBe(powRatioScaled(x + dx, x, en, ed, precision, ACC));
      }),
      { numRuns: 300 },
    );
  });

  it("declines a base far from one, a large exponent product, a scale that is no double, a low precision", () => {
    expect(powRatioNearOne(3n, 5n, 1025n, 2049n, 256, ACC)).toBeUndefined(); // |z| = 1/4
    expect(powRatioNearOne(10n ** 12n, 10n ** 12n + 10n ** 8n, 99n * 1025n + 1n, 1025n, 256, ACC)).toBeUndefined(); // |u| ≈ 0.0099·99 > 2^−8
    expect(powRatioNearOne(10n ** 12n, 10n ** 12n + 1n, 1025n, 2049n, 256, ACC + 1n)).toBeUndefined(); // 1e18 + 1 is not a double
    expect(powRatioNearOne(10n ** 12n, 10n ** 12n + 1n, 1025n, 2049n, 100, ACC)).toBeUndefined();
    // and an exact case it answers: (1e12/(1e12 + 1e6))^(1025/2049)·1e18
    expect(powRatioNearOne(10n ** 12n, 10n ** 12n + 10n ** 6n, 1025n, 2049n, 256, ACC)).toBe(powRatioScaled(10n ** 12n, 10n ** 12n + 10n ** 6n, 1025n, 2049n, 256, ACC));
  });
});
