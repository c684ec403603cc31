import { describe, expect, it } from "vitest";
import { blockEmissionForIssuance } from "../models/emission/blockEmission.js";
import { builtinText, loadBuiltin } from "./library.js";
import { MAINNET, gini, mainnetYaml } from "./generators/mainnetScenario.js";

const TAO = 1_000_000_000n;

describe("the mainnet built-in", () => {
  const { scenario } = loadBuiltin("mainnet");
  const prices = scenario.subnets.map((s) => s.pool.taoReserve / s.pool.alphaReserve);
  const total = prices.reduce((a, b) => a + b, 0);
  const shares = prices.map((p) => p / total).sort((a, b) => b - a); // price rule: shares ∝ moving prices = prices

  it("is the file its generator writes", () => {
    expect(builtinText("mainnet")).toBe(mainnetYaml());
  });

  it("has 128 subnets, 2 in full detail, TaoWeight 0.18, tempo 360", () => {
    expect(scenario.subnets).toHaveLength(128);
    expect(scenario.subnets.filter((s) => s.detail === "full").map((s) => s.netuid)).toEqual([1, 20]);
    expect(scenario.chain.taoWeight).toBe(0.18);
    expect(new Set(scenario.subnets.map((s) => s.tempo))).toEqual(new Set([360]));
  });

  it("emits 0.5 TAO per block at its issuance (past the first halving at 10.5 M)", () => {
    expect(blockEmissionForIssuance(BigInt(scenario.chain.totalIssuance) * TAO)).toBe(TAO / 2n);
  });

  it("has mainnet's share shape: largest ≈ 10 %, 12 largest ≈ half, Gini ≈ 0.63", () => {
    expect(shares[0]).toBeGreaterThan(0.09);
    expect(shares[0]).toBeLessThan(0.11);
    const top12 = shares.slice(0, 12).reduce((a, b) => a + b, 0);
    expect(top12).toBeGreaterThan(0.45);
    expect(top12).toBeLessThan(0.55);
    expect(Math.abs(gini(shares) - 0.63)).toBeLessThan(0.02);
    expect(total).toBeCloseTo(1.5, 3);
  });

  it("starts at the oldest age, so every first emission is at or before the first block", () => {
    expect(scenario.chain.startBlock).toBe(Math.max(...scenario.subnets.map((s) => s.start.age)));
  });

  it("gives every subnet outside buyers averaging 0.8 × the TAO value of its holders' sales, spread across subnets", () => {
    const levels = scenario.subnets.map((s, k) => {
      const expr = String(s.detail === "pools" ? s.holders.buyers.taoPerDay : s.users[0].taoPerDay);
      const m = /^max\(0, ([0-9.e+]+) \* \(1 \+ 0\.5 \* z\)\)$/.exec(expr);
      expect(m, expr).not.toBeNull();
      return Number(m![1]) / (MAINNET.soldPerDay * prices[k]); // the subnet's factor f_r
    });
    const mean = levels.reduce((a, b) => a + b, 0) / levels.length;
    expect(mean).toBeGreaterThan(0.65); // 0.8 in expectation: 128 lognormal draws with σ 0.8
    expect(mean).toBeLessThan(0.95);
    expect(Math.max(...levels) / Math.min(...levels)).toBeGreaterThan(5); // subnets diverge
  });
});
