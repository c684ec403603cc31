// The runner input the main thread makes for each task (its resolved scenario and snapshot file) is
// what a worker without it (a queue worker) rebuilds from the task's ScenarioRef, and it crosses to a
// worker thread intact (structured clone). Every built-in scenario, with a sweep and overrides on one.
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { builtinNames } from "../../scenarios/library.js";
import { prepareRun, taskInputOf, taskSpecs } from "../../sim/run/prepareRun.js";
import { rebuildTask } from "../../sim/run/rebuildTask.js";

const CASES: [string, string[]][] = [
  ...builtinNames().map((name): [string, string[]] => [name, []]),
  ["default", ["replicates=3", "subnets[0].tempo=99"]],
];

describe("resolved task input", () => {
  it.each(CASES)("%s %j: equals the rebuilt task and survives structured clone", (name, sets) => {
    const prepared = prepareRun(name, sets, 11);
    const inputOf = taskInputOf(prepared);
    const specs = taskSpecs(prepared);
    expect(specs.length).toBeGreaterThan(0);
    for (const spec of specs) {
      const input = inputOf(spec);
      expect(isDeepStrictEqual(input, rebuildTask(spec))).toBe(true);
      expect(isDeepStrictEqual(structuredClone(input), input)).toBe(true);
    }
  });

  it("carries each task's own sweep point (yuma2-vs-yuma3: point 0 runs Yuma2, point 1 Yuma3)", () => {
    const prepared = prepareRun("yuma2-vs-yuma3", [], 3);
    const inputOf = taskInputOf(prepared);
    const yuma3 = taskSpecs(prepared).map((spec) => {
      const input = inputOf(spec) as { scenario: { subnets: { hyperparameters: { yuma3: boolean } }[] } };
      return [spec.point, input.scenario.subnets[0].hyperparameters.yuma3];
    });
    expect(yuma3).toEqual([[0, false], [0, false], [0, false], [1, true], [1, true], [1, true]]);
  });
});
