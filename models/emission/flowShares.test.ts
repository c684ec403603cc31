// The TAO-flow share rule (subtensor 196453867, coinbase/subnet_emissions.rs) against the chain's
// tests/subnet_emissions.rs inplace_pow_normalize_* expectations, the documented EMA half-life, and
// hand values of the I32F32 logarithm.
import { describe, expect, it } from "vitest";
import { LOG2_E_I32F32, lnRaw, log2Raw } from "../fixed/lnI32F32.js";
import { addSubnet, createChainEconomy } from "./chainEconomy.js";
import { checkedSqrtU64F64, inplacePowNormalize, sharesFlow } from "./flowShares.js";
import { runCoinbase, runCoinbaseReference } from "./stepBlock.js";
import { subnetBlockEmissions } from "./subnetShares.js";
import { TaoFlowState, emaFlow, recordTaoInflow, recordTaoOutflow } from "./taoFlow.js";

const u64f64 = (x: number): bigint => BigInt(Math.round(x * 2 ** 64));
const f = (raw: bigint): number => Number(raw) / 2 ** 64;

function normalize(values: number[], p: number): number[] {
  const v = values.map(u64f64);
  inplacePowNormalize(v, v.length, u64f64(p));
  return v.map(f);
}

describe("I32F32 log2 / ln (substrate-fixed transcendental)", () => {
  it("exact powers of two, ln 1 = 0, ln 2 and ln 0.5 near ±0.6931472, LOG2_E = ⌊log2(e)·2^23⌋·2^9", () => {
    expect(LOG2_E_I32F32).toBe(6_196_327_936n);
    expect(log2Raw(8n << 32n)).toBe(3n << 32n);
    expect(log2Raw(1n << 32n)).toBe(0n);
    expect(lnRaw(1n << 32n)).toBe(0n);
    expect(Math.abs(Number(lnRaw(2n << 32n)!) / 2 ** 32 - Math.LN2)).toBeLessThan(1e-6);
    expect(Math.abs(Number(lnRaw(1n << 31n)!) / 2 ** 32 + Math.LN2)).toBeLessThan(1e-6);
    expect(lnRaw(0n)).toBeNull();
    expect(lnRaw(-5n)).toBeNull();
  });
  it("checked_sqrt(epsilon = 0.001) of 4 is within epsilon of 2", () => {
    const r = checkedSqrtU64F64(4n << 64n, u64f64(0.001));
    expect(Math.abs(f(r) - 2)).toBeLessThan(0.001);
  });
});

describe("inplace_pow_normalize (tests/subnet_emissions.rs)", () => {
  it("all-zero inputs stay zero", () => {
    expect(normalize([0, 0, 0], 1)).toEqual([0, 0, 0]);
  });
  it("p = 1 keeps proportions 0.2 / 0.3 / 0.5 (±0.001) and sums to 1 (±1e-12)", () => {
    const [a, b, c] = normalize([2, 3, 5], 1);
    expect(Math.abs(a - 0.2)).toBeLessThan(0.001);
    expect(Math.abs(b - 0.3)).toBeLessThan(0.001);
    expect(Math.abs(c - 0.5)).toBeLessThan(0.001);
    expect(Math.abs(a + b + c - 1)).toBeLessThan(1e-12);
  });
  it("fractional exponents 1.0 … 2.0: v^p / Σ v^p within 1 %", () => {
    for (let i = 0; i <= 10; i++) {
      const p = 1 + i / 10;
      const out = normalize([2, 3, 5], p);
      const sum = 2 ** p + 3 ** p + 5 ** p;
      [2, 3, 5].forEach((x, k) => expect(Math.abs(out[k] - x ** p / sum)).toBeLessThanOrEqual((x ** p / sum) / 100));
      expect(Math.abs(out[0] + out[1] + out[2] - 1)).toBeLessThan(1e-12);
    }
  });
  it("large values (1e9, 5e9, 1e10) with p = 2 sum to 1 and stay in [0, 1]; tiny ones give v²/Σv²", () => {
    const big = normalize([1e9, 5e9, 1e10], 2);
    expect(Math.abs(big.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-9);
    for (const x of big) expect(x >= 0 && x <= 1).toBe(true);
    const tiny = normalize([1e-9, 2e-9, 3e-9], 2);
    [1, 4, 9].forEach((w, k) => expect(Math.abs(tiny[k] - w / 14)).toBeLessThanOrEqual(w / 14 / 100));
  });
});

describe("SubnetTaoFlow and its EMA (get_ema_flow)", () => {
  it("record_tao_inflow / outflow accumulate as saturating i64; the EMA resets the block flow", () => {
    const t = new TaoFlowState(3);
    recordTaoInflow(t, 1, 5_000_000_000n);
    recordTaoOutflow(t, 1, 2_000_000_000n);
    expect(t.flow[1]).toBe(3_000_000_000n);
    recordTaoInflow(t, 2, (1n << 63n) - 1n);
    recordTaoInflow(t, 2, 10n);
    expect(t.flow[2]).toBe((1n << 63n) - 1n);
    t.currentBlock = 1;
    const e = emaFlow(t, 1);
    // α = 29_597_889_189_277 / (2^63 − 1) ≈ 3.209009576e-6 → ema ≈ α · 3e9 ≈ 9627.03
    expect(Math.abs(Number(e) / 2 ** 64 - 9627.028728)).toBeLessThan(1e-3);
    expect(t.flow[1]).toBe(0n);
    expect(emaFlow(t, 1)).toBe(e); // same block: no second update
  });
  it("the default smoothing factor halves the EMA in 216_000 blocks (one month)", () => {
    const t = new TaoFlowState(2);
    t.currentBlock = 1;
    recordTaoInflow(t, 1, 1_000_000_000_000n);
    const start = Number(emaFlow(t, 1));
    for (let b = 2; b <= 216_001; b++) {
      t.currentBlock = b;
      emaFlow(t, 1);
    }
    expect(Math.abs(Number(t.ema[1]) / start - 0.5)).toBeLessThan(1e-3);
  });
  it("get_shares_flow: negative flows clip to 0 (cutoff 0), shares ∝ positive EMA flows; the coinbase splits the block by them", () => {
    const s = createChainEconomy({ netuids: 4, hotkeys: 1, params: { shareRule: "flow" } });
    for (const netuid of [1, 2, 3]) addSubnet(s, { netuid, taoReserve: 1_000_000_000_000n, alphaReserve: 1_000_000_000_000n });
    s.taoFlow.currentBlock = 7;
    recordTaoInflow(s.taoFlow, 1, 1_000_000_000_000n);
    recordTaoInflow(s.taoFlow, 2, 3_000_000_000_000n);
    recordTaoOutflow(s.taoFlow, 3, 2_000_000_000_000n);
    const emit = Int32Array.from([1, 2, 3]);
    const shares = [0n, 0n, 0n];
    const em = [0n, 0n, 0n];
    subnetBlockEmissions(s, emit, 3, 1_000_000_000n, shares, em);
    expect(Math.abs(f(shares[0]) - 0.25)).toBeLessThan(0.001);
    expect(Math.abs(f(shares[1]) - 0.75)).toBeLessThan(0.001);
    expect(shares[2]).toBe(0n);
    expect(Number(em[0] >> 32n) + Number(em[1] >> 32n)).toBeLessThanOrEqual(1_000_000_000);
    const again = [0n, 0n, 0n];
    sharesFlow(s.taoFlow, emit, 3, again); // same block: EMAs not advanced again
    expect(again).toEqual(shares);
  });
});

describe("shareRule flow in run_coinbase", () => {
  it("runs on the reference path (same result as runCoinbaseReference) and advances the EMAs at the given block", () => {
    const make = () => {
      const s = createChainEconomy({ netuids: 3, hotkeys: 1, params: { shareRule: "flow" } });
      for (const netuid of [1, 2]) addSubnet(s, { netuid, taoReserve: 1_000_000_000_000n, alphaReserve: 1_000_000_000_000n, movingPrice: 1n << 32n });
      recordTaoInflow(s.taoFlow, 2, 5_000_000_000n);
      return s;
    };
    const a = make();
    const b = make();
    runCoinbase(a, 10, 1_000_000_000n);
    runCoinbaseReference(b, 10, 1_000_000_000n);
    expect(a.taoInEmission).toEqual(b.taoInEmission);
    expect(a.pendingServer).toEqual(b.pendingServer);
    expect(a.taoFlow.emaBlock[2]).toBe(10);
    expect(a.taoFlow.ema[2]).toBeGreaterThan(0n);
    // subnet 1 has no flow: its TAO emission share is 0 (the whole block goes to subnet 2)
    expect(a.taoInEmission[1] + a.excessTao[1]).toBe(0n);
    expect(a.taoInEmission[2] + a.excessTao[2]).toBeGreaterThan(999_000_000n);
  });
});
