// exp_safe / sigmoid_safe against the chain's math.rs vectors (subtensor-vectors.md A.2 items 9–10), exact raws.
import { describe, expect, it } from "vitest";
import { expRaw, expSafeRaw, I32F32_MAX_RAW, I32F32_MIN_RAW, sigmoidSafeRaw, checkedDivRaw, mulRaw, satI64 } from "./expSafe.js";
import { fromF32, fromF64 } from "../../test/conformance/fixedLiterals.js";

const ONE = 1n << 32n;
const big = (x: number) => BigInt(x);

describe("test_math_exp_safe (A.2 item 9)", () => {
  it("exp_safe(0) = 1", () => expect(expSafeRaw(0n)).toBe(ONE));
  it("exp_safe(1) = the library's 23-bit e: raw 11674931200 = 2.71828174591064453125", () => {
    expect(expSafeRaw(ONE)).toBe(11674931200n);
    expect(Number(expSafeRaw(ONE)) / 2 ** 32).toBe(2.71828174591064453125);
  });
  it("exp_safe(-20) = exp_safe(-21) = exp_safe(I32F32::MIN) = raw 8", () => {
    expect(expSafeRaw(-20n * ONE)).toBe(8n);
    expect(expSafeRaw(-21n * ONE)).toBe(8n);
    expect(expSafeRaw(I32F32_MIN_RAW)).toBe(8n);
    expect(expRaw(-20n * ONE)).toBe(8n);
  });
  it("exp_safe(20) = exp_safe(21) = exp_safe(I32F32::MAX) = raw 2066907302758576256 (≈ 481239357.674)", () => {
    expect(expSafeRaw(20n * ONE)).toBe(2066907302758576256n);
    expect(expSafeRaw(21n * ONE)).toBe(2066907302758576256n);
    expect(expSafeRaw(I32F32_MAX_RAW)).toBe(2066907302758576256n);
    expect(Math.abs(Number(2066907302758576256n) / 2 ** 32 - 481239357.674)).toBeLessThan(1e-3);
  });
  it("the series is 0.81 % low at 20 (spec §2.4) and accurate for small |x|", () => {
    const v = Number(expSafeRaw(20n * ONE)) / 2 ** 32;
    expect(v / Math.exp(20)).toBeGreaterThan(0.991);
    expect(v / Math.exp(20)).toBeLessThan(0.992);
    const half = Number(expSafeRaw(ONE / 2n)) / 2 ** 32;
    expect(Math.abs(half - Math.exp(0.5))).toBeLessThan(1e-8);
    const m2 = Number(expSafeRaw(-2n * ONE)) / 2 ** 32;
    expect(Math.abs(m2 - Math.exp(-2))).toBeLessThan(1e-8);
  });
  it("raw helpers: floor multiply, truncating divide (null on 0 / overflow), i64 saturation", () => {
    expect(mulRaw(-3n, ONE / 2n)).toBe(-2n);
    expect(checkedDivRaw(ONE, 0n)).toBeNull();
    expect(checkedDivRaw(-ONE, 3n * ONE)).toBe(-1431655765n); // truncates toward zero
    expect(checkedDivRaw(I32F32_MAX_RAW, 1n)).toBeNull();
    expect(satI64(1n << 70n)).toBe(I32F32_MAX_RAW);
    expect(satI64(-(1n << 70n))).toBe(I32F32_MIN_RAW);
  });
});

describe("test_math_sigmoid_safe (A.2 item 10), exact raw equality", () => {
  const xs = [I32F32_MIN_RAW, 0n, big(fromF64(0.4)), big(fromF64(0.5)), big(fromF64(0.6)), ONE, I32F32_MAX_RAW];
  it("rho = kappa = I32F32::MAX → [8 ×6, 2147483648]", () => {
    const got = xs.map((x) => sigmoidSafeRaw(x, I32F32_MAX_RAW, I32F32_MAX_RAW));
    expect(got).toEqual([8n, 8n, 8n, 8n, 8n, 8n, 2147483648n]);
  });
  it("rho = kappa = I32F32::MIN → [2147483648, 8 ×6]", () => {
    const got = xs.map((x) => sigmoidSafeRaw(x, I32F32_MIN_RAW, I32F32_MIN_RAW));
    expect(got).toEqual([2147483648n, 8n, 8n, 8n, 8n, 8n, 8n]);
  });
  it("rho = 30, kappa = 0.5 → [8, 1313, 203692573, 2147483648, 4091274722, 4294965983, 4294967288]", () => {
    const got = xs.map((x) => sigmoidSafeRaw(x, 30n * ONE, ONE / 2n));
    expect(got).toEqual([8n, 1313n, 203692573n, 2147483648n, 4091274722n, 4294965983n, 4294967288n]);
    // the chain's f64 targets
    const targets = [0.0000000019, 0.0000003057, 0.0474258729, 0.5, 0.952574127, 0.9999996943, 0.9999999981];
    got.forEach((r, i) => expect(Math.abs(Number(r) / 2 ** 32 - targets[i])).toBeLessThan(1e-9));
  });
  it("x = [0, 0.1, …, 1.0] (f32), rho = 40, kappa = 0.5 → exact raws", () => {
    const x = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0].map((v) => big(fromF32(v)));
    const got = x.map((v) => sigmoidSafeRaw(v, 40n * ONE, ONE / 2n));
    expect(got).toEqual([8n, 483n, 26389n, 1440318n, 77250201n, 2147483648n, 4217717184n, 4293526978n, 4294940907n, 4294966813n, 4294967288n]);
  });
});
