import { describe, expect, it } from "vitest";
import { drawGraphNoise, nonExtremeCount, sampleStakes, splitSizes, TOTAL_STAKE_RAO, weightShares } from "./splitGraph.js";
import { bondsPenaltyU16, GuaranteeNetwork } from "./guaranteeNetwork.js";
import { GUARANTEE_SHAPE, selfWeightGrid } from "./guaranteeChunks.js";

/** A small deterministic uniform source (LCG) for tests. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

describe("nonExtremeCount", () => {
  it("floors the share of the total as the chain's non_extreme_fixed_ratio does", () => {
    expect(HONEST.map((s) => nonExtremeCount(s, 64))).toEqual([32, 35, 38, 41, 44, 48, 51, 54, 57, 60, 63]);
    expect(HONEST.map((s) => nonExtremeCount(s, 448))).toEqual([228, 246, 268, 291, 313, 336, 358, 380, 403, 425, 443]);
  });
  it("keeps at least one and at most total − 1", () => {
    expect(nonExtremeCount(0.001, 64)).toBe(1);
    expect(nonExtremeCount(1, 64)).toBe(63);
    expect(nonExtremeCount(0.5, 0)).toBe(0);
  });
});
const HONEST = [0.51, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.99];

describe("split graph sampling", () => {
  const shape = GUARANTEE_SHAPE;
  const noise = drawGraphNoise(shape, lcg(1), lcg(2));

  it("gives each set its stake share and servers none", () => {
    const sizes = splitSizes(0.6, shape);
    const stake = sampleStakes(0.6, shape, sizes, noise);
    const sum = (from: number, to: number) => { let s = 0; for (let i = from; i < to; i++) s += Number(stake[i]); return s; };
    expect(sum(0, sizes.majorValidators) / TOTAL_STAKE_RAO).toBeCloseTo(0.6, 9);
    expect(sum(sizes.majorValidators, 64) / TOTAL_STAKE_RAO).toBeCloseTo(0.4, 9);
    expect(sum(64, 512)).toBe(0);
  });

  it("normalises each validator's weight shares per side, equal shares at sigma 0", () => {
    const sizes = splitSizes(0.7, shape);
    const shares = weightShares(0.4, shape, sizes, noise);
    const nS = sizes.servers;
    for (const i of [0, 63]) {
      let major = 0, minor = 0;
      for (let k = 0; k < nS; k++) (k < sizes.majorServers ? (major += shares[i * nS + k]) : (minor += shares[i * nS + k]));
      expect(major).toBeCloseTo(1, 12);
      expect(minor).toBeCloseTo(1, 12);
    }
    const flat = weightShares(0, shape, sizes, noise);
    expect(flat[0]).toBeCloseTo(1 / sizes.majorServers, 15);
    expect(flat[nS - 1]).toBeCloseTo(1 / (nS - sizes.majorServers), 15);
  });

  it("stores the chain's u16 weights: W_H = 1 puts 0 on every minor server, rows max-upscaled to 65535", () => {
    const net = new GuaranteeNetwork(shape, 0.6, 0.2, 1, noise);
    net.setSelfWeights(1, 0.5);
    const { weights } = net.epochInput;
    const nS = net.sizes.servers;
    const row0 = Array.from(weights.val.subarray(0, nS));
    expect(Math.max(...row0)).toBe(65535);
    expect(row0.slice(net.sizes.majorServers).every((v) => v === 0)).toBe(true);
    expect(weights.col[0]).toBe(64);
    expect(weights.rowPtr[65] - weights.rowPtr[64]).toBe(0); // servers store no weights
  });

  it("issues permits to the 64 staked validators only", () => {
    const net = new GuaranteeNetwork(shape, 0.6, 0.2, 1, noise);
    const permits = net.epochInput.validatorPermit;
    expect(Array.from(permits.subarray(0, 64)).every((p) => p === 1)).toBe(true);
    expect(Array.from(permits.subarray(64)).every((p) => p === 0)).toBe(true);
  });

  it("maps the study's penalty as the chain's test does: (β · 65534) as u16", () => {
    expect([0, 0.5, 1].map(bondsPenaltyU16)).toEqual([0, 32767, 65534]);
  });

  it("gives the whole emission to the honest set when both sets weight only themselves", () => {
    const net = new GuaranteeNetwork(shape, 0.6, 0.4, 1, noise);
    expect(net.honestEmissionRatio(1, 1)).toBe(1);
    const r = net.honestEmissionRatio(0.5, 1);
    expect(r).toBeGreaterThan(0);
    expect(r).toBeLessThan(1);
  });

  it("grid runs from 1 down to 0", () => {
    expect(Array.from(selfWeightGrid(6))).toEqual([1, 0.8, 0.6, 0.4, 0.2, 0]);
    expect(() => selfWeightGrid(1)).toThrow(RangeError);
  });
});
