import { describe, expect, it } from "vitest";
import { loadScenarioText } from "../../scenarios/loadScenario.js";
import { ScenarioError } from "../../scenarios/ScenarioError.js";
import { resolveScenario } from "../../scenarios/schema.js";
import { executeRun } from "../run/runTask.js";

const spec = { index: 0, point: 0, replicate: 0, seed: 9, params: {} };
const run = (fraction: number, owner = 0, abovePrice = 0) =>
  executeRun(
    spec,
    resolveScenario({
      name: "sellers", duration: { blocks: 1500 }, chain: { totalIssuance: 10_600_000 },
      subnets: [{
        tempo: 100, pool: { taoReserve: 20000, alphaReserve: 400000 },
        validators: [{ count: 4, sell: { fraction, everyEpochs: 2, abovePrice } }], miners: [{ count: 8, sell: { fraction, abovePrice } }], owner: { sell: { fraction: owner, abovePrice } },
      }],
      sample: { subnetsEveryBlocks: 100, chainEveryBlocks: 100 },
    }),
  );
const last = (r: ReturnType<typeof run>, col: string) => Number(r.tables.subnets.cell(r.tables.subnets.rows - 1, r.tables.subnets.names.indexOf(col)));

describe("holders who sell", () => {
  it("selling payouts puts alpha back into the pool (lower price than holding), through remove_stake, conserving TAO and alpha", () => {
    const hold = run(0);
    const sell = run(0.5, 1);
    expect(last(hold, "alpha_sold_total")).toBe(0);
    expect(last(sell, "alpha_sold_total")).toBeGreaterThan(0);
    expect(last(sell, "price")).toBeLessThan(last(hold, "price"));
    for (const r of [hold, sell]) {
      expect(r.ledger.tao.imbalance).toBe(0n);
      for (const a of r.ledger.alpha) expect([a.issuanceImbalance, a.outstandingImbalance]).toEqual([0n, 0n]);
    }
  });

  it("holders who sell only above a price the pool never reaches sell nothing", () => {
    expect(last(run(0.5, 1, 1000), "alpha_sold_total")).toBe(0);
  });

  it("a sell fraction outside [0, 1] is an input error at its position", () => {
    const text = "name: x\nsubnets:\n  - miners:\n      - count: 2\n        sell: { fraction: 1.5 }\n";
    expect(() => loadScenarioText(text, "s.yaml")).toThrow(ScenarioError);
    try {
      loadScenarioText(text, "s.yaml");
    } catch (e) {
      expect((e as Error).message).toContain("s.yaml:5:27: subnets[0].miners[0].sell.fraction");
    }
  });
});

describe("owner burn", () => {
  it("validators burning to the owner's uid make the chain withhold that incentive (MinerBurned) and lower the subnet's emission share", () => {
    const sc = (burn: number) =>
      resolveScenario({
        name: "burn", duration: { blocks: 1200 }, chain: { totalIssuance: 10_600_000 },
        subnets: [1, 2].map((k) => ({
          tempo: 100, pool: { taoReserve: 50000, alphaReserve: 50000 }, owner: { burn: k === 1 ? burn : 0 },
          validators: [{ count: 4, noiseSigma: 0 }], miners: [{ count: 8 }],
        })),
        sample: { subnetsEveryBlocks: 100, chainEveryBlocks: 100 },
      });
    const r = executeRun(spec, sc(0.5));
    const t = r.tables.subnets;
    const col = (name: string, row: number) => Number(t.cell(row, t.names.indexOf(name)));
    const lastOf = (netuid: number) => { for (let k = t.rows - 1; k >= 0; k--) if (col("netuid", k) === netuid) return k; return -1; };
    expect(col("miner_burned", lastOf(1))).toBeGreaterThan(0.3); // about half of the incentive goes to the owner's uid
    expect(col("miner_burned", lastOf(2))).toBe(0);
    expect(col("emission_share", lastOf(1))).toBeLessThan(col("emission_share", lastOf(2)));
    expect(r.ledger.tao.imbalance).toBe(0n);
  });
});
