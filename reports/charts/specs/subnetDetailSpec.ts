// One subnet in full detail: its pool price (top) and its share of the block emission (bottom) over
// blocks, each the replicates' mean as a line and their 5–95 % band shaded.
import type { TopLevelSpec } from "vega-lite";
import type { SeriesRow } from "../../metrics/SeriesCollector.js";
import { CHART_CONFIG, CHART_WIDTH, PALETTE, chartNumber } from "../chartTheme.js";

const PANEL_HEIGHT = 150;

function panel(rows: SeriesRow[], yTitle: string, colour: string, yFormat: string | undefined, maxBlock: number): unknown {
  const values = rows.map((r) => ({ block: r.x, mean: chartNumber(r.mean), p05: chartNumber(r.p05), p95: chartNumber(r.p95) }));
  const x = { field: "block", type: "quantitative", title: "block", scale: { nice: false, zero: false }, axis: { format: maxBlock >= 1e5 ? "~s" : ",d" } };
  const axis = yFormat ? { format: yFormat } : {};
  return {
    width: CHART_WIDTH,
    height: PANEL_HEIGHT,
    data: { values },
    layer: [
      { mark: { type: "area", opacity: 0.2, color: colour }, encoding: { x, y: { field: "p05", type: "quantitative", title: yTitle, axis }, y2: { field: "p95" } } },
      { mark: { type: "line", strokeWidth: 1.8, color: colour }, encoding: { x, y: { field: "mean", type: "quantitative", title: yTitle, scale: { zero: false }, axis } } },
    ],
  };
}

export function subnetDetailSpec(price: SeriesRow[], share: SeriesRow[], title: string): TopLevelSpec {
  const maxBlock = [...price, ...share].reduce((m, r) => Math.max(m, r.x), 0);
  const panels = [];
  if (price.length > 0) panels.push(panel(price, "price (TAO per alpha)", PALETTE[0], undefined, maxBlock));
  if (share.length > 0) panels.push(panel(share, "share of block emission", PALETTE[1], ".4~p", maxBlock));
  return { title, config: CHART_CONFIG, vconcat: panels } as TopLevelSpec;
}
