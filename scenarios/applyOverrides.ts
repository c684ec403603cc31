// `--set path=value`: overrides one field of a loaded scenario, with the path syntax of `sweep` and
// the value parsed as YAML (`5`, `true`, `"0.5 + u"`, `[1, 2]`). The result is validated like the
// file. A swept path that is set is removed from the sweep (the override wins). Problems are located
// as `--set:<n>:<col>` (n = the override's position, col = the column inside `path=value`).
import { parse as parseYaml } from "yaml";
import { formatFieldPath, parseFieldPath } from "./fieldPath.js";
import { scenarioObjectSchema } from "./fields/scenarioObject.js";
import type { LoadedScenario } from "./loadScenario.js";
import { ScenarioError, type ScenarioProblem } from "./ScenarioError.js";
import { didYouMean, schemaAt } from "./schemaAt.js";
import { setScenarioField } from "./sweep.js";
import { validateScenarioData } from "./validateScenarioData.js";

const FILE = "--set";

function problem(n: number, col: number, path: string, expected: string, found: string): ScenarioProblem {
  return { file: FILE, line: n, col, path, expected, found };
}

/** Applies every override in order; throws a ScenarioError listing every problem. */
export function applyOverrides(loaded: LoadedScenario, sets: readonly string[]): LoadedScenario {
  let raw = loaded.raw;
  let scenario = loaded.scenario;
  const problems: ScenarioProblem[] = [];
  sets.forEach((arg, i) => {
    const n = i + 1;
    const eq = arg.indexOf("=");
    if (eq <= 0) {
      problems.push(problem(n, 1, arg, "path=value", JSON.stringify(arg)));
      return;
    }
    const key = arg.slice(0, eq);
    const path = parseFieldPath(key);
    if (path === null) {
      problems.push(problem(n, 1, key, "a field path like subnets[0].hyperparameters.kappa", JSON.stringify(key)));
      return;
    }
    const walk = schemaAt(scenarioObjectSchema, path, scenario);
    if (!walk.ok || path[0] === "sweep") {
      const failedAt = walk.ok ? 0 : walk.failedAt;
      const seg = path[failedAt];
      const hint = !walk.ok && typeof seg === "string" ? didYouMean(seg, walk.knownKeys) : null;
      const why = hint ? ` (did you mean "${hint}"?)` : "";
      problems.push(problem(n, 1, key, "a path to a scenario field", `${formatFieldPath(path.slice(0, failedAt + 1))}${why}`));
      return;
    }
    let value: unknown;
    try {
      value = parseYaml(arg.slice(eq + 1));
    } catch (err) {
      problems.push(problem(n, eq + 2, key, "a YAML value", (err as Error).message.split("\n")[0]));
      return;
    }
    const set = setScenarioField(raw, scenario, path, value);
    if (!("root" in set)) {
      problems.push(problem(n, 1, key, "a path to a scenario field", formatFieldPath(path.slice(0, set.failedAt + 1))));
      return;
    }
    const next = set.root as Record<string, unknown>;
    const sweep = next.sweep as Record<string, unknown> | undefined;
    if (sweep && typeof sweep === "object") {
      for (const k of Object.keys(sweep)) if (k !== "mode" && formatFieldPath(parseFieldPath(k) ?? []) === formatFieldPath(path)) delete sweep[k];
    }
    const check = validateScenarioData(next);
    if (!check.ok) {
      for (const p of check.problems) problems.push(problem(n, eq + 2, formatFieldPath(p.path), p.expected, p.found));
      return;
    }
    raw = next;
    scenario = check.scenario;
  });
  if (problems.length > 0) throw new ScenarioError(problems);
  return { ...loaded, raw, scenario, overrides: [...loaded.overrides, ...sets] };
}
