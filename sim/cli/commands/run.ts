// `taosim run <scenario.yaml | built-in name | study> [--out DIR] [--seed N] [--workers N] [--set path=value]…
// [--quiet] [--shard i/n] [--resume] [--queue URL]`: loads and checks the scenario (exit 2 with every
// problem, before anything is written), plans its tasks, runs them through sim/parallel (which writes
// the CSVs and, last, manifest.json, every file atomically), then builds the report. Exit 1 when a
// task failed (the others are still written and the failure is in the manifest). A built-in study
// name (yuma-cases, consensus-guarantees) runs that study instead (runStudyCommand.ts).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { buildReport } from "../../../reports/buildReport.js";
import { applyOverrides } from "../../../scenarios/applyOverrides.js";
import { checkScenarioSource } from "../../../scenarios/loadScenarioSource.js";
import { ScenarioError } from "../../../scenarios/ScenarioError.js";
import type { LoadedScenario } from "../../../scenarios/loadScenario.js";
import { createProgressReporter } from "../../parallel/progressReporter.js";
import { queueSettingsFromFlags } from "../../parallel/queue/queueSettings.js";
import { RedisUnreachableError } from "../../parallel/queue/RedisUnreachableError.js";
import { parseShard } from "../../parallel/runTasksOptions.js";
import { runTasks } from "../../parallel/runTasks.js";
import type { TaskSpec } from "../../parallel/types.js";
import { planTasks, type TaskPlan } from "../../plan/planTasks.js";
import { processContext, type CliContext } from "../context.js";
import { CommandExit, TaosimInputError } from "../errors.js";
import { isStudyName } from "../../studies/studyRegistry.js";
import { runStudyCommand } from "./runStudyCommand.js";
import { toInputErrors } from "./validate.js";

export interface RunCommandOptions {
  out?: string;
  seed?: string;
  workers?: string;
  set?: string[];
  quiet?: boolean;
  shard?: string;
  resume?: boolean;
  queue?: string;
  redisTimeout?: string;
  redisRetries?: string;
}

/** The runner module workers load (the built .js next to the compiled CLI, or the .ts source under tsx). */
export function runnerModulePath(): string {
  const js = fileURLToPath(new URL("../../run/taskRunner.js", import.meta.url));
  return existsSync(js) ? js : js.replace(/\.js$/, ".ts");
}

function intOption(flag: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw new TaosimInputError({ file: "<args>", line: 1, col: 1, path: flag, expected: `an integer ≥ ${min}`, found: JSON.stringify(text), code: "cli-option" });
  }
  return n;
}

/** Loads, overrides and plans; every scenario problem becomes an input error (exit 2). */
export function prepareRun(source: string, sets: readonly string[], seed: number | undefined): { loaded: LoadedScenario; plan: TaskPlan } {
  const check = checkScenarioSource(source);
  if (!check.ok) throw toInputErrors(check.problems);
  try {
    const loaded = sets.length > 0 ? applyOverrides(check.loaded, sets) : check.loaded;
    return { loaded, plan: planTasks(loaded, { seed }) };
  } catch (err) {
    if (err instanceof ScenarioError) throw toInputErrors(err.problems);
    throw err;
  }
}

export async function runCommand(source: string, opts: RunCommandOptions, ctx: CliContext): Promise<number> {
  const seed = intOption("--seed", opts.seed, 0);
  const workers = intOption("--workers", opts.workers, 1);
  if (isStudyName(source) && !existsSync(source)) return runStudyCommand(source, opts, ctx, seed, workers);
  const shard = opts.shard === undefined ? null : parseShard(opts.shard);
  const { loaded, plan } = prepareRun(source, opts.set ?? [], seed);
  const s = loaded.scenario;
  const outDir = opts.out ?? join("out", s.name);
  const ref = { file: loaded.file, source: loaded.text, sha256: loaded.sha256, rootSeed: plan.rootSeed, overrides: loaded.overrides };
  const tasks: TaskSpec[] = plan.tasks.map((t) => ({ index: t.index, point: t.point, replicate: t.replicate, seed: t.seed, params: t.params, scenario: ref }));
  const quiet = opts.quiet === true || Boolean(process.env.CI) || !process.stdout.isTTY;
  const progress = createProgressReporter({ quiet });
  let result;
  try {
    result = await runTasks({
      tasks,
      runnerModule: runnerModulePath(),
      outDir,
      header: {
        scenario: { name: s.name, sha256: loaded.sha256, file: loaded.file, description: s.description, overrides: [...loaded.overrides] },
        seed: plan.rootSeed,
        points: plan.points.map((p) => ({ index: p.index, params: Object.fromEntries(p.assignments.map((a) => [a.key, a.value])) })),
      },
      workers,
      shard,
      resume: opts.resume === true,
      queue: opts.queue ?? null,
      queueSettings: queueSettingsFromFlags(opts),
      onProgress: (p) => progress.update(p),
    });
  } catch (err) {
    if (!(err instanceof RedisUnreachableError)) throw err;
    ctx.io.writeErr(`${err.format()}\n`); // nothing was written: the run checks Redis first
    return err.exitCode;
  } finally {
    progress.stop();
  }
  if (shard === null) await buildReport(outDir, { quiet: opts.quiet === true });
  for (const f of result.failures) ctx.io.writeErr(`taosim: task ${f.index} (point ${f.point}, replicate ${f.replicate}) failed: ${JSON.stringify(f.error ?? f.status)}\n`);
  if (opts.quiet !== true) ctx.io.writeOut(`${outDir}: ${result.manifestRows.length - result.failures.length}/${result.manifestRows.length} tasks ok\n`);
  return result.failures.length > 0 ? 1 : 0;
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
