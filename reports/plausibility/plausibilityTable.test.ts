import { describe, expect, it } from "vitest";
import { plausibilityMarkdown, plausibilityRows } from "./plausibilityTable.js";

// task, replicate, netuid, price, emission_share, tao_in_total, tao_chain_bought_total, root_claimed_alpha_total, alpha_sold_total
const rows = [
  [0, 0, 1, 0.1, 0.6, 0, 0, 0, 0],
  [0, 0, 2, 0.05, 0.4, 0, 0, 0, 0],
  [0, 0, 1, 0.12, 0.7, 3e9, 2e9, 1e9, 5e9],
  [0, 0, 2, 0.04, 0.3, 1e9, 0.5e9, 0, 2e9],
  [0, 1, 1, 9, 9, 9, 9, 9, 9], // another replicate: ignored
];

describe("plausibility table", () => {
  it("per subnet: price change, mean share, and the run's increments of the cumulative totals", () => {
    const [a, b] = plausibilityRows(rows);
    expect(a.netuid).toBe(1);
    expect(a.priceChange).toBeCloseTo(0.2, 12);
    expect(a.meanShare).toBeCloseTo(0.65, 12);
    // tao_in_total counts injected and chain-bought TAO: injected = 3 − 2
    expect([a.taoInjected, a.taoChainBought, a.rootClaimedAlpha, a.alphaSold]).toEqual([1, 2, 1, 5]);
    expect(b.priceChange).toBeCloseTo(-0.2, 12);
    expect(b.meanShare).toBeCloseTo(0.35, 12);
  });

  it("ends with the network's totals (Σ prices 0.15 → 0.16)", () => {
    const md = plausibilityMarkdown(plausibilityRows(rows), (n) => n === 1);
    expect(md.split("\n")).toHaveLength(4);
    expect(md).toContain("| all 2 | Σ 0.150 → 0.160 | 6.7 % |");
  });
});
