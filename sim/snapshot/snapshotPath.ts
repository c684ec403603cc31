// The snapshot file a scenario names (`start: { snapshot }`), resolved against the scenario file's
// folder (or the built-in library's). Kept apart from snapshotScenario.ts: the library loads yaml.
import { isAbsolute, resolve } from "node:path";
import { scenarioBaseDir } from "../../scenarios/library.js";
import type { Scenario } from "../../scenarios/schema.js";

/** The snapshot file a scenario names, resolved against the scenario file's folder. */
export function snapshotPathOf(scenario: Scenario, scenarioFile: string): string | null {
  const p = scenario.start?.snapshot;
  if (p === undefined) return null;
  return isAbsolute(p) ? p : resolve(scenarioBaseDir(scenarioFile), p);
}
