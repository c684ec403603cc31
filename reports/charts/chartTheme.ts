// Shared look of every chart: bundled font, white background, fixed sizes and a colour-blind-safe
// palette (Okabe–Ito), so every chart reads the same in the report and in PNG.
import { CHART_FONT_FAMILY } from "./chartFont.js";

export const CHART_WIDTH = 560;
export const CHART_HEIGHT = 280;

export const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"];

export const CHART_CONFIG = {
  font: CHART_FONT_FAMILY,
  background: "white",
  view: { stroke: "#cccccc" },
  range: { category: PALETTE },
  axis: { labelFontSize: 11, titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 220 },
  title: { fontSize: 14, anchor: "start" as const },
} as const;

/** Rounds a number to 6 significant digits for chart data (smaller, stable spec files). */
export function chartNumber(v: number): number | null {
  if (!Number.isFinite(v)) return null;
  return Number(v.toPrecision(6));
}
