// What `taosim explain` needs from a run folder: its manifest, the scenario it ran (re-read from the same file
// or built-in, which must still hash to the manifest's sha256, then the run's --set overrides) and the planned
// task to re-run. Anything missing or changed is an input error saying what is wrong and what exists.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { applyOverrides } from "../../scenarios/applyOverrides.js";
import { checkScenarioSource } from "../../scenarios/loadScenarioSource.js";
import { ScenarioError } from "../../scenarios/ScenarioError.js";
import type { Scenario } from "../../scenarios/schema.js";
import { TaosimInputError } from "../cli/errors.js";
import { MANIFEST_FORMAT, type RunManifestFile } from "../parallel/manifest.js";
import type { RunSpec } from "../parallel/types.js";
import { planTasks } from "../plan/planTasks.js";

export interface ExplainTask {
  spec: RunSpec;
  scenario: Scenario;
}

const bad = (file: string, path: string, expected: string, found: string): TaosimInputError =>
  new TaosimInputError({ file, path, expected, found, code: "cli-option" });

/** The folder's manifest.json, checked to be a finished run of `taosim run` with a neurons.csv. */
export function readRunManifest(runDir: string): RunManifestFile {
  const what = "a run folder of `taosim run` (manifest.json and neurons.csv)";
  if (!existsSync(runDir) || !statSync(runDir).isDirectory()) throw bad(runDir, "RUNDIR", what, "no such folder");
  const file = join(runDir, "manifest.json");
  if (!existsSync(file)) throw bad(runDir, "RUNDIR", what, "no manifest.json (not a run folder, or the run has not finished)");
  let manifest: RunManifestFile;
  try {
    manifest = JSON.parse(readFileSync(file, "utf8")) as RunManifestFile;
  } catch {
    throw bad(file, "", "a JSON manifest", "text that is not JSON");
  }
  if (manifest.format !== MANIFEST_FORMAT) throw bad(file, "format", `"${MANIFEST_FORMAT}" (a scenario run; studies cannot be explained)`, JSON.stringify(manifest.format));
  if (!existsSync(join(runDir, "neurons.csv"))) throw bad(runDir, "RUNDIR", what, "no neurons.csv (the run sampled no neurons)");
  return manifest;
}

/** The scenario source as `taosim run` was given it: a built-in name or a file path. */
function scenarioSource(file: string): string {
  const builtin = /^<built-in (.+)>$/.exec(file);
  return builtin ? builtin[1] : file;
}

/** Re-plans the run and returns the task to re-run (default: the only task). */
export function resolveTask(manifest: RunManifestFile, manifestFile: string, task: number | undefined): ExplainTask {
  const rows = manifest.tasks.filter((t) => t.status === "ok");
  const indices = rows.map((t) => t.index);
  if (task === undefined && rows.length !== 1) throw bad("<args>", "--task", `one of the run's ${rows.length} tasks: ${listOf(indices)}`, "none given");
  const index = task ?? indices[0];
  const row = rows.find((t) => t.index === index);
  if (row === undefined) throw bad("<args>", "--task", `a task of the run that finished ok: ${listOf(indices)}`, String(index));
  const sc = manifest.scenario;
  const source = scenarioSource(sc.file ?? sc.name);
  const check = checkScenarioSource(source);
  if (!check.ok) throw bad(manifestFile, "scenario.file", `the run's scenario ${JSON.stringify(source)} (sha256 ${sc.sha256}), readable from here`, check.problems[0]?.found ?? "a scenario with problems");
  if (check.loaded.sha256 !== sc.sha256)
    throw bad(manifestFile, "scenario.sha256", `${sc.sha256}: the scenario ${JSON.stringify(source)} as it was run`, `${check.loaded.sha256}: it has changed since the run`);
  const overrides = Array.isArray(sc.overrides) ? (sc.overrides as string[]) : [];
  let loaded = check.loaded;
  try {
    if (overrides.length > 0) loaded = applyOverrides(loaded, overrides);
  } catch (err) {
    if (err instanceof ScenarioError) throw bad(manifestFile, "scenario.overrides", "--set overrides that still apply", err.message);
    throw err;
  }
  const planned = planTasks(loaded, { seed: manifest.seed }).tasks.find((t) => t.index === index);
  if (planned === undefined || planned.seed !== row.seed)
    throw bad(manifestFile, `tasks[${index}].seed`, `${row.seed}, the seed this taosim plans for task ${index}`, planned === undefined ? "no such task in the plan" : String(planned.seed));
  const { scenario, ...spec } = planned;
  return { spec, scenario };
}

/** "0, 1, 2" or "0 … 99 (100)" for long lists. */
export function listOf(values: readonly number[]): string {
  if (values.length === 0) return "none";
  if (values.length <= 12) return values.join(", ");
  return `${values[0]}, ${values[1]}, ${values[2]} … ${values[values.length - 1]} (${values.length})`;
}
