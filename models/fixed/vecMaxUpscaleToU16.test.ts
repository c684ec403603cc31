// vec_max_upscale_to_u16 / vec_u16_max_upscale_to_u16 (subtensor-vectors.md A.1 items 1–2), exact.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { vecMaxUpscaleToU16, vecU16MaxUpscaleToU16, vecU16MaxUpscaleToU16InPlace } from "./vecMaxUpscaleToU16.js";
import { fromF32, fromInt } from "../../test/conformance/fixedLiterals.js";
import { I32F32_MAX_RAW } from "./expSafe.js";

const f32 = (v: number[]) => v.map(fromF32);

describe("test_vec_max_upscale_to_u16 (A.1 item 1)", () => {
  it("f32 inputs", () => {
    expect(vecMaxUpscaleToU16(f32([]))).toEqual([]);
    expect(vecMaxUpscaleToU16(f32([0]))).toEqual([0]);
    expect(vecMaxUpscaleToU16(f32([0, 0]))).toEqual([0, 0]);
    expect(vecMaxUpscaleToU16(f32([0, 1]))).toEqual([0, 65535]);
    expect(vecMaxUpscaleToU16(f32([0, 1e-9]))).toEqual([0, 65535]);
    expect(vecMaxUpscaleToU16(f32([0, 0.000016, 1]))).toEqual([0, 1, 65535]);
    expect(vecMaxUpscaleToU16(f32([1e-9, 1e-9]))).toEqual([65535, 65535]);
    expect(vecMaxUpscaleToU16(f32([0.000001, 0.000006, 0.000007, 0.0001, 0.001, 0.01, 0.1, 0.2, 0.3, 0.4])))
      .toEqual([0, 1, 1, 16, 164, 1638, 16384, 32768, 49151, 65535]);
  });
  it("integer inputs [16384], [32768], [32769], [65535], [I32F32::MAX] → [65535]", () => {
    for (const v of [16384, 32768, 32769, 65535]) expect(vecMaxUpscaleToU16([fromInt(v)]), `${v}`).toEqual([65535]);
    expect(vecMaxUpscaleToU16([I32F32_MAX_RAW])).toEqual([65535]);
  });
  it("integer inputs across the 32768 threshold", () => {
    expect(vecMaxUpscaleToU16([0, 1, 65535].map(fromInt))).toEqual([0, 1, 65535]);
    expect(vecMaxUpscaleToU16(f32([0, 0.5, 1, 1.5, 2, 32768]))).toEqual([0, 1, 2, 3, 4, 65535]);
    expect(vecMaxUpscaleToU16(f32([0, 0.5, 1, 1.5, 2, 32768, 32769]))).toEqual([0, 1, 2, 3, 4, 65533, 65535]);
    expect(vecMaxUpscaleToU16([0n, ...[1, 32768, 32769].map((v) => BigInt(fromInt(v))), I32F32_MAX_RAW])).toEqual([0, 0, 1, 1, 65535]);
  });
  it("raw numbers beyond the I32F32 range saturate like I32F32::MAX; negative entries give 0", () => {
    expect(vecMaxUpscaleToU16([0, fromInt(32768), 2 ** 63])).toEqual([0, 1, 65535]);
    expect(vecMaxUpscaleToU16([-fromInt(5), fromInt(10)])).toEqual([0, 65535]);
    expect(vecMaxUpscaleToU16([-fromInt(5), 0])).toEqual([0, 0]);
  });
});

describe("test_vec_u16_max_upscale_to_u16 (A.1 item 2)", () => {
  it("the chain's cases", () => {
    expect(vecU16MaxUpscaleToU16([])).toEqual([]);
    expect(vecU16MaxUpscaleToU16([0])).toEqual([0]);
    expect(vecU16MaxUpscaleToU16([0, 0])).toEqual([0, 0]);
    expect(vecU16MaxUpscaleToU16([1])).toEqual([65535]);
    expect(vecU16MaxUpscaleToU16([0, 1])).toEqual([0, 65535]);
    expect(vecU16MaxUpscaleToU16([65534])).toEqual([65535]);
    expect(vecU16MaxUpscaleToU16([65535])).toEqual([65535]);
    expect(vecU16MaxUpscaleToU16([65535, 65535])).toEqual([65535, 65535]);
    expect(vecU16MaxUpscaleToU16([0, 1, 65534])).toEqual([0, 1, 65535]);
    expect(vecU16MaxUpscaleToU16([0, 1, 2, 3, 4, 65533, 65535])).toEqual([0, 1, 2, 3, 4, 65533, 65535]);
  });
  it("the set_weights values used by the epoch vectors", () => {
    expect(vecU16MaxUpscaleToU16([32767, 32767])).toEqual([65535, 65535]); // C.2
    expect(vecU16MaxUpscaleToU16([43690, 21845])).toEqual([65535, 32768]); // C.3
    expect(vecU16MaxUpscaleToU16([127])).toEqual([65535]); // C.5 (65535/512)
    expect(vecU16MaxUpscaleToU16([16383, 32767, 49149, 65535])).toEqual([16383, 32767, 49149, 65535]); // C.1
  });
  it("property: the maximum becomes 65535, zeros stay 0, order is preserved, x/max·65535 within 1", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 65535 }), { minLength: 1, maxLength: 40 }), (v) => {
        const out = vecU16MaxUpscaleToU16(v);
        const max = Math.max(...v);
        expect(out.length).toBe(v.length);
        for (let i = 0; i < v.length; i++) {
          if (max === 0) { expect(out[i]).toBe(0); continue; }
          if (v[i] === max) expect(out[i]).toBe(65535);
          if (v[i] === 0) expect(out[i]).toBe(0);
          expect(Math.abs(out[i] - (v[i] / max) * 65535)).toBeLessThanOrEqual(1);
          for (let k = 0; k < v.length; k++) if (v[i] <= v[k]) expect(out[i]).toBeLessThanOrEqual(out[k]);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("vecU16MaxUpscaleToU16InPlace", () => {
  it("equals the BigInt port of vec_u16_max_upscale_to_u16", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 65535 }), { minLength: 1, maxLength: 40 }), (row) => {
      const vals = Uint16Array.from(row);
      vecU16MaxUpscaleToU16InPlace(vals, 0, vals.length);
      expect(Array.from(vals)).toEqual(vecU16MaxUpscaleToU16(row));
    }), { numRuns: 500 });
  });
  it("equals it on small rows (the max ≤ 32768 branch) and on rows near the branch threshold", () => {
    for (const row of [[244, 245, 0, 3], [32768, 1, 16384], [32769, 1, 16385], [1], [0, 0]]) {
      const vals = Uint16Array.from(row);
      vecU16MaxUpscaleToU16InPlace(vals, 0, vals.length);
      expect(Array.from(vals)).toEqual(vecU16MaxUpscaleToU16(row));
    }
  });
});
