// Rebuilds a run folder's report from its finished tables: summary.csv, aggregate.csv, charts/
// (*.vl.json, *.svg, *.png) and report.html, each written atomically. Never runs a simulation.
import { mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { stringify as toYaml } from "yaml";
import type { TopLevelSpec } from "vega-lite";
import { MAX_SERIES_POINTS, pickCharts } from "./charts/pickCharts.js";
import { pointLabels, varyingParameters } from "./charts/pointLabels.js";
import { renderPngAsync, renderSvg } from "./charts/renderChart.js";
import { findings } from "./html/findings.js";
import { renderReportHtml, type ReportChart } from "./html/renderReportHtml.js";
import { metricColumns } from "./metrics/metricColumns.js";
import { readRunMetrics } from "./metrics/readRunMetrics.js";
import { aggregateTable, parameterNames, pointSummaries, summaryTable, taskRows } from "./metrics/runTables.js";
import { writeCsvAtomic } from "./tables/CsvTableWriter.js";
import { readManifest } from "./tables/readManifest.js";
import { writeFileAtomic } from "./tables/writeFileAtomic.js";
import { readPlausibility } from "./plausibility/readPlausibility.js";

export interface BuildReportOptions {
  /** Print nothing (otherwise one line naming report.html). */
  quiet?: boolean;
  /** Where that line goes (standard output by default). */
  writeOut?: (text: string) => void;
}

/** Chart files pickCharts can write (stale ones are removed on rebuild; other files are left alone). */
const CHART_FILE = /^(issuance|price|tao-reserve|subnet-[a-z0-9-]+|network-[a-z-]+|dividend-ratios?(-over-time)?|incentive-vs-quality|emission-share|sweep-[a-z0-9-]+)\.(vl\.json|svg|png)$/;

export async function buildReport(runDir: string, opts: BuildReportOptions = {}): Promise<void> {
  const manifest = await readManifest(runDir); // ManifestMissingError (incomplete), ManifestFormatError (a study)
  const pointCount = Math.max(manifest.points.size, 1);
  const run = await readRunMetrics(runDir, { seriesForPoint: () => pointCount <= MAX_SERIES_POINTS });
  const tasks = taskRows(manifest, run);
  const params = parameterNames(manifest, tasks);
  const metrics = metricColumns(run);
  const points = pointSummaries(manifest, tasks, metrics);
  const summary = summaryTable(tasks, params, metrics);
  const aggregate = aggregateTable(points, params, metrics);
  await writeCsvAtomic(join(runDir, "summary.csv"), summary.columns, summary.rows);
  await writeCsvAtomic(join(runDir, "aggregate.csv"), aggregate.columns, aggregate.rows);

  const chartsDir = join(runDir, "charts");
  await mkdir(chartsDir, { recursive: true });
  const charts: ReportChart[] = [];
  const written = new Set<string>();
  const pngs: Promise<void>[] = [];
  for (const def of pickCharts({ run, points, params, metrics })) {
    const specText = `${JSON.stringify(def.spec, null, 2)}\n`;
    const { svg } = await renderSvg(JSON.parse(specText) as TopLevelSpec, def.name);
    const pngPath = join(chartsDir, `${def.name}.png`);
    pngs.push(renderPngAsync(svg).then((png) => writeFileAtomic(pngPath, png)));
    pngs[pngs.length - 1].catch(() => undefined); // awaited below
    await writeFileAtomic(join(chartsDir, `${def.name}.vl.json`), specText);
    await writeFileAtomic(join(chartsDir, `${def.name}.svg`), svg);
    for (const ext of [".vl.json", ".svg", ".png"]) written.add(def.name + ext);
    charts.push({ name: def.name, title: def.title, caption: def.caption, svg });
  }
  await Promise.all(pngs);
  for (const file of await readdir(chartsDir))
    if (CHART_FILE.test(file) && !written.has(file)) await rm(join(chartsDir, file), { force: true });

  const notes: string[] = [];
  if (!run.tables.neurons && !run.tables.subnets && !run.tables.chain) notes.push("The run folder has no neurons.csv, subnets.csv or chain.csv: there is nothing to measure.");
  if (pointCount > MAX_SERIES_POINTS) notes.push(`Time-series charts are drawn for runs of at most ${MAX_SERIES_POINTS} sweep points; this run has ${pointCount}.`);
  const labels = pointLabels(points, varyingParameters(points, params));
  const plausibility = await readPlausibility(runDir);
  const html = renderReportHtml({
    manifest,
    scenarioText: scenarioText(manifest.raw.scenario),
    findings: findings(points, labels, metrics),
    charts,
    aggregate,
    summary,
    tasks,
    notes,
    explain: run.largestChanges === null ? null : { runDir, ...run.largestChanges },
    plausibility: plausibility.rows,
    yields: plausibility.yields,
  });
  await writeFileAtomic(join(runDir, "report.html"), html);
  if (!opts.quiet) (opts.writeOut ?? ((t) => void process.stdout.write(t)))(`report: ${join(runDir, "report.html")}\n`);
}

/**
 * The scenario's parameters for the report: its source text when the manifest carries it
 * (`scenario.text`), else the rest of the manifest's scenario object as YAML.
 */
export function scenarioText(scenario: unknown): string {
  if (typeof scenario !== "object" || scenario === null) return "";
  const s = scenario as Record<string, unknown>;
  if (typeof s.text === "string") return s.text;
  const shown = ["name", "sha256", "hash", "file", "description", "question"];
  const rest = Object.fromEntries(Object.entries(s).filter(([k]) => !shown.includes(k)));
  return Object.keys(rest).length > 0 ? toYaml(rest) : "";
}
