// Stacked areas of the block emission's shares over blocks: the largest subnets one by one (largest
// at the bottom) and everything else as one "others" band, so 128 subnets make at most N + 1 series.
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, chartNumber } from "../chartTheme.js";

export interface ShareValue {
  block: number;
  /** Legend label: "netuid 3" or "others (120 subnets)". */
  subnet: string;
  share: number;
}

/** `order`: the labels bottom to top (largest first, "others" last). */
export function stackedShareSpec(values: ShareValue[], order: string[], title: string): TopLevelSpec {
  const data = values.map((v) => ({ ...v, share: chartNumber(v.share), rank: order.indexOf(v.subnet) }));
  const maxBlock = values.reduce((m, v) => Math.max(m, v.block), 0);
  const others = order.length > 0 && order[order.length - 1].startsWith("others");
  // Okabe–Ito for the named subnets (cycled), grey for the rest.
  const named = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000", "#882255", "#44AA99", "#999933", "#AA4499"];
  const range = order.map((_, k) => (others && k === order.length - 1 ? "#bbbbbb" : named[k % named.length]));
  return {
    title,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    config: CHART_CONFIG,
    data: { values: data },
    mark: { type: "area", opacity: 0.9 },
    encoding: {
      x: { field: "block", type: "quantitative", title: "block", scale: { nice: false, zero: false }, axis: { format: maxBlock >= 1e5 ? "~s" : ",d" } },
      y: { field: "share", type: "quantitative", stack: "zero", title: "share of the block emission", axis: { format: ".0%" }, scale: { domain: [0, 1], nice: false } },
      color: { field: "subnet", type: "nominal", title: null, sort: order, scale: { domain: order, range }, legend: { orient: "bottom", columns: 4, labelLimit: 240 } },
      order: { field: "rank", type: "quantitative" },
    },
  } as TopLevelSpec;
}
