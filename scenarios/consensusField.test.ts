import { describe, expect, it } from "vitest";
import { VARIANT_NAMES } from "../models/variants/types.js";
import { planTasks } from "../sim/plan/planTasks.js";
import { applyOverrides } from "./applyOverrides.js";
import { CONSENSUS_VARIANTS } from "./fields/consensus.js";
import { checkScenarioText, loadScenarioText } from "./loadScenario.js";
import { formatProblem } from "./ScenarioError.js";

function problems(text: string): string[] {
  const r = checkScenarioText(text, "s.yaml");
  return r.ok ? [] : r.problems.map(formatProblem);
}

describe("subnets[].consensus", () => {
  it("lists chain and every research variant of models/variants", () => {
    expect(CONSENSUS_VARIANTS).toEqual(["chain", ...VARIANT_NAMES]);
  });

  it("defaults to the chain epoch with no variant params", () => {
    expect(loadScenarioText("name: c\n", "s.yaml").scenario.subnets[0].consensus).toEqual({ variant: "chain", params: {} });
  });

  it("keeps a variant and its params as written", () => {
    const s = loadScenarioText("name: c\nsubnets:\n  - consensus: { variant: yuma3-liquid, params: { kappa: 0.6, liquidAlphaConsensusMode: PREVIOUS } }\n", "s.yaml").scenario;
    expect(s.subnets[0].consensus).toEqual({ variant: "yuma3-liquid", params: { kappa: 0.6, liquidAlphaConsensusMode: "PREVIOUS" } });
  });

  it.each([
    ["an unknown variant", "name: x\nsubnets:\n  - consensus: { variant: yuma4 }\n",
      's.yaml:3:27: subnets[0].consensus.variant: expected one of chain, yuma1, yuma2, yuma2b, yuma2c, yuma3, yuma3-liquid, found "yuma4"'],
    ["a misspelt param", "name: x\nsubnets:\n  - consensus: { variant: yuma3, params: { kapa: 0.5 } }\n",
      's.yaml:3:44: subnets[0].consensus.params.kapa: expected a known key (did you mean "kappa"?), found unknown key "kapa"'],
    ["a param out of range", "name: x\nsubnets:\n  - consensus: { params: { kappa: 2 } }\n",
      "s.yaml:3:35: subnets[0].consensus.params.kappa: expected a number from 0 to 1, found 2"],
    ["an unknown consensus implementation", "name: x\nsubnets:\n  - consensus: { params: { consensusImpl: fast } }\n",
      's.yaml:3:43: subnets[0].consensus.params.consensusImpl: expected one of optimized, bisection, found "fast"'],
    ["an unknown variant in a sweep", 'name: x\nsweep:\n  "subnets[0].consensus.variant": [chain, yuma4]\n',
      's.yaml:3:43: sweep["subnets[0].consensus.variant"][1]: expected one of chain, yuma1, yuma2, yuma2b, yuma2c, yuma3, yuma3-liquid, found "yuma4"'],
  ])("reports %s with its position", (_, text, expected) => {
    expect(problems(text)).toEqual([expected]);
  });

  it("sweeps over variants: one task per name, each with its variant resolved", () => {
    const loaded = loadScenarioText('name: s\nsweep:\n  "subnets[0].consensus.variant": [chain, yuma1, yuma3]\n  "subnets[0].consensus.params.kappa": [0.4]\n', "s.yaml");
    const plan = planTasks(loaded);
    expect(plan.tasks.map((t) => t.params)).toEqual([
      { "subnets[0].consensus.variant": "chain", "subnets[0].consensus.params.kappa": 0.4 },
      { "subnets[0].consensus.variant": "yuma1", "subnets[0].consensus.params.kappa": 0.4 },
      { "subnets[0].consensus.variant": "yuma3", "subnets[0].consensus.params.kappa": 0.4 },
    ]);
    expect(plan.tasks.map((t) => t.scenario.subnets[0].consensus)).toEqual([
      { variant: "chain", params: { kappa: 0.4 } },
      { variant: "yuma1", params: { kappa: 0.4 } },
      { variant: "yuma3", params: { kappa: 0.4 } },
    ]);
  });

  it("is settable with --set, and a bad name is reported at the override", () => {
    const base = loadScenarioText("name: o\n", "s.yaml");
    expect(applyOverrides(base, ["subnets[0].consensus.variant=yuma2c"]).scenario.subnets[0].consensus.variant).toBe("yuma2c");
    expect(() => applyOverrides(base, ["subnets[0].consensus.variant=yuma9"])).toThrow(/expected one of chain, yuma1/);
  });
});
