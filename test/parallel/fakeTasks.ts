// Builds a planner-like ordered task list (sweep points × replicates) for the fake runner.
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import type { RunHeader } from "../../sim/parallel/RunHeader.js";
import type { ScenarioRef, TaskSpec } from "../../sim/parallel/types.js";

export const FAKE_RUNNER = fileURLToPath(new URL("./fakeRunner.ts", import.meta.url));

export interface FakeSweep {
  points?: number;
  replicates?: number;
  rootSeed?: number;
  scenario?: Record<string, unknown>;
}

export function fakeScenario(sweep: FakeSweep = {}): ScenarioRef {
  const source = JSON.stringify(sweep.scenario ?? { rows: 5 });
  return { file: "fake.json", source, sha256: createHash("sha256").update(source).digest("hex"), rootSeed: sweep.rootSeed ?? 7, overrides: [] };
}

export function fakeTasks(sweep: FakeSweep = {}): TaskSpec[] {
  const scenario = fakeScenario(sweep);
  const points = sweep.points ?? 3;
  const replicates = sweep.replicates ?? 2;
  const tasks: TaskSpec[] = [];
  for (let point = 0; point < points; point++) {
    for (let replicate = 0; replicate < replicates; replicate++) {
      const seed = Number.parseInt(createHash("sha256").update(`${scenario.rootSeed}/${point}/${replicate}`).digest("hex").slice(0, 12), 16);
      tasks.push({ index: tasks.length, point, replicate, seed, params: { k: (point + 1) * 1.5 }, scenario });
    }
  }
  return tasks;
}

export function fakeHeader(tasks: readonly TaskSpec[]): RunHeader {
  const scenario = tasks[0].scenario;
  return { scenario: { name: "fake", file: scenario.file, sha256: scenario.sha256 }, seed: scenario.rootSeed, versions: { node: "test" } };
}
