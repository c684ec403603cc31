// Loading a run before anything is written: the scenario (file or built-in name), its `--set`
// overrides and its task plan. Every problem is a TaosimInputError (ScenarioError is one), so a bad
// scenario stops the run with nothing on disk.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { applyOverrides } from "../../scenarios/applyOverrides.js";
import { checkScenarioSource } from "../../scenarios/loadScenarioSource.js";
import { ScenarioError } from "../../scenarios/ScenarioError.js";
import type { LoadedScenario } from "../../scenarios/loadScenario.js";
import { durationInBlocks } from "../../scenarios/schema.js";
import type { TaskInputOf, TaskSpec } from "../parallel/types.js";
import { planTasks, type TaskPlan } from "../plan/planTasks.js";
import { loadSnapshotFile } from "../snapshot/loadSnapshot.js";
import { snapshotPathOf } from "../snapshot/snapshotPath.js";
import type { ResolvedTask } from "./taskRunner.js";

export interface PreparedRun {
  loaded: LoadedScenario;
  plan: TaskPlan;
}

/** Loads, overrides and plans; throws a ScenarioError (a TaosimInputError) listing every problem. */
export function prepareRun(source: string, sets: readonly string[], seed: number | undefined): PreparedRun {
  const check = checkScenarioSource(source);
  if (!check.ok) throw new ScenarioError(check.problems);
  const loaded = sets.length > 0 ? applyOverrides(check.loaded, sets) : check.loaded;
  const snapshotFile = snapshotPathOf(loaded.scenario, loaded.file);
  if (snapshotFile !== null) loadSnapshotFile(snapshotFile); // every problem of the snapshot, before anything is written
  return { loaded, plan: planTasks(loaded, { seed }) };
}

/** The task specs sim/parallel runs: the planner's tasks, each carrying the scenario reference. */
export function taskSpecs({ loaded, plan }: PreparedRun): TaskSpec[] {
  const ref = { file: loaded.file, source: loaded.text, sha256: loaded.sha256, rootSeed: plan.rootSeed, overrides: loaded.overrides };
  return plan.tasks.map((t) => ({ index: t.index, point: t.point, replicate: t.replicate, seed: t.seed, params: t.params, scenario: ref }));
}

/** Each task's resolved scenario, handed to the task runner so worker threads parse nothing. */
export function taskInputOf({ loaded, plan }: PreparedRun): TaskInputOf {
  const byIndex = new Map(plan.tasks.map((t) => [t.index, t.scenario]));
  return (spec): ResolvedTask => {
    const scenario = byIndex.get(spec.index);
    if (scenario === undefined) throw new RangeError(`task ${spec.index} is not in the plan of ${loaded.file}`);
    return { scenario, snapshotFile: snapshotPathOf(scenario, loaded.file) };
  };
}

/** `taosim validate`'s one-line summary of what a run would do; throws the input error of a bad scenario. */
export function summarizeScenario(source: string): string {
  const { loaded, plan } = prepareRun(source, [], undefined);
  const s = loaded.scenario;
  const points = plan.points.length;
  return (
    `${loaded.file}: valid: scenario ${s.name}, ${s.subnets.length} subnet${s.subnets.length === 1 ? "" : "s"}, ` +
    `${durationInBlocks(s)} blocks, ${plan.tasks.length} task${plan.tasks.length === 1 ? "" : "s"} ` +
    `(${points} sweep point${points === 1 ? "" : "s"} × ${plan.replicates} replicate${plan.replicates === 1 ? "" : "s"})`
  );
}

/** The runner module workers load (the built .js next to this file, or the .ts source under tsx). */
export function runnerModulePath(): string {
  const js = fileURLToPath(new URL("./taskRunner.js", import.meta.url));
  return existsSync(js) ? js : js.replace(/\.js$/, ".ts");
}
