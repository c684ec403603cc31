// report.html of a study folder: one self-contained page (inline CSS and SVG, no script) with the
// study's description and parameters, its tables and its charts. Strings are escaped.
import { escapeHtml as e, inlineSvg } from "../../reports/html/escapeHtml.js";
import { REPORT_CSS } from "../../reports/html/reportStyle.js";
import { formatCell, type CsvCell } from "../../reports/tables/formatCell.js";

export interface StudyTable {
  title: string;
  caption?: string;
  columns: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

export interface StudyReportContent {
  study: string;
  description: string;
  parameters: readonly [string, string][];
  tables: readonly StudyTable[];
  charts: readonly { name: string; svg: string }[];
}

export function renderStudyReportHtml(c: StudyReportContent): string {
  const parts: string[] = [];
  parts.push(`<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">`);
  parts.push(`<title>taosim study: ${e(c.study)}</title>\n<style>${REPORT_CSS}</style>\n</head>\n<body>`);
  parts.push(`<header>\n<h1>taosim study: ${e(c.study)}</h1>\n<p>${e(c.description)}</p>\n</header>`);
  parts.push(`<section id="parameters">\n<h2>Parameters</h2>\n<table>`);
  for (const [k, v] of c.parameters) parts.push(`<tr><th class="text">${e(k)}</th><td class="text">${e(v)}</td></tr>`);
  parts.push(`</table>\n</section>`);
  for (const t of c.tables) {
    parts.push(`<section>\n<h2>${e(t.title)}</h2>`);
    if (t.caption) parts.push(`<p>${e(t.caption)}</p>`);
    parts.push(`<table>\n<tr>${t.columns.map((h) => `<th>${e(h)}</th>`).join("")}</tr>`);
    for (const row of t.rows) {
      parts.push(`<tr>${row.map((v) => `<td${typeof v === "string" ? ' class="text"' : ""}>${e(formatCell(v))}</td>`).join("")}</tr>`);
    }
    parts.push(`</table>\n</section>`);
  }
  if (c.charts.length > 0) {
    parts.push(`<section id="charts">\n<h2>Charts</h2>`);
    for (const chart of c.charts) parts.push(`<figure id="chart-${e(chart.name)}">${inlineSvg(chart.svg)}</figure>`);
    parts.push(`</section>`);
  }
  parts.push(`</body>\n</html>\n`);
  return parts.join("\n");
}
