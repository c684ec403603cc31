import { describe, expect, it } from "vitest";
import { ledger } from "../../models/emission/index.js";
import { benchEconomy, economyBenchState } from "./economyBench.js";

describe("bench/economy", () => {
  it("the bench network is ledger-balanced", () => {
    const l = ledger(economyBenchState(4));
    expect(l.tao.imbalance).toBe(0n);
    for (const a of l.alpha) expect(a.outstandingImbalance).toBe(0n);
  });
  it("the mainnet-scale bench network is ledger-balanced, with alpha supply above 2^53 rao", () => {
    const s = economyBenchState(4, "mainnet");
    const l = ledger(s);
    expect(l.tao.imbalance).toBe(0n);
    for (const a of l.alpha) expect(a.outstandingImbalance).toBe(0n);
    expect(s.alphaIn[1] + s.alphaOut[1]).toBeGreaterThan(1n << 53n);
  });
  it("benchEconomy returns one row per subnet count", async () => {
    const rows = await benchEconomy();
    expect(rows.map((r) => r.subnets)).toEqual([1, 16, 128]);
    for (const r of rows) expect(r.per_second).toBeGreaterThan(0);
    console.table(rows);
  });
});
