// Runs a built-in study and writes its folder: CSVs, `charts/*.vl.json` (+ `.svg` and `report.html`
// when rendering), and `manifest.json` last. Same name, options and seed ⇒ byte-identical CSVs, whatever the executor.
import { StudyFiles } from "./studyFiles.js";
import { isStudyName, STUDY_DESCRIPTIONS, UnknownStudyError, type StudyName } from "./studyRegistry.js";
import { writeYumaCasesStudy, type YumaCasesStudyOptions } from "./yumaCasesOutputs.js";
import { writeGuaranteesStudy } from "./guaranteesOutputs.js";
import type { GuaranteeExecutor, GuaranteeTask } from "./guaranteeExecutor.js";
import type { GuaranteeStudyParams } from "./studyDrivers.js";
import { renderStudyReportHtml } from "./studyReport.js";

/** Root seed of the studies unless one is given (the chain's test seeds its generator with 0). */
export const DEFAULT_STUDY_SEED = 0;

export interface RunStudyOptions {
  outDir: string;
  /** A reduced run for tests and CI (consensus-guarantees: QUICK_GUARANTEE_PARAMS). */
  quick?: boolean;
  seed?: number;
  /** Render `charts/*.svg` beside the specs (reports/ renderer); default true. */
  render?: boolean;
  /** consensus-guarantees: overrides of the grid (samples, replicates, stake levels, sigmas, penalties). */
  guarantees?: Partial<GuaranteeStudyParams>;
  /** consensus-guarantees: how chunks run (default inline; a worker pool plugs in here). */
  executor?: GuaranteeExecutor;
  onChunkDone?: (task: GuaranteeTask) => void;
  yumaCases?: YumaCasesStudyOptions;
}

export interface StudyResult {
  study: StudyName;
  outDir: string;
  files: string[];
  /** Renderer warnings (a correct chart has none). */
  warnings: string[];
}

export async function runStudy(name: string, options: RunStudyOptions): Promise<StudyResult> {
  if (!isStudyName(name)) throw new UnknownStudyError(name);
  const seed = options.seed ?? DEFAULT_STUDY_SEED;
  const files = new StudyFiles(options.outDir, options.render ?? true);
  await files.ensureDirs();
  const output = name === "yuma-cases"
    ? await writeYumaCasesStudy(files, options.yumaCases)
    : await writeGuaranteesStudy(files, {
      seed, quick: options.quick, params: options.guarantees, executor: options.executor, onChunkDone: options.onChunkDone,
    });
  const meta = { study: name, description: STUDY_DESCRIPTIONS[name], seed, quick: options.quick ?? false, params: output.params };
  if (files.render) {
    await files.write("report.html", renderStudyReportHtml({
      study: name,
      description: STUDY_DESCRIPTIONS[name],
      parameters: studyReportParameters(seed, meta.quick, output.params),
      tables: output.tables,
      charts: files.svgs,
    }));
  }
  await files.writeManifest(meta);
  return { study: name, outDir: options.outDir, files: [...files.written.map((f) => f.path), "manifest.json"], warnings: files.warnings };
}

/** The report's parameter rows: root seed, quick, then every study parameter (JSON unless a string). */
export function studyReportParameters(seed: number, quick: boolean, params: Record<string, unknown>): [string, string][] {
  const rows = Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === "string" ? v : JSON.stringify(v)]);
  return [["root seed", String(seed)], ["quick", String(quick)], ...rows];
}
