import { describe, expect, it } from "vitest";
import { averageRanks, dividendRatios, emissionShareByRole, gini, nakamotoCoefficient, quantileSorted, ReplicateStats, spearman } from "./index.js";

describe("gini", () => {
  it("is 0 for an equal distribution", () => expect(gini([1, 1, 1, 1])).toBe(0));
  it("is 0.75 when one of four holds everything", () => expect(gini([0, 0, 0, 1])).toBeCloseTo(0.75, 15));
  it("matches the pairwise definition on [1, 2, 3, 4]", () => {
    // Σ|xi−xj| over ordered pairs = 2·(1+2+3+1+2+1) = 20; 2·n²·mean = 2·16·2.5 = 80 → 0.25
    expect(gini([4, 1, 3, 2])).toBeCloseTo(0.25, 15);
  });
  it("is 0 when everyone holds nothing and NaN for an empty list", () => {
    expect(gini([0, 0])).toBe(0);
    expect(gini([])).toBeNaN();
  });
});

describe("nakamotoCoefficient", () => {
  it("counts the largest holders needed for strictly more than half", () => {
    expect(nakamotoCoefficient([40, 30, 20, 10])).toBe(2); // 40 + 30 = 70 > 50
    expect(nakamotoCoefficient([25, 25, 25, 25])).toBe(3); // 50 is not > 50
    expect(nakamotoCoefficient([10, 60, 30])).toBe(1);
  });
  it("is NaN when nothing is held", () => expect(nakamotoCoefficient([0, 0])).toBeNaN());
});

describe("spearman", () => {
  it("is 1 for the same order and −1 for the reversed order", () => {
    expect(spearman([1, 2, 3, 4, 5], [10, 20, 30, 40, 50])).toBeCloseTo(1, 15);
    expect(spearman([1, 2, 3, 4, 5], [5, 4, 3, 2, 1])).toBeCloseTo(-1, 15);
  });
  it("gives 1 − 6Σd²/(n(n²−1)) on a permutation without ties", () => {
    // ranks y = [2, 1, 4, 3, 5]: d² = 1+1+1+1+0 = 4 → 1 − 24/120 = 0.8
    expect(spearman([1, 2, 3, 4, 5], [20, 10, 40, 30, 50])).toBeCloseTo(0.8, 15);
  });
  it("averages the ranks of ties", () => {
    expect(Array.from(averageRanks([10, 20, 20, 5]))).toEqual([2, 3.5, 3.5, 1]);
    // x ranks [1, 2, 3, 4], y ranks [1.5, 1.5, 3, 4]: Pearson = 4.5 / √(5 · 4.5) = 0.948683…
    expect(spearman([1, 2, 3, 4], [7, 7, 8, 9])).toBeCloseTo(4.5 / Math.sqrt(5 * 4.5), 15);
  });
  it("is NaN when one side is constant", () => expect(spearman([1, 2, 3], [4, 4, 4])).toBeNaN());
});

describe("replicate statistics", () => {
  it("interpolates quantiles between order statistics", () => {
    const sorted = [1, 2, 3, 4, 5];
    expect(quantileSorted(sorted, 0.05)).toBeCloseTo(1.2, 15); // h = 4·0.05 = 0.2
    expect(quantileSorted(sorted, 0.5)).toBe(3);
    expect(quantileSorted(sorted, 0.95)).toBeCloseTo(4.8, 15);
  });
  it("streams mean and quantiles, ignoring NaN", () => {
    const s = new ReplicateStats();
    for (const v of [10, 0, NaN, 30, 20]) s.add(v);
    const q = s.summary();
    expect(q.n).toBe(4);
    expect(q.mean).toBe(15);
    expect(q.p05).toBeCloseTo(1.5, 12); // sorted [0,10,20,30], h = 0.15
    expect(q.p50).toBe(15);
    expect(q.p95).toBeCloseTo(28.5, 12);
  });
  it("summarises nothing as NaN", () => expect(new ReplicateStats().summary().mean).toBeNaN());
});

describe("dividend ratios and emission shares", () => {
  it("divides each strategy's dividends per stake by the honest one", () => {
    const r = dividendRatios(new Map([
      ["honest", { dividends: 100, stake: 1000 }],
      ["copier", { dividends: 27, stake: 300 }],
    ]));
    expect([...r.keys()]).toEqual(["copier", "honest"]);
    expect(r.get("copier")).toBeCloseTo(0.9, 15); // 0.09 / 0.1
    expect(r.get("honest")).toBe(1);
  });
  it("is NaN without honest validators", () => {
    expect(dividendRatios(new Map([["copier", { dividends: 1, stake: 1 }]])).get("copier")).toBeNaN();
  });
  it("splits emission by role", () => {
    expect(emissionShareByRole({ owner: 18, miners: 41, validators: 41, root: 0 })).toEqual({ owner: 0.18, miners: 0.41, validators: 0.41, root: 0 });
  });
});

describe("meanSpearmanOverSubnets", () => {
  it("ranks miners within each subnet and averages the subnets' ρ", async () => {
    const { meanSpearmanOverSubnets } = await import("./NeuronTaskAccumulator.js");
    const m = (netuid: number, quality: number, incentive: number) => ({ netuid, uid: 0, hotkey: "", quality, incentive });
    // subnet 1: same order (ρ = 1); subnet 2: reversed (ρ = −1); subnet 3: one miner (undefined, left out)
    expect(meanSpearmanOverSubnets([m(1, 0.1, 1), m(1, 0.2, 2), m(2, 0.1, 9), m(2, 0.2, 8), m(2, 0.3, 7), m(3, 1, 1)])).toBeCloseTo(0, 15);
    expect(meanSpearmanOverSubnets([m(1, 0.1, 1), m(1, 0.2, 2), m(1, 0.3, 2.5)])).toBeCloseTo(1, 15);
    expect(meanSpearmanOverSubnets([])).toBeNaN();
  });
});
