// The built-in `yuma-variants` scenario: one subnet swept over consensus.variant with honest
// validators, copiers and a cabal. Each variant pays the three groups differently.
import { describe, expect, it } from "vitest";
import { loadBuiltin } from "../../scenarios/library.js";
import { planTasks } from "../../sim/plan/planTasks.js";
import { executeRun } from "../../sim/run/runTask.js";

/** Σ validator_emission (rao) per validator role over the run. */
function dividendsByRole(r: ReturnType<typeof executeRun>): Record<string, bigint> {
  const t = r.tables.neurons;
  const role = t.names.indexOf("role");
  const ve = t.names.indexOf("validator_emission");
  const out: Record<string, bigint> = {};
  for (let row = 0; row < t.rows; row++) {
    const k = String(t.cell(row, role));
    if (k.startsWith("validator")) out[k] = (out[k] ?? 0n) + BigInt(t.cell(row, ve) as bigint);
  }
  return out;
}

describe("built-in yuma-variants", () => {
  const plan = planTasks(loadBuiltin("yuma-variants"));

  it("is one task per variant: chain, yuma1, yuma2, yuma3, yuma3-liquid", () => {
    expect(plan.tasks.map((t) => t.scenario.subnets[0].consensus.variant)).toEqual(["chain", "yuma1", "yuma2", "yuma3", "yuma3-liquid"]);
  });

  it("pays the honest, copier and cabal validators differently under each variant", () => {
    const byVariant = plan.tasks.map((t) => dividendsByRole(executeRun(t, t.scenario)));
    for (const d of byVariant) {
      expect(Object.keys(d).sort()).toEqual(["validator:cabal", "validator:copier", "validator:honest"]);
      for (const v of Object.values(d)) expect(v).toBeGreaterThan(0n);
    }
    const copierShares = byVariant.map((d) => Number(d["validator:copier"]) / Number(d["validator:honest"]));
    expect(new Set(copierShares).size).toBe(5);
  });
});
