// A metric across sweep points: a line with the 5–95 % band when one parameter varies, a heatmap of
// the mean when two vary (the other parameters, if any, fixed at their first value).
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, chartNumber } from "../chartTheme.js";

export interface SweepValue {
  x: number | string;
  y?: number | string;
  mean: number;
  p05: number;
  p95: number;
}

export function sweepLineSpec(values: SweepValue[], xTitle: string, metricLabel: string): TopLevelSpec {
  const data = values.map((v) => ({ x: v.x, mean: chartNumber(v.mean), p05: chartNumber(v.p05), p95: chartNumber(v.p95) }));
  const numeric = values.every((v) => typeof v.x === "number");
  const x = { field: "x", type: numeric ? "quantitative" : "ordinal", title: xTitle, scale: numeric ? { zero: false } : undefined };
  return {
    title: { text: metricLabel, subtitle: `across sweep points (mean, 5–95 % of replicates)` },
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    config: CHART_CONFIG,
    data: { values: data },
    layer: [
      { mark: { type: numeric ? "area" : "bar", opacity: 0.2, color: "#0072B2" }, encoding: { x, y: { field: "p05", type: "quantitative", title: metricLabel }, y2: { field: "p95" } } },
      { mark: { type: "line", point: true, color: "#0072B2" }, encoding: { x, y: { field: "mean", type: "quantitative", scale: { zero: false } } } },
    ],
  } as TopLevelSpec;
}

export function sweepHeatmapSpec(values: SweepValue[], xTitle: string, yTitle: string, metricLabel: string): TopLevelSpec {
  const data = values.map((v) => ({ x: v.x, y: v.y, mean: chartNumber(v.mean) }));
  return {
    title: { text: metricLabel, subtitle: "mean over replicates at each sweep point" },
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    config: CHART_CONFIG,
    data: { values: data },
    mark: "rect",
    encoding: {
      x: { field: "x", type: "ordinal", title: xTitle, sort: "ascending" },
      y: { field: "y", type: "ordinal", title: yTitle, sort: "descending" },
      color: { field: "mean", type: "quantitative", title: null, scale: { scheme: "viridis" } },
    },
  } as TopLevelSpec;
}
