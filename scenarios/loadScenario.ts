// Reads a scenario file: YAML (with node positions) → zod → resolved Scenario. Every problem is
// reported with file:line:col, the field path and expected/found, all at once (ScenarioError).
// Each sweep value is checked too, as if it were written in its field.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { LineCounter, parseDocument, type Document } from "yaml";
import { formatFieldPath, parseFieldPath } from "./fieldPath.js";
import { ScenarioError, sortProblems, type ScenarioProblem } from "./ScenarioError.js";
import type { Scenario } from "./schema.js";
import { validateScenarioData } from "./validateScenarioData.js";
import { positionOf } from "./yamlPositions.js";
import { setAtPath } from "./fieldPath.js";
import { scenarioObjectSchema } from "./fields/scenarioObject.js";
import { defaultInputAt } from "./schemaAt.js";

/** A valid scenario and where it came from. */
export interface LoadedScenario {
  file: string;
  text: string;
  /** sha256 of the file's text (hex). */
  sha256: string;
  /** The document as plain data, before defaults (sweeps and --set apply to this). */
  raw: unknown;
  /** With every default filled in. */
  scenario: Scenario;
  /** `--set` overrides applied, in order (see applyOverrides). */
  overrides: readonly string[];
}

export type ScenarioCheck =
  | { ok: true; loaded: LoadedScenario }
  | { ok: false; problems: ScenarioProblem[] };

function yamlProblems(doc: Document, file: string): ScenarioProblem[] {
  return doc.errors.map((e) => {
    const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
    const what = e.message.split(" at line ")[0].split("\n")[0];
    return { file, line: pos.line, col: pos.col, path: "(yaml)", expected: "valid YAML", found: `${what} [${e.code}]` };
  });
}

function sweepValueProblems(raw: unknown, scenario: Scenario, doc: Document, lc: LineCounter, file: string): ScenarioProblem[] {
  const out: ScenarioProblem[] = [];
  for (const [key, values] of Object.entries(scenario.sweep)) {
    if (key === "mode" || !Array.isArray(values)) continue;
    const path = parseFieldPath(key);
    if (path === null) continue;
    values.forEach((value, k) => {
      const set = setAtPath(raw, path, value, (prefix) => defaultInputAt(scenarioObjectSchema, prefix, scenario));
      if (!("root" in set)) return;
      const check = validateScenarioData(set.root);
      if (check.ok) return;
      const pos = positionOf(doc, lc, ["sweep", key, k]);
      for (const p of check.problems) {
        const where = formatFieldPath(p.path);
        const found = where === key ? p.found : `${p.found} (at ${where})`;
        out.push({ file, ...pos, path: formatFieldPath(["sweep", key, k]), expected: p.expected, found });
      }
    });
  }
  return out;
}

/** Drops "exactly one of …, found none" on an object that also has an unknown key (the key says it all). */
function withoutEchoes(problems: ScenarioProblem[]): ScenarioProblem[] {
  return problems.filter(
    (p) =>
      !(p.expected.startsWith("exactly one of") && p.found === "none") ||
      !problems.some((q) => q.found.startsWith("unknown key") && q.path.startsWith(`${p.path}.`)),
  );
}

/** Checks scenario text; never throws for bad input. */
export function checkScenarioText(text: string, file: string): ScenarioCheck {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) return { ok: false, problems: yamlProblems(doc, file) };
  if (doc.contents === null) {
    return { ok: false, problems: [{ file, line: 1, col: 1, path: "(file)", expected: "a scenario mapping", found: "an empty document" }] };
  }
  const raw: unknown = doc.toJS({ maxAliasCount: 1000 });
  const check = validateScenarioData(raw);
  if (!check.ok) {
    const problems = check.problems.map((p) => ({
      file,
      ...positionOf(doc, lc, p.path, p.atKey),
      path: p.path.length === 0 ? "(root)" : formatFieldPath(p.path),
      expected: p.expected,
      found: p.found,
    }));
    return { ok: false, problems: sortProblems(withoutEchoes(problems)) };
  }
  const sweepProblems = sweepValueProblems(raw, check.scenario, doc, lc, file);
  if (sweepProblems.length > 0) return { ok: false, problems: sortProblems(sweepProblems) };
  const sha256 = createHash("sha256").update(text).digest("hex");
  return { ok: true, loaded: { file, text, sha256, raw, scenario: check.scenario, overrides: [] } };
}

/** Loads scenario text or throws a ScenarioError listing every problem. */
export function loadScenarioText(text: string, file: string): LoadedScenario {
  const check = checkScenarioText(text, file);
  if (!check.ok) throw new ScenarioError(check.problems);
  return check.loaded;
}

/** Reads a file as scenario text; a missing file or a directory is a problem, not a crash. */
export function readScenarioFile(file: string): { ok: true; text: string } | { ok: false; problems: ScenarioProblem[] } {
  try {
    return { ok: true, text: readFileSync(file, "utf8") };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "unknown error";
    const found = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a directory" : code === "EACCES" ? "a file without read permission" : code;
    return { ok: false, problems: [{ file, line: 1, col: 1, path: "(file)", expected: "a readable scenario file", found }] };
  }
}

/** Checks a scenario file; never throws for bad input. */
export function checkScenarioFile(file: string): ScenarioCheck {
  const read = readScenarioFile(file);
  return read.ok ? checkScenarioText(read.text, file) : read;
}

/** Loads a scenario file or throws a ScenarioError listing every problem. */
export function loadScenario(file: string): LoadedScenario {
  const check = checkScenarioFile(file);
  if (!check.ok) throw new ScenarioError(check.problems);
  return check.loaded;
}
