// Spread of a quantity across subnets over blocks: shaded bands between pairs of fields (e.g.
// min–max, 25–75 %) and lines for others (median, a weighted mean), with an optional dashed
// reference. A fixed handful of marks however many subnets there are.
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, PALETTE, chartNumber } from "../chartTheme.js";

/** One block: the fields named by the bands and lines. */
export type SpreadPoint = { block: number } & Record<string, number>;

export interface SpreadOptions {
  title: string;
  yTitle: string;
  /** Shaded bands, widest first: [low field, high field, legend label]. */
  bands: [string, string, string][];
  /** Lines: [field, legend label]; the first is solid, the others dashed. */
  lines: [string, string][];
  reference?: number;
  /** Axis format of y (d3-format), e.g. ".0%". */
  yFormat?: string;
}

export function spreadSpec(points: SpreadPoint[], o: SpreadOptions): TopLevelSpec {
  const values = points.map((p) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, k === "block" ? v : chartNumber(v)])));
  const maxBlock = points.reduce((m, p) => Math.max(m, p.block), 0);
  const x = { field: "block", type: "quantitative", title: "block", scale: { nice: false, zero: false }, axis: { format: maxBlock >= 1e5 ? "~s" : ",d" } };
  const y = { type: "quantitative", title: o.yTitle, scale: { zero: false }, axis: o.yFormat ? { format: o.yFormat } : {} };
  const labels = [...o.bands.map((b) => b[2]), ...o.lines.map((l) => l[1])];
  const colours = [...o.bands.map((_, k) => ["#9ecae1", "#4292c6"][k] ?? "#c6dbef"), ...o.lines.map((_, k) => [PALETTE[0], PALETTE[1], PALETTE[2]][k] ?? "#000000")];
  const color = { field: "what", type: "nominal", title: null, scale: { domain: labels, range: colours }, legend: { orient: "bottom", symbolOpacity: 1 } };
  const layers: unknown[] = [];
  for (const [lo, hi, label] of o.bands)
    layers.push({
      transform: [{ calculate: JSON.stringify(label), as: "what" }],
      mark: { type: "area", opacity: 0.55 },
      encoding: { x, y: { ...y, field: lo }, y2: { field: hi }, color },
    });
  o.lines.forEach(([field, label], k) =>
    layers.push({
      transform: [{ calculate: JSON.stringify(label), as: "what" }],
      mark: { type: "line", strokeWidth: k === 0 ? 2 : 1.6, strokeDash: k === 0 ? [1, 0] : [5, 3] },
      encoding: { x, y: { ...y, field }, color },
    }),
  );
  if (o.reference !== undefined)
    layers.push({ data: { values: [{ ref: o.reference }] }, mark: { type: "rule", strokeDash: [4, 3], color: "#666666" }, encoding: { y: { field: "ref", type: "quantitative" } } });
  return { title: o.title, width: CHART_WIDTH, height: CHART_HEIGHT, config: CHART_CONFIG, data: { values }, layer: layers } as TopLevelSpec;
}
