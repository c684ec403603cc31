// The typed library API: `import { runScenario, loadScenario, epoch } from "taosim"`.
// Same behaviour and options as the CLI; input problems throw TaosimInputError(s) instead of exiting.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CliContext } from "./cli/context.js";
import { checkScenarioSource } from "../scenarios/index.js";
import { runCommand, type RunCommandOptions } from "./cli/commands/run.js";
import { parseEpochText } from "./cli/parseEpochText.js";
import { formatEpochResult } from "./cli/formatEpochResult.js";
import { runEpoch, EpochScratch } from "../models/consensus/runEpoch.js";
import { EpochTrace } from "../models/consensus/epochTrace.js";
import type { Arith } from "../models/consensus/types.js";

export { loadScenario, loadScenarioText, checkScenarioSource, listBuiltins, loadBuiltin } from "../scenarios/index.js";
export { runEpoch, EpochScratch } from "../models/consensus/runEpoch.js";
export { EpochTrace } from "../models/consensus/epochTrace.js";
export type { EpochTraceJson } from "./cli/formatEpochTrace.js";
export type { EpochInput, EpochOutput, EpochHyperparameters, Arith } from "../models/consensus/types.js";
export { TaosimInputError, TaosimInputErrors } from "./cli/errors.js";

export interface RunScenarioOptions {
  out?: string; // default out/<scenario name>/
  seed?: number;
  workers?: number; // default: available parallelism; 1 = in-process
  set?: string[]; // "path=value" overrides, as --set
  quiet?: boolean; // default true here: no progress bar, no summary line
  shard?: string; // "i/n"
  resume?: boolean;
  queue?: string; // redis://HOST:PORT
}

export interface RunScenarioResult {
  exitCode: number; // 0 ok, 1 a task failed
  outDir: string;
  manifest: unknown; // the run's manifest.json
}

/** Runs a scenario file or built-in name and writes its output folder, like `taosim run`. */
export async function runScenario(source: string, options: RunScenarioOptions = {}): Promise<RunScenarioResult> {
  const opts: RunCommandOptions = {
    out: options.out,
    seed: options.seed === undefined ? undefined : String(options.seed),
    workers: options.workers === undefined ? undefined : String(options.workers),
    set: options.set ?? [],
    quiet: options.quiet ?? true,
    shard: options.shard,
    resume: options.resume,
    queue: options.queue,
  };
  const silent: CliContext = { io: { writeOut: () => {}, writeErr: () => {}, readStdin: async () => "" } };
  const exitCode = await runCommand(source, opts, silent); // throws TaosimInputError(s) on bad input
  const check = checkScenarioSource(source);
  const outDir = options.out ?? join("out", check.ok ? check.loaded.scenario.name : source);
  const manifest: unknown = JSON.parse(readFileSync(join(outDir, "manifest.json"), "utf8"));
  return { exitCode, outDir, manifest };
}

/**
 * One Yuma epoch (or an array) from `taosim.epoch/1` JSON (text or an already parsed value), returning the
 * `taosim.epochResult/1` object(s) exactly as `taosim epoch` prints them; with `trace: true`, each has its
 * `trace` (an `EpochTraceJson`), as `taosim epoch --trace`.
 */
export function epoch(state: string | object, options: { arith?: Arith; trace?: boolean } = {}): unknown {
  const text = typeof state === "string" ? state : JSON.stringify(state);
  const { states, isArray } = parseEpochText(text, "<epoch>");
  const scratch = new EpochScratch();
  const trace = options.trace === true ? new EpochTrace() : null;
  const results = states.map((s) => JSON.parse(formatEpochResult(runEpoch(s, options.arith ?? "exact", scratch, { trace }), trace)) as unknown);
  return isArray ? results : results[0];
}
