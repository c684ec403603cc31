// `taosim run <scenario.yaml | built-in name | study> [--out DIR] [--seed N] [--workers N] [--set path=value]…
// [--quiet] [--ops] [--shard i/n] [--resume] [--queue URL]`: parses the flags and calls sim/run's runScenario
// (the same orchestration as the library API), then prints the summary. Exit 2 on bad input (nothing
// written), 1 when a task failed (the others are still written and the failure is in the manifest).
// The orchestration is imported when the command runs, so other commands start without it.
import { join } from "node:path";
import type { Command } from "commander";
import type { RunOutcome } from "../../run/runScenario.js";
import { processContext, type CliContext } from "../context.js";
import { CommandExit, TaosimInputError } from "../errors.js";

export interface RunCommandOptions {
  out?: string;
  seed?: string;
  workers?: string;
  set?: string[];
  quiet?: boolean;
  shard?: string;
  resume?: boolean;
  queue?: string;
  ops?: boolean;
  redisTimeout?: string;
  redisRetries?: string;
}

function intOption(flag: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw new TaosimInputError({ file: "<args>", line: 1, col: 1, path: flag, expected: `an integer ≥ ${min}`, found: JSON.stringify(text), code: "cli-option" });
  }
  return n;
}

export async function runCommand(source: string, opts: RunCommandOptions, ctx: CliContext): Promise<number> {
  const seed = intOption("--seed", opts.seed, 0);
  const workers = intOption("--workers", opts.workers, 1);
  const quiet = opts.quiet === true;
  const { runScenario } = await import("../../run/runScenario.js");
  const { queueSettingsFromFlags } = await import("../../parallel/queue/queueSettings.js");
  const { RedisUnreachableError } = await import("../../parallel/queue/RedisUnreachableError.js");
  const started = Date.now();
  let outcome;
  try {
    outcome = await runScenario(source, {
      out: opts.out, seed, workers, set: opts.set ?? [], shard: opts.shard, resume: opts.resume, queue: opts.queue, ops: opts.ops,
      queueSettings: queueSettingsFromFlags(opts),
      progress: !quiet && !process.env.CI && process.stdout.isTTY === true,
    });
  } catch (err) {
    if (!(err instanceof RedisUnreachableError)) throw err;
    ctx.io.writeErr(`${err.format()}\n`); // nothing was written: the run checks Redis first
    return err.exitCode;
  }
  printOutcome(outcome, quiet, opts.shard !== undefined, (Date.now() - started) / 1000, ctx);
  return outcome.exitCode;
}

function printOutcome(o: RunOutcome, quiet: boolean, sharded: boolean, seconds: number, ctx: CliContext): void {
  for (const w of o.warnings) ctx.io.writeErr(`taosim: ${w}\n`);
  if (o.kind === "study") {
    if (!quiet) ctx.io.writeOut(`${o.outDir}: study ${o.name} written (${o.total} files, ${seconds.toFixed(1)} s)\nreport: ${join(o.outDir, "report.html")}\n`);
    return;
  }
  if (!quiet && !sharded) ctx.io.writeOut(`report: ${join(o.outDir, "report.html")}\n`);
  for (const f of o.failures) ctx.io.writeErr(`taosim: task ${f.index} (point ${f.point}, replicate ${f.replicate}) failed: ${JSON.stringify(f.error ?? f.status)}\n`);
  if (!quiet) ctx.io.writeOut(`${o.outDir}: ${o.total - o.failures.length}/${o.total} tasks ok\n`);
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function register(program: Command, ctx: CliContext = processContext): void {
  program
    .command("run")
    .description("run a scenario (its sweep × replicates) and write the output folder")
    .argument("<scenario>", "a scenario YAML file, a built-in scenario name or a built-in study")
    .option("--out <dir>", "output folder (default out/<scenario name>/)")
    .option("--seed <n>", "root seed (overrides the scenario's)")
    .option("--workers <n>", "tasks run at once (default: available parallelism; 1 = in-process)")
    .option("--set <path=value>", "override one field (repeatable)", collect, [])
    .option("--quiet", "no progress bar and no summary line")
    .option("--ops", "also write ops.csv: every chain operation the engine applied")
    .option("--shard <i/n>", "run only tasks with index ≡ i (mod n)")
    .option("--resume", "skip tasks whose outputs in --out are complete")
    .option("--queue <url>", "run the tasks through a BullMQ queue at redis://HOST:PORT")
    .option("--redis-timeout <ms>", "with --queue: give up one connection attempt after this long (default 2000)")
    .option("--redis-retries <n>", "with --queue: further attempts before an unreachable Redis is an error (default 2)")
    .action(async (source: string, opts: RunCommandOptions) => {
      const code = await runCommand(source, opts, ctx);
      if (code !== 0) throw new CommandExit(code);
    });
}
