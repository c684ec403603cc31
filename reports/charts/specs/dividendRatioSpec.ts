// Bars of each validator strategy's dividends per unit of stake relative to honest validators
// (mean over replicates) with 5–95 % whiskers, a dashed line at 1 (parity with honest), one colour
// per sweep point.
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, chartNumber } from "../chartTheme.js";

export interface RatioBar {
  strategy: string;
  point: string;
  mean: number;
  p05: number;
  p95: number;
}

export function dividendRatioSpec(bars: RatioBar[]): TopLevelSpec {
  const values = bars.map((b) => ({ ...b, mean: chartNumber(b.mean), p05: chartNumber(b.p05), p95: chartNumber(b.p95) }));
  const points = [...new Set(bars.map((b) => b.point))];
  const x = { field: "strategy", type: "nominal", title: "validator strategy", axis: { labelAngle: 0 } };
  const xOffset = points.length > 1 ? { field: "point", type: "nominal", sort: points } : undefined;
  const color = points.length > 1 ? { field: "point", type: "nominal", title: null, sort: points, legend: { orient: "bottom", columns: 3 } } : { value: "#0072B2" };
  return {
    title: "Dividends per unit of stake, relative to honest validators",
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    config: CHART_CONFIG,
    layer: [
      {
        data: { values },
        layer: [
          { mark: { type: "bar", opacity: 0.85 }, encoding: { x, xOffset, color, y: { field: "mean", type: "quantitative", title: "ratio to honest (1 = parity)" } } },
          { mark: { type: "rule", color: "#333333" }, encoding: { x, xOffset, y: { field: "p05", type: "quantitative" }, y2: { field: "p95" } } },
        ],
      },
      { data: { values: [{ ref: 1 }] }, mark: { type: "rule", strokeDash: [4, 3], color: "#666666" }, encoding: { y: { field: "ref", type: "quantitative" } } },
    ],
  } as TopLevelSpec;
}
