// The one user-input error of taosim (CLI flags, JSON, YAML, scenario fields, study settings): every
// input problem the CLI or the library API reports is a TaosimInputError carrying one or more problems,
// each with file:line:col, field path, expected and found. The CLI prints one line per problem,
// `taosim: <file>:<line>:<col>: <path>: expected <expected>, found <found>`, and exits 2.
// A leaf module (no imports), so scenarios/, sim/ and the API can all throw it.

/** Exit code of a user-input error (interfaces.md). */
export const INPUT_ERROR_EXIT_CODE = 2;

/** Stable machine-readable kinds of input problem. Extend freely; never rename. */
export type TaosimInputErrorCode =
  | "input" // generic
  | "cli-option" // a bad command-line flag or argument
  | "file-read" // a file that cannot be read
  | "json-syntax" // malformed JSON
  | "epoch-input" // a JSON epoch state that is well formed but invalid
  | "scenario" // a scenario file that is invalid
  | (string & {});

export interface TaosimInputErrorInit {
  /** File name as the user gave it (`<stdin>` for standard input); empty when no file is involved. */
  file?: string;
  /** 1-based line; 0 or absent when unknown. */
  line?: number;
  /** 1-based column (UTF-16 code units); 0 or absent when unknown. */
  col?: number;
  /** Field path such as `[4].weights[3][1]` or `--arith`; empty for the whole input. */
  path?: string;
  expected: string;
  found: string;
  code?: TaosimInputErrorCode;
}

/** One problem, every part filled in (0 / "" where it does not apply). */
export interface InputProblem {
  file: string;
  line: number;
  col: number;
  path: string;
  expected: string;
  found: string;
  code: TaosimInputErrorCode;
}

export class TaosimInputError extends Error {
  override readonly name: string = "TaosimInputError";
  readonly exitCode = INPUT_ERROR_EXIT_CODE;
  /** Every problem found, in the order reported (at least one). */
  readonly problems: readonly InputProblem[];
  /** The first problem's parts (the only one, usually). */
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly path: string;
  readonly expected: string;
  readonly found: string;
  readonly code: TaosimInputErrorCode;

  /** One problem, or several reported at once (e.g. `taosim validate` prints every problem). */
  constructor(init: TaosimInputErrorInit | readonly (TaosimInputErrorInit | TaosimInputError)[]) {
    const problems = (Array.isArray(init) ? init : [init]).flatMap((p: TaosimInputErrorInit | TaosimInputError) =>
      p instanceof TaosimInputError ? p.problems : [toProblem(p)],
    );
    super(problems.map(describeProblem).join("\n"));
    this.problems = problems;
    const first = problems[0] ?? toProblem({ expected: "valid input", found: "a problem" });
    this.file = first.file;
    this.line = first.line;
    this.col = first.col;
    this.path = first.path;
    this.expected = first.expected;
    this.found = first.found;
    this.code = first.code;
  }

  /** The lines printed on stderr, one per problem. */
  format(): string {
    return this.problems.map((p) => `taosim: ${describeProblem(p)}`).join("\n");
  }
}

/** True for every input error (anything to print with `format()` and exit 2). */
export function isTaosimInputError(err: unknown): err is TaosimInputError {
  return err instanceof TaosimInputError;
}

function toProblem(init: TaosimInputErrorInit): InputProblem {
  return {
    file: init.file ?? "", line: init.line ?? 0, col: init.col ?? 0, path: init.path ?? "",
    expected: init.expected, found: init.found, code: init.code ?? "input",
  };
}

/** `file:line:col: path: expected …, found …`, leaving out the parts that do not apply. */
export function describeProblem(p: TaosimInputErrorInit): string {
  let where = p.file ?? "";
  if (where !== "" && (p.line ?? 0) > 0) {
    where += `:${p.line}`;
    if ((p.col ?? 0) > 0) where += `:${p.col}`;
  }
  const parts: string[] = [];
  if (where !== "") parts.push(where);
  if (p.path) parts.push(p.path);
  parts.push(`expected ${p.expected}, found ${p.found}`);
  return parts.join(": ");
}
