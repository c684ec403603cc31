// The CLI's errors: the one input error (sim/inputError.ts, re-exported here) and CommandExit.
export {
  INPUT_ERROR_EXIT_CODE, TaosimInputError, isTaosimInputError, type InputProblem, type TaosimInputErrorCode, type TaosimInputErrorInit,
} from "../../scenarios/inputError.js";
import { TaosimInputError } from "../../scenarios/inputError.js";

/** @deprecated The same class as TaosimInputError, whose constructor takes several problems; kept so old call sites compile. */
export const TaosimInputErrors = TaosimInputError;
/** @deprecated Use TaosimInputError. */
export type TaosimInputErrors = TaosimInputError;

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
