import { describe, expect, it } from "vitest";
import { benchEngine } from "./engineBench.js";

describe("benchEngine", () => {
  it("returns one engine row per case with blocks per second", { timeout: 300_000 }, async () => {
    const rows = await benchEngine(0.01);
    expect(rows.map((r) => r.case)).toEqual([
      "one-subnet-64v-192m",
      "default scenario (1 task)",
      "1 subnet 64x256, 30 days",
      "coinbase only (1 subnet, no epoch due)",
      "mainnet scale 128x256 (year projected)",
    ]);
    for (const r of rows) {
      expect(r.suite).toBe("engine");
      expect(r.per_second).toBeGreaterThan(0);
      expect(r.per_second).toBeCloseTo(1e6 / r.median_us, -2);
    }
    expect([rows[0].validators, rows[0].neurons, rows[0].subnets]).toEqual([64, 256, 1]);
    expect(rows[4].subnets).toBe(128);
    expect(rows[4].neurons).toBe(256);
  });
});
