export { renderChart, renderSvg, renderPng, renderPngAsync, renumberSvgIds, PNG_SCALE, type RenderedChart } from "./renderChart.js";
export { chartFontFiles, CHART_FONT_FAMILY } from "./chartFont.js";
export { pickCharts, MAX_SERIES_POINTS, type ChartInputs } from "./pickCharts.js";
export { pointLabels, varyingParameters, shortParameterName } from "./pointLabels.js";
export type { ChartDef } from "./specs/ChartDef.js";
