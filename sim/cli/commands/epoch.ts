// `taosim epoch <file|-> [--arith exact|float]`: one Yuma epoch (or an array of them) from chain-level
// state, `taosim.epoch/1` JSON in, `taosim.epochResult/1` JSON out on stdout (interfaces.md).
// Every state is validated before any is run, so a bad input writes nothing to stdout.

import type { Command } from "commander";
import type { Arith, EpochInput, EpochOutput } from "../../../models/consensus/types.js";
import type { EpochTrace } from "../../../models/consensus/epochTrace.js";
import { processContext, type CliContext } from "../context.js";
import { TaosimInputError } from "../errors.js";
import { formatEpochResult } from "../formatEpochResult.js";
import { parseEpochText } from "../parseEpochText.js";
import { readInputText } from "../readInputText.js";

/** The epoch kernel's signature (models/consensus/runEpoch.ts); with `trace`, it records the intermediates there. */
export type EpochKernel = (input: EpochInput, arith: Arith, trace?: EpochTrace | null) => EpochOutput;

export interface EpochCommandOptions {
  arith?: string;
  snapshot?: string;
  netuid?: string;
  block?: string;
  trace?: boolean;
}

export const ARITH_MODES: readonly Arith[] = ["exact", "float"];

/** The real kernel, loaded on first use (keeps `taosim --help` and input errors fast). */
export async function loadEpochKernel(): Promise<EpochKernel> {
  const { runEpoch, EpochScratch } = await import("../../../models/consensus/runEpoch.js");
  const scratch = new EpochScratch(); // reused across the states of one invocation
  return (input, arith, trace) => runEpoch(input, arith, scratch, { trace: trace ?? null });
}

export function register(program: Command, ctx: CliContext = processContext, kernel?: EpochKernel): void {
  program
    .command("epoch")
    .description("run one Yuma epoch (or an array of them) on chain-level state: JSON in, JSON out on stdout")
    .argument("[file]", "a taosim.epoch/1 JSON file (one state or an array), or - for stdin")
    .option("--arith <mode>", "exact (the chain's fixed-point bits) or float (float64)", "exact")
    .option("--snapshot <file>", "instead of <file>: a taosim.snapshot/1 chain state (docs/snapshots.md)")
    .option("--netuid <n>", "with --snapshot: the subnet whose next epoch to run")
    .option("--block <b>", "with --snapshot: the epoch's block (default: lastEpochBlock + tempo)")
    .option("--trace", "add the epoch's named intermediates (raw I32F32 bits) as \"trace\"")
    .action(async (file: string | undefined, options: EpochCommandOptions) => {
      if (file === undefined || options.snapshot !== undefined || options.netuid !== undefined || options.block !== undefined) {
        const { runSnapshotEpochCommand } = await import("./epochSnapshot.js");
        return runSnapshotEpochCommand(file, options, ctx, kernel);
      }
      await runEpochCommand(file, options, ctx, kernel);
    });
}

/** Parses `--arith`; anything but exact/float is an input error. */
export function parseArith(value: string | undefined): Arith {
  const mode = value ?? "exact";
  if ((ARITH_MODES as readonly string[]).includes(mode)) return mode as Arith;
  throw new TaosimInputError({
    path: "--arith",
    expected: ARITH_MODES.join(" or "),
    found: JSON.stringify(mode),
    code: "cli-option",
  });
}

export async function runEpochCommand(
  file: string,
  options: EpochCommandOptions,
  ctx: CliContext,
  kernel?: EpochKernel,
): Promise<void> {
  const arith = parseArith(options.arith);
  const input = await readInputText(file, ctx.io);
  const { states, isArray } = parseEpochText(input.text, input.file);
  const kernelFn = kernel ?? (await loadEpochKernel());
  const trace = options.trace === true ? new (await import("../../../models/consensus/epochTrace.js")).EpochTrace() : null;
  const run = (state: EpochInput): string => formatEpochResult(kernelFn(state, arith, trace), trace);
  if (!isArray) {
    ctx.io.writeOut(`${run(states[0])}\n`);
    return;
  }
  // One result per line, written as it is computed (an array of thousands of states stays small in memory).
  if (states.length === 0) {
    ctx.io.writeOut("[]\n");
    return;
  }
  for (let i = 0; i < states.length; i++) {
    ctx.io.writeOut(`${i === 0 ? "[\n" : ",\n"}${run(states[i])}`);
  }
  ctx.io.writeOut("\n]\n");
}
