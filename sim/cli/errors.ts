// User-input errors of every taosim command (CLI flags, JSON, YAML, scenario fields).
// Printed as `taosim: <file>:<line>:<col>: <path>: expected <expected>, found <found>`, exit code 2.
// Parts that do not apply (no file, no position, no path) are left out of the message.

/** Exit code of a user-input error (interfaces.md). */
export const INPUT_ERROR_EXIT_CODE = 2;

/** Stable machine-readable kinds of input error. Extend freely; never rename. */
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

export class TaosimInputError extends Error {
  override readonly name = "TaosimInputError";
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly path: string;
  readonly expected: string;
  readonly found: string;
  readonly code: TaosimInputErrorCode;
  readonly exitCode = INPUT_ERROR_EXIT_CODE;

  constructor(init: TaosimInputErrorInit) {
    super(describeInputError(init));
    this.file = init.file ?? "";
    this.line = init.line ?? 0;
    this.col = init.col ?? 0;
    this.path = init.path ?? "";
    this.expected = init.expected;
    this.found = init.found;
    this.code = init.code ?? "input";
  }

  /** The one-line message printed on stderr. */
  format(): string {
    return `taosim: ${this.message}`;
  }
}

/** Several input errors reported at once (e.g. `taosim validate` prints every problem). */
export class TaosimInputErrors extends Error {
  override readonly name = "TaosimInputErrors";
  readonly exitCode = INPUT_ERROR_EXIT_CODE;
  readonly code: TaosimInputErrorCode = "input";

  constructor(readonly errors: readonly TaosimInputError[]) {
    super(errors.map((e) => e.message).join("\n"));
  }

  /** One line per error, in the order given. */
  format(): string {
    return this.errors.map((e) => e.format()).join("\n");
  }
}

/** True for both single and grouped input errors (anything to print with `format()` and exit 2). */
export function isTaosimInputError(err: unknown): err is TaosimInputError | TaosimInputErrors {
  return err instanceof TaosimInputError || err instanceof TaosimInputErrors;
}

function describeInputError(init: TaosimInputErrorInit): string {
  let where = init.file ?? "";
  if (where !== "" && (init.line ?? 0) > 0) {
    where += `:${init.line}`;
    if ((init.col ?? 0) > 0) where += `:${init.col}`;
  }
  const parts: string[] = [];
  if (where !== "") parts.push(where);
  if (init.path) parts.push(init.path);
  parts.push(`expected ${init.expected}, found ${init.found}`);
  return parts.join(": ");
}

/**
 * Thrown by a command that has already printed what it had to say and must end with a specific exit code
 * (e.g. `quote` refused by the chain rules → 3, `run` with a failed task → 1). Not an error to report.
 */
export class CommandExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
    this.name = "CommandExit";
  }
}
