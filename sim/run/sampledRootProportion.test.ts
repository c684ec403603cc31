// The sampled root_proportion (subnets.csv) and tao_weight (chain.csv) columns agree with the
// chain's definition, root_proportion = w·SubnetTAO[0] / (w·SubnetTAO[0] + SubnetAlphaIn + SubnetAlphaOut),
// recomputed from the same sample's other columns.
import { describe, expect, it } from "vitest";
import { resolveScenario } from "../../scenarios/schema.js";
import { executeRun } from "./runTask.js";

describe("sampled root proportion and TaoWeight", () => {
  it("match w·root / (w·root + alpha in + alpha out) at every sample", () => {
    const r = executeRun(
      { index: 0, point: 0, replicate: 0, seed: 3, params: {} },
      resolveScenario({
        name: "rp", duration: { blocks: 600 }, chain: { totalIssuance: 10_600_000, taoWeight: 0.18 },
        subnets: [1, 2].map((k) => ({
          tempo: 100, pool: { taoReserve: 20000 * k, alphaReserve: 400000 },
          validators: [{ count: 2, rootStake: 5000 * k }], miners: [{ count: 4 }],
        })),
        sample: { subnetsEveryBlocks: 100, chainEveryBlocks: 100 },
      }),
    );
    const s = r.tables.subnets;
    const c = r.tables.chain;
    const col = (t: typeof s, name: string, row: number) => Number(t.cell(row, t.names.indexOf(name)));
    const rootAt = new Map<number, [number, number]>();
    for (let k = 0; k < c.rows; k++) rootAt.set(col(c, "block", k), [col(c, "root_stake_total", k), col(c, "tao_weight", k)]);
    expect(s.rows).toBeGreaterThan(4);
    for (let k = 0; k < s.rows; k++) {
      const [root, w] = rootAt.get(col(s, "block", k))!;
      expect(w).toBeCloseTo(0.18, 9);
      const tw = w * root;
      const expected = tw / (tw + col(s, "alpha_reserve", k) + col(s, "alpha_outstanding", k));
      expect(expected).toBeGreaterThan(0.001);
      expect(col(s, "root_proportion", k)).toBeCloseTo(expected, 8);
    }
  });
});
