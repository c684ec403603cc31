// executeRun is a pure function of (spec, scenario): same seed ⇒ byte-identical CSV text; another
// seed ⇒ different; and the ledger balances to the rao after a run with every kind of agent and event.
import { describe, expect, it } from "vitest";
import { resolveScenario } from "../../scenarios/schema.js";
import { executeRun } from "../../sim/run/runTask.js";
import { csvHeader, csvRows } from "../../sim/run/tableCsv.js";

const scenario = resolveScenario({
  name: "det",
  duration: { blocks: 2000 },
  chain: { totalIssuance: 1000000 },
  subnets: [
    {
      tempo: 100,
      validators: [{ count: 4, stakeWeight: "1 / (i + 1)" }, { strategy: "copier", count: 1 }, { strategy: "lazy", count: 1, offlineProbability: 0.3, stopAfterEpochs: null }],
      miners: [{ count: 10, drift: 0.02, churn: { leaveProbability: 0.05, joinWhenProfitable: true } }, { strategy: "sybil", count: 1, hotkeys: 3, label: "syb" }],
      stakers: [{ count: 2, budget: 50 }, { strategy: "price-mover", count: 1, everyBlocks: 150 }],
      users: [{ taoPerDay: "20 + 10 * u", everyBlocks: 200 }],
    },
    { tempo: 150, validators: [{ count: 3 }], miners: [{ count: 6 }] },
  ],
  events: [
    { at: { block: 300 }, kind: "stake", uid: 0, tao: 100 },
    { at: { block: 700 }, kind: "unstake", uid: 0, fraction: 0.5 },
    { at: { block: 500 }, kind: "register", miners: { count: 2, quality: 0.9 } },
    { at: { block: 900 }, kind: "hyperparameters", set: { kappa: 40000, burn: 2 } },
    { at: { block: 1000 }, kind: "deregister", netuid: 2, uids: [5] },
    { at: { block: 1100 }, kind: "demand", factor: 3 },
    { at: { block: 1200 }, kind: "move-stake", from: { uid: 1 }, to: { netuid: 2, uid: 0 }, fraction: 0.1 },
    { at: { block: 1300 }, kind: "chain", set: { subnetOwnerCut: 0 } },
  ],
});

const spec = (seed: number) => ({ index: 0, point: 0, replicate: 0, seed, params: {} });
const csv = (r: ReturnType<typeof executeRun>) =>
  (["neurons", "subnets", "chain"] as const).map((t) => `${csvHeader(r.tables[t])}\n${csvRows(r.tables[t])}`).join("\n---\n");

describe("executeRun", () => {
  const a = executeRun(spec(11), scenario);

  it("gives byte-identical tables for the same seed and different ones for another seed", () => {
    expect(csv(executeRun(spec(11), scenario))).toBe(csv(a));
    expect(csv(executeRun(spec(12), scenario))).not.toBe(csv(a));
  });

  it("samples every epoch of each subnet and every 360 blocks plus the last block", () => {
    const epochs = new Set<string>();
    const t = a.tables.neurons;
    const net = t.names.indexOf("netuid");
    const ep = t.names.indexOf("epoch");
    for (let r = 0; r < t.rows; r++) epochs.add(`${t.cell(r, net)}/${t.cell(r, ep)}`);
    expect(epochs.size).toBe(19 + 13); // tempo 100: epochs 1..19 (blocks 100..1900); tempo 150: 1..13
    const chainBlocks = Array.from({ length: a.tables.chain.rows }, (_, r) => a.tables.chain.cell(r, 3));
    expect(chainBlocks).toEqual([0, 360, 720, 1080, 1440, 1800, 1999]);
  });

  it("conserves TAO and alpha to the rao (ledger imbalances are 0)", () => {
    expect(a.ledger.tao.imbalance).toBe(0n);
    for (const x of a.ledger.alpha) {
      expect(x.issuanceImbalance, `netuid ${x.netuid}`).toBe(0n);
      expect(x.outstandingImbalance, `netuid ${x.netuid}`).toBe(0n);
    }
  });

  it("labels roles the way reports key on them", () => {
    const t = a.tables.neurons;
    const role = t.names.indexOf("role");
    const roles = new Set(Array.from({ length: t.rows }, (_, r) => t.cell(r, role)));
    expect([...roles].sort()).toEqual(["miner", "miner:sybil", "owner", "validator:copier", "validator:honest", "validator:lazy"].concat(roles.has("empty") ? ["empty"] : []).sort());
  });
});
