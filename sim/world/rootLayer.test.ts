import { describe, expect, it } from "vitest";
import { loadScenarioText } from "../../scenarios/loadScenario.js";
import { resolveScenario } from "../../scenarios/schema.js";
import { createRng } from "../rng/createRng.js";
import { executeRun } from "../run/runTask.js";
import { buildWorld } from "./buildWorld.js";

const scenario = () =>
  resolveScenario({
    name: "root", duration: { blocks: 1200 }, chain: { totalIssuance: 10_600_000, taoWeight: 0.18 },
    subnets: [1, 2].map(() => ({ tempo: 100, pool: { taoReserve: 50000, alphaReserve: 50000 }, validators: [{ count: 3 }], miners: [{ count: 6 }] })),
    root: { validators: [{ count: 2, rootStake: 100000 }], nominators: [{ count: 4, tao: 1000 }] },
    sample: { subnetsEveryBlocks: 100, chainEveryBlocks: 100 },
  });

describe("the root layer", () => {
  it("a root validator holds its root stake once and validates on every subnet; nominators stake on root to it", () => {
    const w = buildWorld(scenario(), createRng(1));
    const rootHotkeys = w.subnets.map((s) => Array.from({ length: s.n }, (_, u) => u).filter((u) => s.strategy[u] === "root").map((u) => s.neurons.hotkey[u]));
    expect(rootHotkeys[0]).toHaveLength(2);
    expect(rootHotkeys[1]).toEqual(rootHotkeys[0]); // the same hotkeys on both subnets
    // SubnetTAO[0]: 2 × 100,000 TAO of the validators + 4 × 1,000 TAO of the nominators, counted once (stable pool, no fee)
    expect(w.econ.subnetTao[0]).toBe(204_000_000_000_000n);
    const [a, b] = rootHotkeys[0];
    expect(w.econ.keys.stake[0][a] + w.econ.keys.stake[0][b]).toBe(204_000_000_000_000n);
    expect(w.econ.rootClaims.numStakingColdkeys).toBe(6n);
  });

  it("root dividends reach the nominators through claims; TAO and alpha are conserved", () => {
    const r = executeRun({ index: 0, point: 0, replicate: 0, seed: 2, params: {} }, scenario());
    expect(r.ledger.tao.imbalance).toBe(0n);
    for (const a of r.ledger.alpha) expect([a.issuanceImbalance, a.outstandingImbalance]).toEqual([0n, 0n]);
    const c = r.tables.chain;
    expect(Number(c.cell(c.rows - 1, c.names.indexOf("root_claimed_total")))).toBeGreaterThan(0);
  });

  it("a root validator on a subnet the scenario does not have is an input error at its position", () => {
    const text = "name: x\nsubnets:\n  - netuid: 1\nroot:\n  validators:\n    - subnets: [1, 7]\n";
    expect(() => loadScenarioText(text, "s.yaml")).toThrow(/s\.yaml:6:\d+: root\.validators\[0\]\.subnets\[1\]: expected a netuid of the scenario's subnets \(1\), found 7/);
  });
});

describe("root validators through childkeys", () => {
  it("a child inherits the parent's proportion of root stake on its subnet, receives the parent's share of dividends, and TAO and alpha are conserved", () => {
    const sc = resolveScenario({
      name: "ck", duration: { blocks: 800 }, chain: { totalIssuance: 10_600_000, taoWeight: 0.18 },
      subnets: [1, 2].map(() => ({ tempo: 100, pool: { taoReserve: 50000, alphaReserve: 50000 }, validators: [{ count: 2 }], miners: [{ count: 6 }] })),
      root: { validators: [{ count: 1, rootStake: 100000, childkeys: { proportion: 0.5, take: 0 } }] },
      sample: { subnetsEveryBlocks: 100, chainEveryBlocks: 100 },
    });
    const w = buildWorld(sc, createRng(3));
    for (const sub of w.subnets) expect(Array.from({ length: sub.n }, (_, u) => sub.strategy[u]).includes("root")).toBe(false); // not registered itself
    const parent = [...w.stakingHotkeys.values()][0][0];
    const child = w.econ.keys.children[1].get(parent)![0].hotkey;
    expect(w.econ.keys.parents[1].get(child)).toEqual([{ proportion: (500_000_000n * ((1n << 64n) - 1n)) / 1_000_000_000n, hotkey: parent }]);
    // the child's tao stake in the first epoch's input: the parent's 1e14 rao × U96F32 proportion ⌊p·2^32/u64::MAX⌋
    // = 2^31 − 1 (p = ⌊u64::MAX/2⌋), floored: ⌊1e14·(2^31 − 1)/2^32⌋ = 49,999,999,976,716 (get_tao_inherited_for_hotkey_on_subnet)
    let b = 0;
    while (w.blockStep(b) === 0) b++;
    const sub = w.subnets[0];
    const cuid = sub.neurons.uidOf.get(child)!;
    expect(sub.input.taoStake[cuid]).toBe(49_999_999_976_716n);
    const r = executeRun({ index: 0, point: 0, replicate: 0, seed: 3, params: {} }, sc);
    expect(r.ledger.tao.imbalance).toBe(0n);
    for (const a of r.ledger.alpha) expect([a.issuanceImbalance, a.outstandingImbalance]).toEqual([0n, 0n]);
  });
});
