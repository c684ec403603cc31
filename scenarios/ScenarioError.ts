// Problems found in a scenario: each with its position in the file, the field path and
// "expected …, found …". A ScenarioError is a TaosimInputError (code "scenario"; exit 2 in the CLI).
import { TaosimInputError, type InputProblem } from "./inputError.js";

/** One problem of a scenario: an input problem without its code (always "scenario"). */
export type ScenarioProblem = Omit<InputProblem, "code">;

/** `file:line:col: path: expected …, found …` (the CLI prefixes `taosim: `). */
export function formatProblem(p: ScenarioProblem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.path}: expected ${p.expected}, found ${p.found}`;
}

/** Sorts problems by position, then path, so every run prints them in one order. */
export function sortProblems(problems: readonly ScenarioProblem[]): ScenarioProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.col - b.col || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A scenario that cannot be used, with every problem found: the one input error, code "scenario". */
export class ScenarioError extends TaosimInputError {
  constructor(problems: readonly ScenarioProblem[]) {
    super(problems.map((p) => ({ ...p, code: "scenario" })));
  }
}
