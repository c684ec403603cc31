import { describe, expect, it } from "vitest";
import { loadScenarioText } from "../../scenarios/loadScenario.js";
import { taskSeed } from "../rng/streamSeed.js";
import { planTasks, shardTasks } from "./planTasks.js";

const text = 'name: p\nseed: 42\nsweep:\n  "subnets[0].hyperparameters.kappa": [16384, 32767]\nreplicates: 3\n';

describe("planTasks", () => {
  it("orders tasks point-major with index = point * replicates + replicate", () => {
    const plan = planTasks(loadScenarioText(text, "s.yaml"));
    expect(plan.tasks.map((t) => [t.index, t.point, t.replicate])).toEqual([
      [0, 0, 0], [1, 0, 1], [2, 0, 2], [3, 1, 0], [4, 1, 1], [5, 1, 2],
    ]);
    expect(plan.tasks.map((t) => t.scenario.subnets[0].hyperparameters.kappa)).toEqual([16384, 16384, 16384, 32767, 32767, 32767]);
    expect(plan.tasks[3].params).toEqual({ "subnets[0].hyperparameters.kappa": 32767 });
    expect(plan.tasks[0].scenario.sweep).toEqual({ mode: "grid" });
  });

  it("derives each seed from (root seed, point, replicate) only", () => {
    const plan = planTasks(loadScenarioText(text, "s.yaml"));
    expect(plan.tasks[0].seed).toBe(78738537467966); // sha256 of "taosim/rng/1\0task\042\00\00", first 48 bits
    expect(plan.tasks[1].seed).toBe(48179805315078);
    expect(plan.tasks[3].seed).toBe(136292028726776);
    expect(plan.tasks.map((t) => t.seed)).toEqual(plan.tasks.map((t) => taskSeed(42, t.point, t.replicate)));
    const overridden = planTasks(loadScenarioText(text, "s.yaml"), { seed: 7 });
    expect(overridden.rootSeed).toBe(7);
    expect(overridden.tasks[0].seed).toBe(taskSeed(7, 0, 0));
    expect(overridden.tasks[0].scenario.seed).toBe(7);
  });

  it("shards interleave by index and together cover every task once", () => {
    const tasks = planTasks(loadScenarioText(text, "s.yaml")).tasks;
    expect(shardTasks(tasks, 0, 2).map((t) => t.index)).toEqual([0, 2, 4]);
    expect(shardTasks(tasks, 1, 2).map((t) => t.index)).toEqual([1, 3, 5]);
    expect(() => shardTasks(tasks, 2, 2)).toThrow("shard must be i/n with 0 ≤ i < n, got 2/2");
  });

  it("rejects a grid combination that breaks a cross-field rule", () => {
    const bad = 'name: c\nsweep:\n  "subnets[0].hyperparameters.alphaLow": [40000, 55000]\n  "subnets[0].hyperparameters.alphaHigh": [50000, 60000]\n';
    expect(() => planTasks(loadScenarioText(bad, "s.yaml"))).toThrow(
      "s.yaml:2:1: sweep point 2: expected subnets[0].hyperparameters.alphaLow: alphaLow ≤ alphaHigh (50000), found 55000 (with subnets[0].hyperparameters.alphaLow=55000, subnets[0].hyperparameters.alphaHigh=50000)",
    );
  });
});
