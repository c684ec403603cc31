// `taosim run <study> [--out DIR] [--seed N] [--workers N] [--set key=value]… [--quiet]` for the
// built-in studies (sim/studies): the settings of `--set` are the study's own (STUDY_SETTINGS), the
// consensus-guarantee grid runs on a piscina pool when N > 1 (default N: available parallelism, as for
// scenarios), the folder is out/<study>/ by default.
// `taosim show <study>` prints the study's description and settings.
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { createExecutor } from "../../parallel/executors/index.js";
import { createProgressReporter } from "../../parallel/progressReporter.js";
import { planGuaranteeChunks } from "../../../models/studies/index.js";
import { guaranteeRunnerModulePath } from "../../studies/guaranteeRunner.js";
import { resolveGuaranteeParams } from "../../studies/guaranteesOutputs.js";
import { parallelGuaranteeExecutor } from "../../studies/parallelGuaranteeExecutor.js";
import { DEFAULT_STUDY_SEED, runStudy, type RunStudyOptions } from "../../studies/runStudy.js";
import { STUDY_SETTINGS, studySetting } from "../../studies/studySettings.js";
import { STUDY_DESCRIPTIONS, type StudyName } from "../../studies/studyRegistry.js";
import { didYouMean } from "../../../scenarios/schemaAt.js";
import type { CliContext } from "../context.js";
import { TaosimInputError, TaosimInputErrors } from "../errors.js";
import type { RunCommandOptions } from "./run.js";

const FILE = "--set";

/** The runStudy options that `--set key=value`… ask for; every problem at once, as `--set:<n>:<col>`. */
export function studyOptionsFromSets(study: StudyName, sets: readonly string[]): Pick<RunStudyOptions, "quick" | "guarantees" | "yumaCases"> {
  const options: RunStudyOptions = { outDir: "" };
  const errors: TaosimInputError[] = [];
  const fail = (n: number, col: number, path: string, expected: string, found: string) =>
    errors.push(new TaosimInputError({ file: FILE, line: n, col, path, expected, found, code: "cli-option" }));
  sets.forEach((arg, i) => {
    const n = i + 1;
    const eq = arg.indexOf("=");
    if (eq <= 0) return fail(n, 1, arg, "key=value", JSON.stringify(arg));
    const key = arg.slice(0, eq);
    const setting = studySetting(study, key);
    if (setting === null) {
      const keys = STUDY_SETTINGS[study].map((s) => s.key);
      const hint = didYouMean(key, keys);
      return fail(n, 1, key, hint ? `a setting of ${study} (did you mean "${hint}"?)` : `a setting of ${study} (${keys.join(", ")})`, JSON.stringify(key));
    }
    let value: unknown;
    try {
      value = parseYaml(arg.slice(eq + 1));
    } catch (err) {
      return fail(n, eq + 2, key, "a YAML value", (err as Error).message.split("\n")[0]);
    }
    const checked = setting.check(value);
    if (!checked.ok) return fail(n, eq + 2, key, checked.expected, JSON.stringify(value) ?? "nothing");
    setting.apply(options, checked.value);
  });
  if (errors.length > 0) throw new TaosimInputErrors(errors);
  return { quick: options.quick, guarantees: options.guarantees, yumaCases: options.yumaCases };
}

/** Options of `taosim run` that only scenarios have. */
const SCENARIO_ONLY = ["shard", "resume", "queue"] as const;

export async function runStudyCommand(study: StudyName, opts: RunCommandOptions, ctx: CliContext, seed: number | undefined, workers: number | undefined): Promise<number> {
  for (const flag of SCENARIO_ONLY) {
    if (opts[flag] !== undefined && opts[flag] !== false) {
      throw new TaosimInputError({ file: "<args>", line: 1, col: 1, path: `--${flag}`, expected: "no --shard, --resume or --queue for a built-in study", found: `--${flag}`, code: "cli-option" });
    }
  }
  const settings = studyOptionsFromSets(study, opts.set ?? []);
  const outDir = opts.out ?? join("out", study);
  const poolSize = workers ?? availableParallelism();
  const pool = study === "consensus-guarantees" && poolSize > 1
    ? createExecutor("piscina", { runnerModule: guaranteeRunnerModulePath(), workers: poolSize })
    : null;
  const quiet = opts.quiet === true || Boolean(process.env.CI) || !process.stdout.isTTY;
  const progress = createProgressReporter({ quiet });
  const total = study === "consensus-guarantees"
    ? planGuaranteeChunks(resolveGuaranteeParams(settings.quick ?? false, settings.guarantees)).length
    : 0;
  let done = 0;
  const started = Date.now();
  try {
    const result = await runStudy(study, {
      outDir,
      seed: seed ?? DEFAULT_STUDY_SEED,
      ...settings,
      executor: pool === null ? undefined : parallelGuaranteeExecutor(pool),
      onChunkDone: () => progress.update({ total, done: ++done, failed: 0, skipped: 0 }),
    });
    progress.stop();
    for (const w of result.warnings) ctx.io.writeErr(`taosim: ${w}\n`);
    if (opts.quiet !== true) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      ctx.io.writeOut(`${outDir}: study ${study} written (${result.files.length} files, ${seconds} s)\nreport: ${join(outDir, "report.html")}\n`);
    }
    return 0;
  } finally {
    progress.stop();
    await pool?.close();
  }
}

/** `taosim show <study>`: its description, how to run it, and its settings with their defaults. */
export function describeStudy(study: StudyName): string {
  const lines = [
    `${study}: built-in study`,
    STUDY_DESCRIPTIONS[study],
    `run: taosim run ${study} [--out DIR] [--seed N]${study === "consensus-guarantees" ? " [--workers N]" : ""} [--set key=value]…`,
    `root seed: ${DEFAULT_STUDY_SEED} unless --seed is given`,
    "settings (--set key=value):",
    ...STUDY_SETTINGS[study].map((s) => `  ${s.key}: ${s.description}`),
  ];
  return lines.join("\n") + "\n";
}
