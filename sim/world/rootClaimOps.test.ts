import { describe, expect, it } from "vitest";
import { resolveScenario } from "../../scenarios/schema.js";
import { executeRun } from "../run/runTask.js";
import { csvRows } from "../run/tableCsv.js";

const spec = { index: 0, point: 0, replicate: 0, seed: 5, params: {} };
const run = (rootClaimType: "swap" | "keep", ops = false, events: unknown[] = []) =>
  executeRun(
    spec,
    resolveScenario({
      name: "claims", duration: { blocks: 2000 }, chain: { totalIssuance: 10_600_000, taoWeight: 0.18 },
      // two subnets at price 1: Σ moving prices > 1, so root dividends are paid (get_root_sell_flag)
      subnets: [1, 2].map(() => ({
        tempo: 100, pool: { taoReserve: 50000, alphaReserve: 50000 }, validatorStake: 200000,
        validators: [{ count: 4, rootStake: 100000, rootClaimType }], miners: [{ count: 8 }],
      })),
      events,
      sample: { subnetsEveryBlocks: 100, chainEveryBlocks: 100, ops },
    }),
  );

describe("root dividends reach root stakers through the chain's claims", () => {
  it("Swap claims sell the claimed alpha into the pool and stake the TAO on root; Keep claims stake the alpha; both conserve TAO and alpha", () => {
    const swap = run("swap", true);
    const keep = run("keep");
    for (const r of [swap, keep]) {
      expect(r.ledger.tao.imbalance).toBe(0n);
      for (const a of r.ledger.alpha) expect([a.issuanceImbalance, a.outstandingImbalance]).toEqual([0n, 0n]);
    }
    const last = (r: typeof swap, col: string) => {
      const t = r.tables.subnets;
      const k = t.names.indexOf(col);
      return Number(t.cell(t.rows - 2, k)); // subnet 1 at the last sample
    };
    // selling claimed dividends into the pool lowers the price relative to keeping them
    expect(last(swap, "price")).toBeLessThan(last(keep, "price"));
    expect(last(swap, "root_claimed_alpha_total")).toBeGreaterThan(0);
    expect(last(keep, "root_claimed_alpha_total")).toBeGreaterThan(0);
    const chain = swap.tables.chain;
    expect(Number(chain.cell(chain.rows - 1, chain.names.indexOf("root_claimed_total")))).toBeGreaterThan(0);
    expect(Number(keep.tables.chain.cell(keep.tables.chain.rows - 1, keep.tables.chain.names.indexOf("root_claimed_total")))).toBe(0);
    expect(csvRows(swap.tables.ops!)).toContain(",claim_root,");
  });
});

describe("the claim_root extrinsic as a scenario event", () => {
  it("claims for the coldkey of a validator uid on 1 to 5 subnets; a subnet that does not exist is refused", () => {
    const r = run("swap", true, [
      { at: { block: 1500 }, kind: "claim-root", netuid: 1, uid: 0, subnets: [1, 2] },
      { at: { block: 1600 }, kind: "claim-root", netuid: 1, uid: 1, subnets: [9] },
    ]);
    expect(r.refusals.stake).toBe(1);
    expect(r.ledger.tao.imbalance).toBe(0n);
  });
});
