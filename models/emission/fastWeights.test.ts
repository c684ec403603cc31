// fastWeights (word arithmetic) against models/pool's BigInt balancer, bit for bit, on random and edge inputs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calculatePrice, updateWeightsForAddedLiquidity } from "../pool/balancer.js";
import { updateWeightsAt } from "./fastWeights.js";
import { weightedPriceAt } from "./fastWeightedPrice.js";
import { out } from "./wideWords.js";

const M32 = 0xffffffffn;
const hi = (v: bigint): number => Number(v >> 32n);
const lo = (v: bigint): number => Number(v & M32);
const words = (h: number, l: number): bigint => (BigInt(h) << 32n) + BigInt(l);
const col = (h: number, l: number): Uint32Array => new Uint32Array([l, h]);
const updateWeights = (wH: number, wL: number, yH: number, yL: number, xH: number, xL: number, dy: number, dx: number): number =>
  updateWeightsAt(col(wH, wL), col(yH, yL), col(xH, xL), 0, dy, dx);
const weightedPrice = (wH: number, wL: number, yH: number, yL: number, xH: number, xL: number): boolean =>
  weightedPriceAt(col(wH, wL), col(yH, yL), col(xH, xL), 0);

const reserve = fc.oneof(
  fc.bigInt({ min: 1n, max: 1000n }),
  fc.bigInt({ min: 1_000_000n, max: 10n ** 16n }),
  fc.bigInt({ min: 1n, max: (1n << 62n) - 1n }),
);
const weight = fc.oneof(
  fc.constantFrom(10n ** 16n, 99n * 10n ** 16n, 5n * 10n ** 17n, 5n * 10n ** 17n + 1n, 10n ** 16n - 1n, 99n * 10n ** 16n + 1n),
  fc.bigInt({ min: 10n ** 16n, max: 99n * 10n ** 16n }),
  fc.bigInt({ min: 0n, max: 10n ** 18n }),
);
const delta = fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: (1n << 32n) - 1n }));

describe("fastWeights: balancer at any quote weight on words", () => {
  it("update_weights_for_added_liquidity: identical weight or refusal", () => {
    fc.assert(
      fc.property(weight, reserve, reserve, delta, delta, (w, y, x, dy, dx) => {
        const r = updateWeights(hi(w), lo(w), hi(y), lo(y), hi(x), lo(x), Number(dy), Number(dx));
        const ref = updateWeightsForAddedLiquidity(w, y, x, dy, dx);
        expect(r).not.toBe(-1);
        if (ref === null) expect(r).toBe(0);
        else {
          expect(r).toBe(1);
          expect(words(out[0], out[1])).toBe(ref);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("calculate_price: identical U64F64 price wherever the fast range admits it", () => {
    let taken = 0;
    fc.assert(
      fc.property(weight, reserve, reserve, (w, y, x) => {
        const ok = weightedPrice(hi(w), lo(w), hi(y), lo(y), hi(x), lo(x));
        const ref = calculatePrice(w, x, y);
        if (w >= 10n ** 16n && w <= 99n * 10n ** 16n && ref < 1n << 83n) expect(ok).toBe(true);
        if (!ok) return;
        taken++;
        expect((BigInt(out[0]) << 64n) + (BigInt(out[1]) << 32n) + BigInt(out[2])).toBe(ref);
      }),
      { numRuns: 3000 },
    );
    expect(taken).toBeGreaterThan(1000);
  });
});
