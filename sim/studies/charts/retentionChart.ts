// Vega-Lite retention graph of the consensus-guarantee study (docs/consensus.md, "Retention graphs"):
// x honest self-weight W_H, y cabal self-weight W_C, one contour E_H = S_H per honest stake S_H.
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG, chartNumber } from "../../../reports/charts/chartTheme.js";
import type { ContourSegment } from "../studyDrivers.js";

export interface RetentionLine {
  honestStake: number;
  segments: readonly ContourSegment[];
}

export function retentionChartSpec(lines: readonly RetentionLine[], weightSigma: number, bondsPenalty: number): TopLevelSpec {
  const values: { honest_stake: number; segment: string; point: number; x: number | null; y: number | null }[] = [];
  for (const line of lines) {
    line.segments.forEach((s, k) => {
      const segment = `${line.honestStake}/${k}`;
      values.push({ honest_stake: line.honestStake, segment, point: 0, x: chartNumber(s.x1), y: chartNumber(s.y1) });
      values.push({ honest_stake: line.honestStake, segment, point: 1, x: chartNumber(s.x2), y: chartNumber(s.y2) });
    });
  }
  const axis = (title: string) => ({ type: "quantitative", title, scale: { domain: [0, 1] } });
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: `Retention: honest emission = honest stake (σ_W = ${weightSigma}μ, β = ${bondsPenalty})`,
      subtitle: "to the right of a line the honest set keeps (or grows) its stake share",
    },
    width: 380,
    height: 380,
    config: CHART_CONFIG,
    data: { values },
    mark: { type: "line", strokeWidth: 1.5 },
    encoding: {
      x: { field: "x", ...axis("honest self-weight W_H") },
      y: { field: "y", ...axis("cabal self-weight W_C") },
      color: { field: "honest_stake", type: "ordinal", title: "honest stake S_H", scale: { scheme: "viridis" } },
      detail: { field: "segment", type: "nominal" },
      order: { field: "point", type: "quantitative" },
    },
  } as TopLevelSpec;
}
