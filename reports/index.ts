// reports/: reads a finished run folder and writes its summary tables, charts and report.html.
export { buildReport, type BuildReportOptions } from "./buildReport.js";
export * from "./metrics/index.js";
export * from "./tables/index.js";
export * from "./charts/index.js";
export * from "./html/index.js";
