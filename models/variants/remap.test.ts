// Variant.remap re-aligns carried state to a new validator × server set (the engine's neurons come
// and go): the identity changes nothing, a permutation is the same as permuting the inputs, and a
// newcomer starts with zero bonds.
import { describe, expect, it } from "vitest";
import { createVariant } from "./createVariant.js";
import { VARIANT_NAMES } from "./types.js";

const W = [0.7, 0.2, 0.1, 0.5, 0.4, 0.1, 0.1, 0.1, 0.8]; // 3 validators × 3 servers
const S = [5, 3, 2];
/** Columns of a V×S row-major matrix reordered: new column j = old column perm[j]. */
const permuteColumns = (m: ArrayLike<number>, nV: number, perm: number[]) =>
  Array.from({ length: nV * perm.length }, (_, x) => m[Math.floor(x / perm.length) * perm.length + perm[x % perm.length]]);

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  expect(actual.length).toBe(expected.length);
  for (let k = 0; k < expected.length; k++) expect(Math.abs(actual[k] - expected[k]), `entry ${k}`).toBeLessThan(1e-12);
}

describe.each(VARIANT_NAMES)("%s remap", (name) => {
  it("with the identity leaves the next epoch unchanged", () => {
    const a = createVariant(name);
    const b = createVariant(name);
    for (const v of [a, b]) v.epoch(W, S, 3, 3);
    b.remap([0, 1, 2], [0, 1, 2]);
    expect(Array.from(b.epoch(W, S, 3, 3).validatorRewardNormalized)).toEqual(Array.from(a.epoch(W, S, 3, 3).validatorRewardNormalized));
  });

  it("with a server permutation equals running on permuted columns", () => {
    const perm = [2, 0, 1];
    const a = createVariant(name);
    const b = createVariant(name);
    a.epoch(W, S, 3, 3);
    b.epoch(W, S, 3, 3);
    b.remap([0, 1, 2], perm);
    const ra = a.epoch(W, S, 3, 3);
    const rb = b.epoch(permuteColumns(W, 3, perm), S, 3, 3);
    // equal up to summation order over servers
    expectClose(rb.validatorRewardNormalized, ra.validatorRewardNormalized);
    expectClose(rb.carriedBonds, permuteColumns(ra.carriedBonds, 3, perm));
  });
});

describe("remap newcomers", () => {
  it("a new server column starts with zero Yuma 3 bonds, kept columns keep theirs", () => {
    const v = createVariant("yuma3");
    v.epoch(W, S, 3, 3);
    const before = Array.from(v.epoch(W, S, 3, 3).carriedBonds);
    v.remap([0, 1, 2], [0, 1, 2, -1]); // a fourth server registers
    const w4 = [0.7, 0.2, 0.1, 0, 0.5, 0.4, 0.1, 0, 0.1, 0.1, 0.8, 0];
    const after = v.epoch(w4, S, 3, 4).carriedBonds;
    const alpha = 1 - v.params.bondMovingAvg;
    for (let i = 0; i < 3; i++) {
      expect(after[i * 4 + 3]).toBe(0);
      for (let j = 0; j < 3; j++) expect(after[i * 4 + j]).toBeCloseTo((1 - alpha) * before[i * 3 + j] + alpha * W[i * 3 + j] / (W[i * 3] + W[i * 3 + 1] + W[i * 3 + 2] + 1e-6), 12);
    }
  });

  it("rejects an index outside the old shape", () => {
    const v = createVariant("yuma2");
    v.epoch(W, S, 3, 3);
    expect(() => v.remap([0, 3], [0])).toThrow("remap: validator 1 maps to 3, outside −1..2");
  });
});
