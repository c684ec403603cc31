// report.html: one self-contained page (inline CSS and SVG; no script, no font or image from
// anywhere) with the scenario's question and parameters, the run's manifest summary, key findings,
// the charts and the main tables. Every string from a scenario, manifest or table is escaped.
import type { TaskRow, Table } from "../metrics/runTables.js";
import type { RunManifest } from "../tables/readManifest.js";
import { escapeHtml as e, inlineSvg } from "./escapeHtml.js";
import { REPORT_CSS } from "./reportStyle.js";
import { formatValue } from "./formatValue.js";
import { explainCommand, type NeuronChange } from "../metrics/largestChanges.js";
import { pct, spread, yieldDefinitions, type PlausibilityRow, type StakingYieldSummary } from "../plausibility/plausibilityTable.js";

export interface ReportChart {
  name: string;
  title: string;
  caption: string;
  svg: string;
}

export interface ReportContent {
  manifest: RunManifest;
  /** Scenario parameters as text (YAML), if the manifest carries them. */
  scenarioText: string;
  findings: string[];
  charts: ReportChart[];
  /** aggregate.csv, summary.csv as tables (cells already final). */
  aggregate: Table;
  summary: Table;
  tasks: TaskRow[];
  /** Notes about what the report could not show (missing tables, too many points…). */
  notes: string[];
  /** Neurons with the largest changes and the run folder for their `taosim explain` commands (none: no section). */
  explain?: { runDir: string; task: number; changes: NeuronChange[] } | null;
  /** Per-subnet plausibility rows of task 0, replicate 0 (none: no section). */
  plausibility?: PlausibilityRow[];
  /** The run's staking yields by kind of stake (none: no yields part). */
  yields?: StakingYieldSummary | null;
}

/** Rows of summary.csv shown in the page (the CSV has them all). */
export const MAX_SUMMARY_ROWS = 100;
const isOk = (s: string) => s === "ok" || s === "done" || s === "complete" || s === "";

export function renderReportHtml(c: ReportContent): string {
  const m = c.manifest;
  const name = m.scenarioName || "(unnamed scenario)";
  const failures = c.tasks.filter((t) => !isOk(t.status));
  const errors = new Map(m.tasks.map((t) => [t.index, t.error]));
  const parts: string[] = [];
  parts.push(`<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">`);
  parts.push(`<title>taosim report: ${e(name)}</title>\n<style>${REPORT_CSS}</style>\n</head>\n<body>`);
  parts.push(`<header>\n<h1>taosim report: ${e(name)}</h1>`);
  if (m.question) parts.push(`<p class="question">${e(m.question)}</p>`);
  if (m.description && m.description !== m.question) parts.push(`<p>${e(m.description)}</p>`);
  parts.push(`</header>`);

  parts.push(`<section id="run">\n<h2>Run</h2>\n<table>`);
  const rows: [string, string][] = [
    ["scenario", name],
    ["scenario file", m.scenarioFile],
    ["scenario sha256", m.scenarioSha256],
    ["root seed", m.seed],
    ...m.versions.map(([k, v]): [string, string] => [`${k} version`, v]),
    ["tasks", `${c.tasks.length} (${c.tasks.length - failures.length} ok, ${failures.length} failed)`],
    ["sweep points", String(c.aggregate.rows.length)],
  ];
  for (const [k, v] of rows) if (v) parts.push(`<tr><th class="text">${e(k)}</th><td class="text">${e(v)}</td></tr>`);
  parts.push(`</table>`);
  if (failures.length > 0) {
    parts.push(`<h3 class="failed">Failed tasks</h3>\n<table>\n<tr><th>task</th><th>point</th><th>replicate</th><th class="text">seed</th><th class="text">error</th></tr>`);
    for (const t of failures)
      parts.push(`<tr><td>${t.task}</td><td>${t.point}</td><td>${t.replicate}</td><td class="text">${e(t.seed)}</td><td class="text">${e(errors.get(t.task) ?? t.status)}</td></tr>`);
    parts.push(`</table>`);
  }
  parts.push(`</section>`);

  parts.push(`<section id="findings">\n<h2>Key findings</h2>\n<ul>`);
  for (const f of c.findings) parts.push(`<li>${e(f)}</li>`);
  parts.push(`</ul>`);
  for (const n of c.notes) parts.push(`<p>${e(n)}</p>`);
  parts.push(`</section>`);

  if (c.plausibility && c.plausibility.length > 0) parts.push(plausibilitySection(c.plausibility, c.yields ?? null));
  if (c.explain && c.explain.changes.length > 0) parts.push(explainSection(c.explain));

  if (c.charts.length > 0) {
    parts.push(`<section id="charts">\n<h2>Charts</h2>`);
    for (const ch of c.charts)
      parts.push(`<figure id="chart-${e(ch.name)}" class="chart">\n${inlineSvg(ch.svg)}\n<figcaption>${e(ch.caption)} <code>charts/${e(ch.name)}.svg</code></figcaption>\n</figure>`);
    parts.push(`</section>`);
  }

  parts.push(`<section id="tables">\n<h2>Results by sweep point</h2>\n<p>From <code>aggregate.csv</code>: mean across replicates, with the 5 % and 95 % quantiles in brackets when they differ.</p>`);
  parts.push(transposedTable(c.aggregate));
  parts.push(`<h2>Results by task</h2>\n<p>From <code>summary.csv</code>${c.summary.rows.length > MAX_SUMMARY_ROWS ? ` (first ${MAX_SUMMARY_ROWS} of ${c.summary.rows.length} tasks)` : ""}.</p>`);
  parts.push(htmlTable({ columns: c.summary.columns, rows: c.summary.rows.slice(0, MAX_SUMMARY_ROWS) }));
  parts.push(`</section>`);

  if (c.scenarioText) parts.push(`<section id="scenario">\n<h2>Scenario parameters</h2>\n<pre>${e(c.scenarioText)}</pre>\n</section>`);
  parts.push(`<footer>Generated by taosim from the run folder's tables; charts are also in <code>charts/</code> as SVG, PNG and Vega-Lite JSON.</footer>\n</body>\n</html>\n`);
  return parts.join("\n");
}

/**
 * Price change, emission share, where the TAO and alpha went and staking yields, per subnet (at most
 * 40 rows: the full-detail subnets, then the largest shares), then the yields by kind of stake.
 */
export function plausibilitySection(rows: PlausibilityRow[], yields: StakingYieldSummary | null = null): string {
  const shown = [...rows].sort((a, b) => Number(b.fullDetail) - Number(a.fullDetail) || b.meanShare - a.meanShare || a.netuid - b.netuid).slice(0, 40);
  const n = (x: number, d: number) => e(x.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d }));
  const out = [`<section id="plausibility">\n<h2>Plausibility: prices, shares and flows</h2>`];
  out.push(`<p>Task 0, replicate 0, from <code>subnets.csv</code>: each subnet's pool price at the first and last sample, its mean share of the block emission, the TAO injected into its pool and the TAO the coinbase spent buying alpha, root dividends claimed (alpha) and alpha sold back by holders, then the staking yields defined below${rows.length > shown.length ? ` (the full-detail subnets and the largest shares: ${shown.length} of ${rows.length} subnets)` : ""}; “full” marks a subnet in full detail.</p>`);
  out.push(`<div class="scroll"><table>\n<tr><th>netuid</th><th>price start</th><th>price end</th><th>change</th><th>emission share</th><th>TAO injected</th><th>TAO chain-bought</th><th>root divs claimed (α)</th><th>α sold</th><th>α yield /yr</th><th>root yield part /yr</th><th>validator yield /yr, median (min – max)</th></tr>`);
  for (const r of shown) {
    out.push(`<tr><td>${r.netuid}${r.fullDetail ? " full" : ""}</td><td>${e(r.priceStart.toPrecision(4))}</td><td>${e(r.priceEnd.toPrecision(4))}</td><td>${n(r.priceChange * 100, 1)} %</td><td>${n(r.meanShare * 100, 2)} %</td><td>${n(r.taoInjected, 0)}</td><td>${n(r.taoChainBought, 0)}</td><td>${n(r.rootClaimedAlpha, 0)}</td><td>${n(r.alphaSold, 0)}</td><td>${e(pct(r.alphaYield))}</td><td>${e(pct(r.rootYieldPart))}</td><td>${e(spread(r.validatorYield))}</td></tr>`);
  }
  out.push(`</table></div>`);
  if (yields) {
    out.push(`<h3>Staking yield by kind of stake</h3>\n<table>`);
    out.push(`<tr><th class="text">root stake</th><td>${e(pct(yields.rootYield))}</td><td class="text">${n(yields.rootDividendsTao, 0)} TAO of root dividends on ${n(yields.rootStakeMeanTao, 0)} TAO of root stake (mean)</td></tr>`);
    out.push(`<tr><th class="text">alpha stake, across subnets</th><td>${e(spread(yields.alphaYield))}</td><td class="text">median (min – max) over ${yields.alphaYield.count} subnets</td></tr>`);
    out.push(`<tr><th class="text">per validator, full-detail subnets</th><td>${e(spread(yields.validatorYield))}</td><td class="text">median (min – max) over ${yields.validatorYield.count} validators; TaoWeight ${e(Number.isFinite(yields.taoWeight) ? yields.taoWeight.toPrecision(4) : "n/a")}</td></tr>`);
    out.push(`</table>\n<ul>`);
    for (const d of yieldDefinitions(yields)) out.push(`<li>${e(d)}</li>`);
    out.push(`</ul>`);
  }
  out.push(`</section>`);
  return out.join("\n");
}

/** The neurons whose numbers changed most, each with the command that derives its last epoch. */
function explainSection(x: NonNullable<ReportContent["explain"]>): string {
  const out = [`<section id="explain">\n<h2>Largest changes, explained</h2>`];
  out.push(`<p>Task ${x.task}, per subnet with neuron rows: from the first to the last sampled epoch (u16 values of <code>neurons.csv</code>). Each command re-runs the task to that epoch and prints the exact derivation of the neuron's numbers.</p>`);
  out.push(`<table>\n<tr><th>netuid</th><th>uid</th><th class="text">hotkey</th><th class="text">role</th><th class="text">change</th><th class="text">explain</th></tr>`);
  for (const ch of x.changes) {
    const change = `${ch.what} ${ch.direction} ${ch.from} → ${ch.to} (epochs ${ch.fromEpoch} → ${ch.toEpoch})`;
    out.push(`<tr><td>${ch.netuid}</td><td>${ch.uid}</td><td class="text">${e(ch.hotkey)}</td><td class="text">${e(ch.role)}</td><td class="text">${e(change)}</td><td class="text"><code>${e(explainCommand(x.runDir, x.task, ch))}</code></td></tr>`);
  }
  out.push(`</table>\n</section>`);
  return out.join("\n");
}

function cell(v: unknown): string {
  if (typeof v === "number") return e(formatValue(v, 4));
  return e(v);
}

function htmlTable(t: Table): string {
  const out = [`<div class="scroll"><table>`, `<tr>${t.columns.map((c) => `<th>${e(c)}</th>`).join("")}</tr>`];
  for (const r of t.rows) out.push(`<tr>${t.columns.map((c) => `<td>${cell(r[c])}</td>`).join("")}</tr>`);
  out.push(`</table></div>`);
  return out.join("\n");
}

/**
 * Aggregate rows as columns (one per sweep point, at most 12) and each metric on one line as
 * "mean (5–95 %: p05 to p95)", which reads better than 60 columns.
 */
function transposedTable(t: Table): string {
  const rows = t.rows.slice(0, 12);
  const out = [`<div class="scroll"><table>`, `<tr><th class="text">parameter or metric</th>${rows.map((r) => `<th>point ${e(r.point)}</th>`).join("")}</tr>`];
  const quantile = /_(p05|p50|p95)$/;
  for (const c of t.columns.filter((c) => c !== "point" && !quantile.test(c))) {
    const metric = c.endsWith("_mean") ? c.slice(0, -"_mean".length) : null;
    const value = (r: Record<string, unknown>) => {
      if (metric === null) return cell(r[c]);
      const [mean, lo, hi] = [r[c], r[`${metric}_p05`], r[`${metric}_p95`]] as number[];
      return lo === hi || !Number.isFinite(lo) ? cell(mean) : `${cell(mean)} <small>(${cell(lo)} to ${cell(hi)})</small>`;
    };
    out.push(`<tr><th class="text">${e(metric ?? c)}</th>${rows.map((r) => `<td>${value(r)}</td>`).join("")}</tr>`);
  }
  out.push(`</table></div>`);
  if (t.rows.length > rows.length) out.push(`<p>First ${rows.length} of ${t.rows.length} sweep points; all are in <code>aggregate.csv</code>.</p>`);
  return out.join("\n");
}
