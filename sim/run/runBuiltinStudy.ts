// A built-in study (sim/studies) run as `taosim run <study>` or `runScenario(<study>)`: the settings of
// `--set` are the study's own (STUDY_SETTINGS), the consensus-guarantee grid runs on a piscina pool when
// workers > 1 (default: available parallelism, as for scenarios), the folder is out/<study>/ by default.
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { createExecutor } from "../parallel/executors/index.js";
import type { ProgressReporter } from "../parallel/progressReporter.js";
import { planGuaranteeChunks } from "../studies/studyDrivers.js";
import { guaranteeRunnerModulePath } from "../studies/guaranteeRunner.js";
import { resolveGuaranteeParams } from "../studies/guaranteesOutputs.js";
import { parallelGuaranteeExecutor } from "../studies/parallelGuaranteeExecutor.js";
import { DEFAULT_STUDY_SEED, runStudy, type RunStudyOptions, type StudyResult } from "../studies/runStudy.js";
import { STUDY_SETTINGS, studySetting } from "../studies/studySettings.js";
import { STUDY_DESCRIPTIONS, type StudyName } from "../studies/studyRegistry.js";
import { didYouMean } from "../../scenarios/schemaAt.js";
import { TaosimInputError } from "../../scenarios/inputError.js";

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
  if (errors.length > 0) throw new TaosimInputError(errors);
  return { quick: options.quick, guarantees: options.guarantees, yumaCases: options.yumaCases };
}

export interface BuiltinStudyRun {
  study: StudyName;
  outDir: string;
  seed?: number;
  workers?: number;
  set: readonly string[];
  progress: ProgressReporter;
}

/** Runs the study into its folder (manifest.json last); input problems throw before anything is written. */
export async function runBuiltinStudy(run: BuiltinStudyRun): Promise<StudyResult> {
  const { study, outDir, progress } = run;
  const settings = studyOptionsFromSets(study, run.set);
  const poolSize = run.workers ?? availableParallelism();
  const pool = study === "consensus-guarantees" && poolSize > 1
    ? createExecutor("piscina", { runnerModule: guaranteeRunnerModulePath(), workers: poolSize })
    : null;
  const total = study === "consensus-guarantees"
    ? planGuaranteeChunks(resolveGuaranteeParams(settings.quick ?? false, settings.guarantees)).length
    : 0;
  let done = 0;
  try {
    return await runStudy(study, {
      outDir,
      seed: run.seed ?? DEFAULT_STUDY_SEED,
      ...settings,
      executor: pool === null ? undefined : parallelGuaranteeExecutor(pool),
      onChunkDone: () => progress.update({ total, done: ++done, failed: 0, skipped: 0 }),
    });
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
