// Unit tests of the I32F32 raw helpers against hand-computed bit patterns, the chain's math.rs vectors
// (subtensor-vectors.md A.1–A.3) and BigInt references.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  divFloor, fixedProportionToU16, HALF, mulCeil, mulFloor, mulFloorSigned, ONE, safeDiv, u16ProportionToFixed,
} from "./i32f32.js";
import { emaAlpha } from "../consensus/bonds.js";
import { exactArith } from "../consensus/arith.js";
import { inplaceNormalize } from "../consensus/clipAndRank.js";

const B32 = 32n;
const refMul = (a: number, b: number) => Number((BigInt(a) * BigInt(b)) >> B32);
const refDiv = (a: number, b: number) => Number((BigInt(a) << B32) / BigInt(b));

describe("constants", () => {
  it("ONE = 2^32 and HALF = 2^31", () => {
    expect(ONE).toBe(4294967296);
    expect(HALF).toBe(2147483648);
  });
});

describe("test_math_inplace_normalize (A.13): [1,10,30] exact raws", () => {
  it("normalises [1,10,30] to raws [104755299, 1047552999, 3142658997]", () => {
    const x = Float64Array.from([1, 10, 30].map((v) => v * ONE));
    inplaceNormalize(x, 3, exactArith);
    expect(Array.from(x)).toEqual([104755299, 1047552999, 3142658997]);
    // the chain's eps-1e-4 targets
    const targets = [0.0243902437, 0.243902439, 0.7317073171];
    x.forEach((v, i) => expect(Math.abs(v / ONE - targets[i])).toBeLessThan(1e-4));
  });
  it("an all-zero vector is left unchanged (sum 0 skips)", () => {
    const x = new Float64Array(3);
    inplaceNormalize(x, 3, exactArith);
    expect(Array.from(x)).toEqual([0, 0, 0]);
  });
});

describe("test_math_vecdiv (A.15): fixed(1)/fixed(3)", () => {
  it("1/3 is raw 1431655765, 1/2 is raw 2^31, 10/2 is 5", () => {
    expect(divFloor(ONE, 3 * ONE)).toBe(1431655765);
    expect(divFloor(ONE, 2 * ONE)).toBe(HALF);
    expect(divFloor(10 * ONE, 2 * ONE)).toBe(5 * ONE);
  });
  it("safe_div by 0 gives 0 ([0,1,0,1]/[0,1,1,0] → [0,1,0,0])", () => {
    const a = [0, 1, 0, 1].map((v) => v * ONE);
    const b = [0, 1, 1, 0].map((v) => v * ONE);
    expect(a.map((v, i) => safeDiv(v, b[i]))).toEqual([0, ONE, 0, 0]);
  });
});

describe("kappa and other u16 proportions (spec §3, run_epoch.rs::get_float_kappa)", () => {
  it("kappa 32767 → raw 0x7FFF7FFF", () => {
    expect(u16ProportionToFixed(32767)).toBe(0x7fff7fff);
    expect(0x7fff7fff).toBe(2147450879);
  });
  it("test_math_u16_proportion_to_fixed: 0 → 0; 65535 → 1.0; 1 → raw 65537", () => {
    expect(u16ProportionToFixed(0)).toBe(0);
    expect(u16ProportionToFixed(65535)).toBe(ONE);
    expect(u16ProportionToFixed(1)).toBe(65537); // floor(2^32 / 65535) = 65537
  });
  it("equals the BigInt truncating division I32F32(u)/I32F32(65535) for every u16", () => {
    for (let u = 0; u <= 65535; u++) {
      const ref = Number((BigInt(u) << 32n) / 65535n);
      if (u16ProportionToFixed(u) !== ref) expect(u16ProportionToFixed(u), `u=${u}`).toBe(ref);
    }
  });
});

describe("test_math_fixed_overflow (A.4): EMA alpha from BondsMovingAverage", () => {
  it("bma 900000 → alpha raw 429496730 (= I32F32::from_num(0.1))", () => {
    expect(emaAlpha(900_000, exactArith)).toBe(429496730);
  });
  it("bma 1e6 → alpha 0; bma 975000 → alpha raw 107374183; bma 0 → alpha 1", () => {
    expect(emaAlpha(1_000_000, exactArith)).toBe(0);
    // 1 − floor(0.975 · 2^32) = 2^32 − 4187593113
    expect(emaAlpha(975_000, exactArith)).toBe(ONE - 4187593113);
    expect(emaAlpha(0, exactArith)).toBe(ONE);
  });
});

describe("fixed_proportion_to_u16 (spec §2.3; math.rs test_fixed_proportion_to_u16*)", () => {
  it("test_fixed_proportion_to_u16: 0 → 0", () => expect(fixedProportionToU16(0)).toBe(0));
  it("test_fixed_proportion_to_u16_saturates: I32F32(65535) → 65535", () => expect(fixedProportionToU16(65535 * ONE)).toBe(65535));
  it("negative raws saturate to 0", () => {
    expect(fixedProportionToU16(-1)).toBe(0);
    expect(fixedProportionToU16(-ONE)).toBe(0);
    expect(fixedProportionToU16(-(2 ** 62))).toBe(0);
  });
  it("values above 1 saturate at 65535", () => {
    expect(fixedProportionToU16(ONE)).toBe(65535);
    expect(fixedProportionToU16(ONE + 1)).toBe(65535);
    expect(fixedProportionToU16(2 * ONE)).toBe(65535);
    expect(fixedProportionToU16(2 ** 40)).toBe(65535);
    expect(fixedProportionToU16(2 ** 62)).toBe(65535);
  });
  it("floors: 1 − 2^-32 → 65534, 1/2 → 32767, 1/3 → 21844, raw 65537 → 0, raw 65538 → 1", () => {
    expect(fixedProportionToU16(ONE - 1)).toBe(65534);
    expect(fixedProportionToU16(HALF)).toBe(32767);
    expect(fixedProportionToU16(1431655765)).toBe(21844);
    expect(fixedProportionToU16(65537)).toBe(0);
    expect(fixedProportionToU16(65538)).toBe(1);
  });
  it("round-trips u16 → fixed → u16 as u − 1 except 0 and 65535 (non-dyadic proportions sit below)", () => {
    for (let u = 0; u <= 65535; u++) {
      const back = fixedProportionToU16(u16ProportionToFixed(u));
      const want = u === 0 ? 0 : u === 65535 ? 65535 : Number((((BigInt(u) << 32n) / 65535n) * 65535n) >> 32n);
      if (back !== want) expect(back, `u=${u}`).toBe(want);
    }
    expect(fixedProportionToU16(u16ProportionToFixed(32767))).toBe(32766);
  });
  it("equals floor(x·65535/2^32) clamped for random raws in [0, 2^40] (BigInt reference)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), (x) => {
        const r = (BigInt(x) * 65535n) >> 32n;
        expect(fixedProportionToU16(x)).toBe(r > 65535n ? 65535 : Number(r));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("mulFloor / mulCeil / mulFloorSigned", () => {
  it("hand-computed products", () => {
    expect(mulFloor(ONE, ONE)).toBe(ONE);
    expect(mulFloor(HALF, HALF)).toBe(ONE / 4);
    expect(mulFloor(3, HALF)).toBe(1); // 1.5 → 1
    expect(mulCeil(3, HALF)).toBe(2);
    expect(mulFloor(1, 1)).toBe(0);
    expect(mulCeil(1, 1)).toBe(1);
    expect(mulFloor(0, 2 ** 36)).toBe(0);
    // 0.1 (raw 429496730) × 1e9 (integer) = 100000000.0466 → raw floor
    expect(mulFloor(429496730, 1e9 * 1)).toBe(Math.floor((429496730 * 1e9) / ONE));
    // large operands take the split path (documented condition a·floor(b/2^16) < 2^53): (2^34 − 1)^2 / 2^32
    expect(mulFloor(2 ** 34 - 1, 2 ** 34 - 1)).toBe(refMul(2 ** 34 - 1, 2 ** 34 - 1));
    expect(mulFloor(2 ** 37 - 1, 2 ** 32)).toBe(2 ** 37 - 1);
  });
  it("mulFloorSigned floors negative products toward −∞ (arithmetic shift)", () => {
    expect(mulFloorSigned(-1, 1)).toBe(-1); // −2^-64 → −2^-32
    expect(mulFloorSigned(-3, HALF)).toBe(-2); // −1.5 raw → −2
    expect(mulFloorSigned(3, -HALF)).toBe(-2);
    expect(mulFloorSigned(-3, -HALF)).toBe(1);
    expect(mulFloorSigned(-ONE, 7)).toBe(-7); // exact
    expect(mulFloorSigned(-HALF, ONE + 1)).toBe(-HALF - 1); // −(2^31 + 0.5) → −2^31 − 1
    expect(mulFloorSigned(-(2 ** 35) + 3, 2 ** 35 - 7)).toBe(Number((BigInt(-(2 ** 35) + 3) * BigInt(2 ** 35 - 7)) >> B32));
  });
  // NOTE: the doc comment of mulFloor says "a * floor(b / 2^16) < 2^53 (e.g. a, b < 2^36)"; the example is
  // wrong (2^36 · 2^20 = 2^56): mulFloor(2^36 − 1, 2^36 − 1) is off by one. These properties use the
  // stated condition itself, which the epoch's operands (≤ 2^32 · small) satisfy.
  it("property: mulFloor/mulCeil equal BigInt (a·b) >> 32 when a·floor(b/2^16) < 2^53 (a, b ≤ 2^36)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 36 - 1 }), fc.integer({ min: 0, max: 2 ** 36 - 1 }), (a, b) => {
        fc.pre(a * Math.floor(b / 65536) < 2 ** 53);
        expect(mulFloor(a, b)).toBe(refMul(a, b));
        expect(mulCeil(a, b)).toBe(Number((BigInt(a) * BigInt(b) + (1n << B32) - 1n) >> B32));
      }),
      { numRuns: 5000 },
    );
  });
  it("property: mulFloor is exact for a ≤ 2^33 (normalised values), b ≤ 2^36", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 33 }), fc.integer({ min: 0, max: 2 ** 36 }), (a, b) => {
        expect(mulFloor(a, b)).toBe(refMul(a, b));
      }),
      { numRuns: 3000 },
    );
  });
  it("property: mulFloorSigned equals BigInt arithmetic shift for signed a, b in (−2^34, 2^34)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 34) + 1, max: 2 ** 34 - 1 }), fc.integer({ min: -(2 ** 34) + 1, max: 2 ** 34 - 1 }), (a, b) => {
        // + 0 folds −0 (returned for e.g. (0, −1)) into 0; the value is what is compared
        expect(mulFloorSigned(a, b) + 0).toBe(Number((BigInt(a) * BigInt(b)) >> B32));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("divFloor", () => {
  it("hand-computed quotients", () => {
    expect(divFloor(0, 1)).toBe(0);
    expect(divFloor(1, ONE)).toBe(1);
    expect(divFloor(1, ONE + 1)).toBe(0);
    expect(divFloor(ONE, ONE)).toBe(ONE);
    expect(divFloor(2 ** 44, 2 ** 44)).toBe(ONE);
    expect(divFloor(2 ** 44 - 1, 2 ** 44)).toBe(ONE - 1);
    expect(divFloor(2 ** 44, 2 ** 44 - 1)).toBe(ONE); // 2^32 · (1 + 2^-44 + …) floors to 2^32
    expect(divFloor(3 * 2 ** 40, 2 ** 44)).toBe(3 * 2 ** 28);
  });
  it("large a, b up to 2^44: each code path against BigInt", () => {
    const cases: [number, number][] = [
      [2097151, 3], [2097152, 3], [2 ** 37 - 1, 2 ** 37 - 3], [2 ** 37, 2 ** 37 - 3], [2 ** 37 - 1, 2 ** 37 + 1],
      [2 ** 44, 2 ** 44 - 12345], [17592186044415, 17592186044416], [12345678901234, 9876543210987],
      [2 ** 44 - 1, 2 ** 43 + 7], [35184372088831, 35184372088831], [2 ** 45, 2 ** 45 + 1], [2 ** 50, 2 ** 49],
    ];
    for (const [a, b] of cases) expect(divFloor(a, b), `${a}/${b}`).toBe(refDiv(a, b));
  });
  it("property: equals BigInt (a << 32) / b for a, b ≤ 2^44 whenever the quotient < 2^53", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 44 }), fc.integer({ min: 1, max: 2 ** 44 }), (a, b) => {
        fc.pre(a / b < 2 ** 21);
        expect(divFloor(a, b)).toBe(refDiv(a, b));
      }),
      { numRuns: 5000 },
    );
  });
  it("property: same with a ≤ b (normalisation: quotients in [0, 2^32])", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 44 }), fc.double({ min: 0, max: 1, noNaN: true }), (b, f) => {
        const a = Math.floor(b * f);
        expect(divFloor(a, b)).toBe(refDiv(a, b));
      }),
      { numRuns: 5000 },
    );
  });
  it("property: small dividends (a < 2^21, the direct path) against BigInt", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 21 - 1 }), fc.integer({ min: 1, max: 2 ** 44 }), (a, b) => {
        expect(divFloor(a, b)).toBe(refDiv(a, b));
      }),
      { numRuns: 3000 },
    );
  });
});
