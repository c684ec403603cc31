// Outside buyers of a `detail: pools` subnet (subnets[].holders.buyers): add_stake through models/staking
// with TAO from outside the run, on the full subnets' `users` schedule.
import { describe, expect, it } from "vitest";
import { loadScenarioText } from "../../scenarios/loadScenario.js";
import { resolveScenario } from "../../scenarios/schema.js";
import { executeRun } from "../run/runTask.js";

const spec = { index: 0, point: 0, replicate: 0, seed: 3, params: {} };
const run = (taoPerDay: number | string) =>
  executeRun(
    spec,
    resolveScenario({
      name: "buyers", duration: { blocks: 1500 }, chain: { totalIssuance: 11_800_000 },
      subnets: [1, 2].map((k) => ({
        detail: "pools", pool: { taoReserve: 50000, alphaReserve: 500000 }, validatorStake: 100000, start: { age: 1_000_000 },
        holders: { validators: { count: 2 }, buyers: { taoPerDay: k === 1 ? taoPerDay : 0 } },
      })),
      sample: { subnetsEveryBlocks: 100, chainEveryBlocks: 100, ops: true },
    }),
  );

describe("outside buyers of a pools subnet", () => {
  it("buy taoPerDay × everyBlocks / 7200 TAO every everyBlocks blocks with add_stake, raising that subnet's price only", () => {
    const r = run(720); // 36 TAO every 360 blocks: at blocks 360, 720, 1080, 1440
    const ops = r.tables.ops!;
    const col = (name: string) => ops.names.indexOf(name);
    const buys: { block: number; netuid: number; tao: bigint }[] = [];
    for (let row = 0; row < ops.rows; row++) {
      if (ops.cell(row, col("op")) !== "add_stake") continue;
      buys.push({ block: Number(ops.cell(row, col("block"))), netuid: Number(ops.cell(row, col("netuid"))), tao: BigInt(ops.cell(row, col("amount_in")) as bigint) });
    }
    expect(buys.map((b) => b.block)).toEqual([360, 720, 1080, 1440].map((b) => 1_000_000 + b)); // the run starts at the oldest age
    expect(buys.every((b) => b.netuid === 1 && b.tao === 36_000_000_000n)).toBe(true);
    const subnets = r.tables.subnets;
    const lastPrice = (netuid: number) => {
      let p = NaN;
      for (let row = 0; row < subnets.rows; row++) if (Number(subnets.cell(row, subnets.names.indexOf("netuid"))) === netuid) p = Number(subnets.cell(row, subnets.names.indexOf("price")));
      return p;
    };
    expect(lastPrice(1)).toBeGreaterThan(lastPrice(2)); // identical subnets but for the buyers
    expect(r.ledger.tao.imbalance).toBe(0n);
    for (const a of r.ledger.alpha) expect([a.issuanceImbalance, a.outstandingImbalance]).toEqual([0n, 0n]);
  });

  it("no buyers (taoPerDay 0) make no add_stake at all", () => {
    const r = run(0);
    const ops = r.tables.ops!;
    for (let row = 0; row < ops.rows; row++) expect(ops.cell(row, ops.names.indexOf("op"))).not.toBe("add_stake");
  });

  it("a buyers expression with an unknown variable is an input error at its position", () => {
    const text = "name: x\nsubnets:\n  - detail: pools\n    holders:\n      buyers: { taoPerDay: \"10 * w\" }\n";
    expect(() => loadScenarioText(text, "s.yaml")).toThrow(/s\.yaml:5:\d+: subnets\[0\]\.holders\.buyers\.taoPerDay/);
  });
});
