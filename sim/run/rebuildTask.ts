// A task's resolved scenario rebuilt from its ScenarioRef (text + --set overrides + root seed), for
// runners that get no resolved input from the main thread (queue workers, possibly on another
// machine). Parsing loads yaml, zod and mathjs, so the task runner imports this module only then.
// Plans are cached per worker by sha256, root seed and overrides.
import { applyOverrides } from "../../scenarios/applyOverrides.js";
import { loadScenarioText, type LoadedScenario } from "../../scenarios/loadScenario.js";
import type { Scenario } from "../../scenarios/schema.js";
import type { TaskSpec } from "../parallel/types.js";
import { planTasks } from "../plan/planTasks.js";
import { snapshotPathOf } from "../snapshot/snapshotPath.js";
import type { ResolvedTask } from "./taskRunner.js";

const plans = new Map<string, Map<number, Scenario>>(); // cache key → task index → scenario

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

export function rebuildTask(spec: TaskSpec): ResolvedTask {
  const scenario = taskScenarios(spec.scenario).get(spec.index);
  if (scenario === undefined) throw new RangeError(`task ${spec.index} is not in the plan of ${spec.scenario.file}`);
  return { scenario, snapshotFile: snapshotPathOf(scenario, spec.scenario.file) };
}
