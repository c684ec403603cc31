// Line chart over blocks: the replicates' mean as a line and, when asked, the 5–95 % band across
// replicates as a shaded area; one colour per line label (sweep point or subnet).
import type { TopLevelSpec } from "vega-lite";
import type { SeriesRow } from "../../metrics/SeriesCollector.js";
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, chartNumber } from "../chartTheme.js";

export interface TimeSeriesOptions {
  title: string;
  yTitle: string;
  /** Line label of a row (legend entry). */
  label: (row: SeriesRow) => string;
  /** Shade the 5–95 % band across replicates. */
  band: boolean;
  /** A horizontal reference line (e.g. ratio 1). */
  reference?: number;
}

export function timeSeriesSpec(rows: SeriesRow[], o: TimeSeriesOptions): TopLevelSpec {
  const values = rows.map((r) => ({ line: o.label(r), block: r.x, mean: chartNumber(r.mean), p05: chartNumber(r.p05), p95: chartNumber(r.p95) }));
  const labels = [...new Set(values.map((v) => v.line))];
  const color = {
    field: "line",
    type: "nominal",
    title: null,
    sort: labels,
    legend: labels.length > 1 && labels.length <= 16
      ? { orient: "bottom", columns: labels.some((l) => l.length > 24) ? 2 : 4, labelLimit: 480, symbolType: "stroke", symbolOpacity: 1, symbolStrokeWidth: 2.5 }
      : null,
  };
  const maxBlock = values.reduce((m, v) => Math.max(m, v.block), 0);
  const x = { field: "block", type: "quantitative", title: "block", scale: { nice: false, zero: false }, axis: { format: maxBlock >= 1e5 ? "~s" : ",d" } };
  const layers: unknown[] = [];
  if (o.band)
    layers.push({
      mark: { type: "area", opacity: 0.2 },
      encoding: { x, y: { field: "p05", type: "quantitative", title: o.yTitle }, y2: { field: "p95" }, color },
    });
  layers.push({
    mark: { type: "line", strokeWidth: 1.6 },
    encoding: { x, y: { field: "mean", type: "quantitative", title: o.yTitle, scale: { zero: false } }, color },
  });
  if (o.reference !== undefined)
    layers.push({ data: { values: [{ ref: o.reference }] }, mark: { type: "rule", strokeDash: [4, 3], color: "#666666" }, encoding: { y: { field: "ref", type: "quantitative" } } });
  return {
    title: o.title,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    config: CHART_CONFIG,
    data: { values },
    layer: layers,
  } as TopLevelSpec;
}
