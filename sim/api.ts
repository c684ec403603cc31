// The typed library API: `import { runScenario, loadScenario, epoch } from "taosim"`.
// Same behaviour and options as the CLI (both call sim/run); every input problem throws the one
// TaosimInputError (file, line, col, field path, expected, found for each problem) instead of exiting.

import { runScenario as runOrchestrated } from "./run/runScenario.js";
import { parseEpochText } from "./cli/parseEpochText.js";
import { formatEpochResult } from "./cli/formatEpochResult.js";
import { runEpoch, EpochScratch } from "../models/consensus/runEpoch.js";
import { EpochTrace } from "../models/consensus/epochTrace.js";
import type { Arith } from "../models/consensus/types.js";
import type { EpochResult } from "./epochResult.js";

export { loadScenario, loadScenarioText, checkScenarioSource, listBuiltins, loadBuiltin } from "../scenarios/index.js";
export { runEpoch, EpochScratch } from "../models/consensus/runEpoch.js";
export { EpochTrace } from "../models/consensus/epochTrace.js";
export type { EpochTraceJson } from "./cli/formatEpochTrace.js";
export type { EpochInput, EpochOutput, EpochHyperparameters, Arith } from "../models/consensus/types.js";
export { TaosimInputError, type InputProblem, type TaosimInputErrorCode } from "../scenarios/inputError.js";
export type { EpochResult } from "./epochResult.js";

export interface RunScenarioOptions {
  out?: string; // default out/<scenario name>/
  seed?: number;
  workers?: number; // default: available parallelism; 1 = in-process
  set?: string[]; // "path=value" overrides, as --set
  progress?: boolean; // default false: no progress bar on stderr
  /** @deprecated The API prints nothing either way; kept so existing callers compile. */
  quiet?: boolean;
  shard?: string; // "i/n"
  resume?: boolean;
  queue?: string; // redis://HOST:PORT
}

export interface RunScenarioResult {
  exitCode: number; // 0 ok, 1 a task failed
  outDir: string;
  manifest: unknown; // the run's manifest.json
}

/** Runs a scenario file, built-in scenario or built-in study and writes its output folder, like `taosim run`. */
export async function runScenario(source: string, options: RunScenarioOptions = {}): Promise<RunScenarioResult> {
  const { exitCode, outDir, manifest } = await runOrchestrated(source, options); // throws TaosimInputError on bad input
  return { exitCode, outDir, manifest };
}

/** Options of epoch(); an object so new ones can be added. */
export interface EpochOptions {
  /** "exact" (default): the chain's fixed point; "float": the same pipeline in float64. */
  arith?: Arith;
  /** Add each result's `trace` (EpochTraceJson): the epoch's named intermediates, as `taosim epoch --trace`. */
  trace?: boolean;
}

/**
 * One Yuma epoch (or an array) from `taosim.epoch/1` JSON (text or an already parsed value), returning the
 * `taosim.epochResult/1` object(s) exactly as `taosim epoch` prints them; with `trace: true`, each has its
 * `trace` (an `EpochTraceJson`), as `taosim epoch --trace`.
 */
export function epoch<S extends string | object>(state: S, options: EpochOptions = {}): EpochResultOf<S> {
  const text = typeof state === "string" ? state : JSON.stringify(state);
  const { states, isArray } = parseEpochText(text, "<epoch>");
  const scratch = new EpochScratch();
  const trace = options.trace === true ? new EpochTrace() : null;
  const results = states.map((s) => JSON.parse(formatEpochResult(runEpoch(s, options.arith ?? "exact", scratch, { trace }), trace)) as EpochResult);
  return (isArray ? results : results[0]) as EpochResultOf<S>;
}

/** An array of results for an array of states, one result for one state; either for JSON text. */
export type EpochResultOf<S> = S extends string ? EpochResult | EpochResult[] : S extends readonly unknown[] ? EpochResult[] : EpochResult;
