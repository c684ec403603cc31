// The task runner module sim/parallel loads in each worker (`runTask(spec)`): rebuilds the task's
// scenario from its ScenarioRef (text + --set overrides, cached per worker by sha256), runs it with
// executeRun and hands back each table as a header and UTF-8 CSV rows (a transferable typed array).
import { applyOverrides } from "../../scenarios/applyOverrides.js";
import { loadScenarioText, type LoadedScenario } from "../../scenarios/loadScenario.js";
import type { Scenario } from "../../scenarios/schema.js";
import type { TaskResult, TaskSpec } from "../parallel/types.js";
import { planTasks } from "../plan/planTasks.js";
import { executeRun } from "./runTask.js";
import { loadSnapshotFile } from "../snapshot/loadSnapshot.js";
import type { Snapshot } from "../snapshot/snapshotSchema.js";
import { snapshotPathOf } from "../snapshot/snapshotScenario.js";
import { csvHeader, csvRows } from "./tableCsv.js";

const encoder = new TextEncoder();
const plans = new Map<string, Map<number, Scenario>>(); // per worker: cache key → task index → scenario

/** The resolved scenario of each task index of a scenario reference. */
function taskScenarios(ref: TaskSpec["scenario"]): Map<number, Scenario> {
  const key = `${ref.sha256}\0${ref.rootSeed}\0${ref.overrides.join("\0")}`;
  let byIndex = plans.get(key);
  if (byIndex === undefined) {
    let loaded: LoadedScenario = loadScenarioText(ref.source, ref.file);
    if (ref.overrides.length > 0) loaded = applyOverrides(loaded, ref.overrides);
    byIndex = new Map(planTasks(loaded, { seed: ref.rootSeed }).tasks.map((t) => [t.index, t.scenario]));
    plans.set(key, byIndex);
  }
  return byIndex;
}

const snapshots = new Map<string, Snapshot>(); // per worker: file → loaded snapshot

function cachedSnapshot(file: string): Snapshot {
  let s = snapshots.get(file);
  if (s === undefined) snapshots.set(file, (s = loadSnapshotFile(file)));
  return s;
}

export async function runTask(spec: TaskSpec): Promise<TaskResult> {
  const scenario = taskScenarios(spec.scenario).get(spec.index);
  if (scenario === undefined) throw new RangeError(`task ${spec.index} is not in the plan of ${spec.scenario.file}`);
  const snapshotFile = snapshotPathOf(scenario, spec.scenario.file);
  const result = executeRun(spec, scenario, snapshotFile === null ? {} : { snapshot: cachedSnapshot(snapshotFile) });
  return {
    tables: Object.entries(result.tables).map(([name, table]) => ({
      name,
      header: csvHeader(table),
      rows: encoder.encode(csvRows(table)),
    })),
  };
}

export default runTask;
