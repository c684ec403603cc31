import { describe, expect, it } from "vitest";
import { applyOverrides } from "./applyOverrides.js";
import { loadScenarioText } from "./loadScenario.js";
import { formatProblem, ScenarioError } from "./ScenarioError.js";
import { expandSweep } from "./sweep.js";

const load = (text: string) => loadScenarioText(text, "s.yaml");

describe("expandSweep", () => {
  it("grid is the cartesian product with the first key slowest", () => {
    const s = load('name: g\nsweep:\n  "subnets[0].tempo": [100, 200]\n  "subnets[0].hyperparameters.kappa": [1, 2, 3]\n').scenario;
    const pts = expandSweep(s).map((p) => p.assignments.map((a) => a.value));
    expect(pts).toEqual([[100, 1], [100, 2], [100, 3], [200, 1], [200, 2], [200, 3]]);
  });

  it("zip pairs the i-th values", () => {
    const s = load('name: z\nsweep:\n  mode: zip\n  "subnets[0].tempo": [100, 200]\n  "subnets[0].hyperparameters.yuma3": [false, true]\n').scenario;
    expect(expandSweep(s).map((p) => p.assignments.map((a) => a.value))).toEqual([[100, false], [200, true]]);
  });

  it("no sweep is one point without assignments", () => {
    expect(expandSweep(load("name: n\n").scenario)).toEqual([{ index: 0, assignments: [] }]);
  });
});

describe("applyOverrides (--set)", () => {
  const base = load("name: o\nduration: { days: 3 }\nsweep:\n  \"subnets[0].tempo\": [100, 200]\n");

  it("sets fields, replaces exclusive duration keys, and removes a swept path from the sweep", () => {
    const o = applyOverrides(base, ["duration.epochs=5", "replicates=2", "subnets[0].tempo=50", "subnets[0].hyperparameters.kappa=1000"]);
    expect(o.scenario.duration).toEqual({ epochs: 5 });
    expect(o.scenario.replicates).toBe(2);
    expect(o.scenario.subnets[0].tempo).toBe(50);
    expect(o.scenario.subnets[0].hyperparameters.kappa).toBe(1000);
    expect(o.scenario.sweep).toEqual({ mode: "grid" });
    expect(o.overrides).toEqual(["duration.epochs=5", "replicates=2", "subnets[0].tempo=50", "subnets[0].hyperparameters.kappa=1000"]);
  });

  it("reaches into lists the file leaves out (their defaults)", () => {
    const o = applyOverrides(base, ["subnets[0].validators[0].count=3", 'subnets[0].miners[0].quality="0.5 + 0.1 * u"']);
    expect(o.scenario.subnets[0].validators[0].count).toBe(3);
    expect(o.scenario.subnets[0].miners[0]).toMatchObject({ count: 24, quality: "0.5 + 0.1 * u" });
  });

  it("reports bad paths and values as --set:<n>:<col>, all at once", () => {
    try {
      applyOverrides(base, ["subnets[0].hyperparameters.kapa=1", "subnets[0].tempo=x", "replicates", "subnets[0].miners[0].quality=random()"]);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ScenarioError);
      expect((err as ScenarioError).problems.map(formatProblem)).toEqual([
        '--set:1:1: subnets[0].hyperparameters.kapa: expected a path to a scenario field, found subnets[0].hyperparameters.kapa (did you mean "kappa"?)',
        '--set:2:18: subnets[0].tempo: expected an integer from 1 to 65535, found "x"',
        '--set:3:1: replicates: expected path=value, found "replicates"',
        "--set:4:30: subnets[0].miners[0].quality: expected an expression without the forbidden function, found random()",
      ]);
    }
  });
});
