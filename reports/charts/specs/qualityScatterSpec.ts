// Scatter of each miner's mean incentive against its true quality (one task), with the rank
// correlation in the subtitle.
import type { TopLevelSpec } from "vega-lite";
import type { MinerPoint } from "../../metrics/NeuronTaskAccumulator.js";
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, chartNumber } from "../chartTheme.js";

export function qualityScatterSpec(miners: MinerPoint[], subtitle: string): TopLevelSpec {
  const netuids = new Set(miners.map((m) => m.netuid));
  const values = miners.map((m) => ({ netuid: `netuid ${m.netuid}`, quality: chartNumber(m.quality), incentive: chartNumber(m.incentive) }));
  return {
    title: { text: "Miner incentive vs true quality", subtitle },
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    config: CHART_CONFIG,
    data: { values },
    mark: { type: "point", filled: true, opacity: 0.7, size: 36 },
    encoding: {
      x: { field: "quality", type: "quantitative", title: "true quality", scale: { zero: false } },
      y: { field: "incentive", type: "quantitative", title: "mean incentive" },
      color: netuids.size > 1 && netuids.size <= 16 ? { field: "netuid", type: "nominal", title: null } : { value: "#0072B2" },
    },
  } as TopLevelSpec;
}
