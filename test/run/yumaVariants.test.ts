// The built-in `yuma-variants` scenario: one subnet swept over consensus.variant with honest
// validators, copiers and a cabal. The directions asserted follow from the rules, not from a past run:
// clipping starves a sub-kappa cabal under every variant, and Yuma 3's bonds pay late agreement less.
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

  // Stake shares of the three groups in the scenario (validators: honest 0.6, copiers 0.15, cabal 0.25).
  const STAKE = { "validator:honest": 0.6, "validator:copier": 0.15, "validator:cabal": 0.25 } as const;
  const runs = () => plan.tasks.map((t) => ({ variant: t.scenario.subnets[0].consensus.variant, d: dividendsByRole(executeRun(t, t.scenario)) }));
  let cached: ReturnType<typeof runs> | undefined;
  const byVariant = () => (cached ??= runs());
  /** A group's share of all validator dividends divided by its stake share (1 = paid in proportion to stake). */
  const perStake = (d: Record<string, bigint>, role: keyof typeof STAKE) => {
    const total = Object.values(d).reduce((a, b) => a + b, 0n);
    return Number(d[role]) / Number(total) / STAKE[role];
  };

  it("pays the honest, copier and cabal validators under each variant, and differently across variants", () => {
    for (const { d } of byVariant()) {
      expect(Object.keys(d).sort()).toEqual(["validator:cabal", "validator:copier", "validator:honest"]);
      for (const v of Object.values(d)) expect(v).toBeGreaterThan(0n);
    }
    const copierShares = byVariant().map(({ d }) => Number(d["validator:copier"]) / Number(d["validator:honest"]));
    expect(new Set(copierShares).size).toBe(5);
  });

  it("pays the cabal less per unit of stake than the honest majority and the copiers, under every variant", () => {
    // The cabal (25 % < kappa = 50 %) puts 90 % of its weight on miners the majority rates low: consensus
    // clips those weights (min(W, C)), so its rank contribution, bonds and dividends fall below its stake
    // share; the copiers' weights are last epoch's consensus, which clipping leaves almost whole.
    for (const { variant, d } of byVariant()) {
      const cabal = perStake(d, "validator:cabal");
      expect(cabal, variant).toBeLessThan(1);
      expect(cabal, variant).toBeLessThan(perStake(d, "validator:honest"));
      expect(cabal, variant).toBeLessThan(perStake(d, "validator:copier"));
    }
  });

  it("pays the one-epoch-late copiers less under Yuma 3 than under Yuma 1 and 2", () => {
    // Yuma 3's bonds (spec/yuma-variants.md §3) are a stake-free per-cell EMA of the validator's own weights,
    // so following the consensus one epoch late leaves smaller bonds on the servers whose incentive has just
    // risen; Yuma 1/2 bonds are stake shares of the clipped weights, where arriving late costs little.
    const share = (v: string) => {
      const run = byVariant().find((r) => r.variant === v);
      if (run === undefined) throw new Error(`no ${v} task`);
      return perStake(run.d, "validator:copier");
    };
    expect(share("yuma3")).toBeLessThan(share("yuma1"));
    expect(share("yuma3")).toBeLessThan(share("yuma2"));
    expect(share("yuma3-liquid")).toBeLessThan(share("yuma2"));
  });
});
