// Running a scenario or a built-in study end to end: the one orchestration that both `taosim run` and
// the library API (`runScenario`) call. Loads and checks everything first (a TaosimInputError with
// every problem, nothing written), plans the tasks, runs them through sim/parallel (CSVs, then
// manifest.json, every file atomically), then builds the report. The caller decides what to print.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { buildReport } from "../../reports/buildReport.js";
import { TaosimInputError } from "../../scenarios/inputError.js";
import type { ManifestTaskRow, RunManifestFile } from "../parallel/manifest.js";
import { createProgressReporter } from "../parallel/progressReporter.js";
import { parseShard } from "../parallel/runTasksOptions.js";
import { runTasks } from "../parallel/runTasks.js";
import { isStudyName } from "../studies/studyRegistry.js";
import { prepareRun, runnerModulePath, taskInputOf, taskSpecs } from "./prepareRun.js";
import { runBuiltinStudy } from "./runBuiltinStudy.js";

export interface RunOptions {
  /** Output folder; default out/<scenario or study name>/. */
  out?: string;
  /** Root seed (overrides the scenario's); an integer ≥ 0. */
  seed?: number;
  /** Tasks run at once; default the available parallelism; 1 = in-process. */
  workers?: number;
  /** "path=value" overrides (a study's own settings for a study), as `--set`. */
  set?: readonly string[];
  /** Show a progress bar / progress lines on stderr. Default false. */
  progress?: boolean;
  /** Scenario runs only: "i/n" runs the tasks with index ≡ i (mod n). */
  shard?: string;
  /** Scenario runs only: skip tasks whose outputs in `out` are complete. */
  resume?: boolean;
  /** Scenario runs only: run the tasks through a BullMQ queue at redis://HOST:PORT. */
  queue?: string;
  /** Scenario runs only, with `queue`: Redis connection settings (timeouts, retries; docs/scale-out.md). */
  queueSettings?: Partial<QueueSettings>;
  /** Scenario runs only: also write ops.csv (the same as `--set sample.ops=true`). */
  ops?: boolean;
}

export interface RunOutcome {
  kind: "scenario" | "study";
  /** The scenario's (or study's) name. */
  name: string;
  /** 0 when every task succeeded, 1 when one failed (the others are still written). */
  exitCode: 0 | 1;
  /** The folder written: `out` or out/<name>/. */
  outDir: string;
  /** The folder's manifest.json as written (a run's `taosim.manifest/1`, a study's `taosim.study/1`). */
  manifest: unknown;
  /** Failed tasks (scenario runs), in task order. */
  failures: ManifestTaskRow[];
  /** Tasks in the manifest (files written, for a study). */
  total: number;
  /** Renderer warnings (a correct chart has none). */
  warnings: string[];
}

const SCENARIO_ONLY = ["shard", "resume", "queue"] as const;
type QueueSettings = import("../parallel/queue/queueSettings.js").QueueSettings;

/** Runs `source` (scenario file, built-in scenario or built-in study name) and writes its output folder. */
export async function runScenario(source: string, options: RunOptions = {}): Promise<RunOutcome> {
  checkInteger("seed", options.seed, 0);
  checkInteger("workers", options.workers, 1);
  if (isStudyName(source) && !existsSync(source)) return runStudyFolder(source, options);
  const shard = options.shard === undefined ? null : parseShard(options.shard);
  const prepared = prepareRun(source, [...(options.set ?? []), ...(options.ops === true ? ["sample.ops=true"] : [])], options.seed);
  const { loaded, plan } = prepared;
  const s = loaded.scenario;
  const outDir = options.out ?? join("out", s.name);
  const progress = createProgressReporter({ quiet: options.progress !== true });
  let result;
  try {
    result = await runTasks({
      tasks: taskSpecs(prepared),
      runnerModule: runnerModulePath(),
      taskInput: taskInputOf(prepared),
      outDir,
      header: {
        scenario: { name: s.name, sha256: loaded.sha256, file: loaded.file, description: s.description, overrides: [...loaded.overrides] },
        seed: plan.rootSeed,
        points: plan.points.map((p) => ({ index: p.index, params: Object.fromEntries(p.assignments.map((a) => [a.key, a.value])) })),
      },
      workers: options.workers,
      shard,
      resume: options.resume === true,
      queue: options.queue ?? null,
      queueSettings: options.queueSettings,
      onProgress: (p) => progress.update(p),
    });
  } finally {
    progress.stop();
  }
  if (shard === null) await buildReport(outDir, { quiet: true });
  const manifest: RunManifestFile = result.manifest;
  return {
    kind: "scenario", name: s.name, exitCode: result.failures.length > 0 ? 1 : 0, outDir, manifest,
    failures: result.failures, total: result.manifestRows.length, warnings: [],
  };
}

async function runStudyFolder(study: Parameters<typeof runBuiltinStudy>[0]["study"], options: RunOptions): Promise<RunOutcome> {
  for (const flag of SCENARIO_ONLY) {
    if (options[flag] !== undefined && options[flag] !== false) {
      throw new TaosimInputError({ file: "<args>", line: 1, col: 1, path: `--${flag}`, expected: "no --shard, --resume or --queue for a built-in study", found: `--${flag}`, code: "cli-option" });
    }
  }
  const outDir = options.out ?? join("out", study);
  const result = await runBuiltinStudy({
    study, outDir, seed: options.seed, workers: options.workers, set: options.set ?? [],
    progress: createProgressReporter({ quiet: options.progress !== true }),
  });
  const manifest: unknown = JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8"));
  return { kind: "study", name: study, exitCode: 0, outDir, manifest, failures: [], total: result.files.length, warnings: result.warnings };
}

function checkInteger(name: string, value: number | undefined, min: number): void {
  if (value === undefined || (Number.isSafeInteger(value) && value >= min)) return;
  throw new TaosimInputError({ path: name, expected: `an integer ≥ ${min}`, found: String(value), code: "cli-option" });
}
