// `taosim explain RUNDIR --netuid N --uid U [--epoch E] [--task T] [--json]`: re-runs the task of a run folder
// up to that epoch with the epoch trace on and prints how the neuron's numbers in neurons.csv came about.
// Exit 0 explained · 1 the re-run does not reproduce the CSV row (printed on stderr) · 2 bad input.
import type { Command } from "commander";
import { processContext, type CliContext } from "../context.js";
import { CommandExit, TaosimInputError } from "../errors.js";

export interface ExplainCommandOptions {
  netuid?: string;
  uid?: string;
  epoch?: string;
  task?: string;
  json?: boolean;
}

export const EXPLAIN_FORMAT = "taosim.explain/1";

function intOption(flag: string, text: string | undefined, required: boolean): number | undefined {
  if (text === undefined) {
    if (required) throw new TaosimInputError({ file: "<args>", path: flag, expected: "an integer ≥ 0", found: "none given", code: "cli-option" });
    return undefined;
  }
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n)) throw new TaosimInputError({ file: "<args>", path: flag, expected: "an integer ≥ 0", found: JSON.stringify(text), code: "cli-option" });
  return n;
}

export async function runExplainCommand(runDir: string, opts: ExplainCommandOptions, ctx: CliContext): Promise<void> {
  const req = {
    runDir,
    netuid: intOption("--netuid", opts.netuid, true) as number,
    uid: intOption("--uid", opts.uid, true) as number,
    epoch: intOption("--epoch", opts.epoch, false),
    task: intOption("--task", opts.task, false),
  };
  const { explainRun } = await import("../../explain/explainRun.js");
  const { formatExplanation } = await import("../../explain/formatExplanation.js");
  const got = await explainRun(req);
  const h = got.heading;
  if (got.mismatches.length > 0) {
    const cells = got.mismatches.map((m) => `${m.column}: csv ${m.csv}, re-run ${m.rerun}`).join("; ");
    ctx.io.writeErr(`taosim: explain: the re-run of task ${h.task} does not reproduce the neurons.csv row of netuid ${h.netuid}, epoch ${h.epoch}, uid ${req.uid} (${cells}); the run folder was made by another taosim or was edited\n`);
    throw new CommandExit(1);
  }
  if (opts.json === true) {
    const { csvAlphaStake: _inRow, ...where } = h; // the row has it
    ctx.io.writeOut(`${JSON.stringify({ format: EXPLAIN_FORMAT, run: runDir, ...where, reproduced: true, row: got.row, ...got.explanation }, null, 2)}\n`);
    return;
  }
  ctx.io.writeOut(formatExplanation(h, got.explanation));
  ctx.io.writeOut(`\nThe re-run reproduces this neurons.csv row exactly (${Object.keys(got.row).length} cells).\n`);
}

export function register(program: Command, ctx: CliContext = processContext): void {
  program
    .command("explain")
    .description("re-run a task of a run folder to one epoch and explain how one neuron's numbers came about")
    .argument("<rundir>", "a run folder of `taosim run`")
    .option("--netuid <n>", "the subnet (as in neurons.csv)")
    .option("--uid <u>", "the neuron's uid")
    .option("--epoch <e>", "the epoch (default: the last one in neurons.csv)")
    .option("--task <t>", "the task (default: the run's only task)")
    .option("--json", "print the derivation as JSON data")
    .action(async (runDir: string, opts: ExplainCommandOptions) => {
      await runExplainCommand(runDir, opts, ctx);
    });
}
