export { escapeHtml, inlineSvg } from "./escapeHtml.js";
export { renderReportHtml, MAX_SUMMARY_ROWS, type ReportChart, type ReportContent } from "./renderReportHtml.js";
export { findings } from "./findings.js";
export { formatValue, formatPercent, formatTao } from "./formatValue.js";
