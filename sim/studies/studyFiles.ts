// Writing a study's files: every file atomically (temporary name, then rename), charts as
// `charts/<name>.vl.json` and, when rendering is on, `charts/<name>.svg` beside it; a manifest last.
import { createHash } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { TopLevelSpec } from "vega-lite";
import { renderSvg } from "../../reports/charts/renderChart.js";
import { formatCell, type CsvCell } from "../../reports/tables/formatCell.js";
import { writeFileAtomic } from "../../reports/tables/writeFileAtomic.js";

/** `format` of a study folder's manifest.json. */
export const STUDY_MANIFEST_FORMAT = "taosim.study/1";

/** Collects the files of one study run (relative path → sha256) for its manifest. */
export class StudyFiles {
  readonly written: { path: string; sha256: string }[] = [];
  readonly warnings: string[] = [];
  /** Rendered charts in the order written (for report.html). */
  readonly svgs: { name: string; svg: string }[] = [];

  constructor(readonly outDir: string, readonly render: boolean) {}

  async ensureDirs(): Promise<void> {
    await mkdir(join(this.outDir, "charts"), { recursive: true });
  }

  async write(relPath: string, data: string): Promise<void> {
    await writeFileAtomic(join(this.outDir, relPath), data);
    this.written.push({ path: relPath, sha256: createHash("sha256").update(data).digest("hex") });
  }

  /** A CSV: header, then rows of cells (numbers as reports/tables formats them; no cell needs quoting). */
  async writeCsv(relPath: string, columns: readonly string[], rows: Iterable<readonly CsvCell[]>): Promise<void> {
    const lines = [columns.join(",")];
    for (const row of rows) lines.push(row.map(csvCell).join(","));
    await this.write(relPath, lines.join("\n") + "\n");
  }

  async writeChart(name: string, spec: TopLevelSpec): Promise<void> {
    await this.write(`charts/${name}.vl.json`, JSON.stringify(spec, null, 2) + "\n");
    if (!this.render) return;
    const { svg, warnings } = await renderSvg(spec, name);
    for (const w of warnings) this.warnings.push(`${name}: ${w}`);
    await this.write(`charts/${name}.svg`, svg);
    this.svgs.push({ name, svg });
  }

  /** `manifest.json`, written last: the run folder is complete exactly when it exists. */
  async writeManifest(meta: Record<string, unknown>): Promise<void> {
    const manifest = { format: STUDY_MANIFEST_FORMAT, ...meta, files: this.written };
    await writeFileAtomic(join(this.outDir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  }
}

/** RFC 4180 quoting when a cell holds a comma, quote or newline. */
function csvCell(value: CsvCell): string {
  const text = formatCell(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
