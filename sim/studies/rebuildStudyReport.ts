// `taosim report DIR` on a study folder: rebuilds `charts/*.svg` from the `charts/*.vl.json` specs and
// `report.html` from the study's CSVs and its manifest (no simulation runs), then rewrites the
// manifest with the new files' hashes. The tables are the ones runStudy writes, built from the CSVs.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { TopLevelSpec } from "vega-lite";
import type { CsvCell } from "../../reports/tables/formatCell.js";
import { openCsv } from "../../reports/tables/openCsv.js";
import { writeFileAtomic } from "../../reports/tables/writeFileAtomic.js";
import { resolveGuaranteeParams, retentionTable } from "./guaranteesOutputs.js";
import { studyReportParameters } from "./runStudy.js";
import { StudyFiles } from "./studyFiles.js";
import { isStudyName, STUDY_DESCRIPTIONS, type StudyName } from "./studyRegistry.js";
import { renderStudyReportHtml, type StudyTable } from "./studyReport.js";
import { yumaCasesTable } from "./yumaCasesOutputs.js";

/** A study manifest (`taosim.study/1`) as runStudy writes it. */
interface StudyManifest {
  format: string;
  study: string;
  seed: number;
  quick: boolean;
  params: Record<string, unknown>;
  files: { path: string; sha256: string }[];
}

/** A study folder that cannot be rebuilt (unknown study, missing CSV): a user-facing problem. */
export class StudyFolderError extends Error {
  readonly code = "STUDY_FOLDER";
  constructor(readonly dir: string, readonly expected: string, readonly found: string) {
    super(`${dir}: expected ${expected}, found ${found}`);
    this.name = "StudyFolderError";
  }
}

export interface RebuildStudyResult {
  study: StudyName;
  reportPath: string;
  warnings: string[];
}

export async function rebuildStudyReport(dir: string): Promise<RebuildStudyResult> {
  const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as StudyManifest;
  if (!isStudyName(String(manifest.study))) {
    const found = manifest.study === undefined ? "nothing" : JSON.stringify(manifest.study);
    throw new StudyFolderError(join(dir, "manifest.json"), "a built-in study name in `study`", found);
  }
  const study = manifest.study as StudyName;
  const files = new StudyFiles(dir, true);
  for (const f of manifest.files ?? []) {
    const m = /^charts\/(.+)\.vl\.json$/.exec(f.path);
    if (m === null) continue;
    const spec = JSON.parse(await readFile(join(dir, f.path), "utf8")) as TopLevelSpec;
    await files.writeChart(m[1], spec);
  }
  const tables = study === "yuma-cases" ? await yumaCasesTables(dir, manifest) : await guaranteeTables(dir, manifest);
  await files.write("report.html", renderStudyReportHtml({
    study,
    description: STUDY_DESCRIPTIONS[study],
    parameters: studyReportParameters(manifest.seed, manifest.quick, manifest.params),
    tables,
    charts: files.svgs,
  }));
  const rewritten = new Map(files.written.map((f) => [f.path, f.sha256]));
  const kept = (manifest.files ?? []).filter((f) => !rewritten.has(f.path));
  const updated = { ...manifest, files: [...kept, ...files.written] };
  await writeFileAtomic(join(dir, "manifest.json"), JSON.stringify(updated, null, 2) + "\n");
  return { study, reportPath: join(dir, "report.html"), warnings: files.warnings };
}

/** Every data row of `name` as cells keyed by column name. */
async function readCsv(dir: string, name: string): Promise<Record<string, string>[]> {
  const table = await openCsv(join(dir, name));
  if (table === null) throw new StudyFolderError(dir, `the study's ${name}`, "no such file");
  const rows: Record<string, string>[] = [];
  for await (const row of table.rows()) rows.push(Object.fromEntries(table.columns.map((c, k) => [c, row[k] ?? ""])));
  return rows;
}

async function yumaCasesTables(dir: string, manifest: StudyManifest): Promise<StudyTable[]> {
  const rows = (await readCsv(dir, "yuma-cases.csv")).map((r) => ({
    case_key: r.case,
    case_name: r.case_name,
    variant: r.variant,
    validator_index: Number(r.validator_index),
    validator: r.validator,
    base_validator: r.base_validator === "true",
    total_dividend_per_1000_tao: Number(r.total_dividend_per_1000_tao),
  }));
  const variants = Array.isArray(manifest.params.variants) ? (manifest.params.variants as string[]) : [...new Set(rows.map((r) => r.variant))];
  return [yumaCasesTable(rows as Parameters<typeof yumaCasesTable>[0], variants)];
}

async function guaranteeTables(dir: string, manifest: StudyManifest): Promise<StudyTable[]> {
  const params = resolveGuaranteeParams(manifest.quick, manifest.params as never);
  const num = (x: string): CsvCell => (x === "" ? null : Number(x));
  const rows = (await readCsv(dir, "retention.csv")).map((r) => [
    Number(r.weight_sigma), Number(r.bonds_penalty), Number(r.honest_stake), num(r.honest_utility_needed),
  ]);
  return [retentionTable(rows, params)];
}
