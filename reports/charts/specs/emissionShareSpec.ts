// Stacked bars: share of emission by role (owner, miners, validators, root), mean over replicates,
// one bar per sweep point.
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG, CHART_WIDTH, chartNumber } from "../chartTheme.js";

export interface RoleShare {
  point: string;
  role: string;
  share: number;
}

export function emissionShareSpec(shares: RoleShare[]): TopLevelSpec {
  const points = [...new Set(shares.map((s) => s.point))];
  const roles = ["owner", "miners", "validators", "root"];
  const values = shares.map((s) => ({ ...s, share: chartNumber(s.share), order: roles.indexOf(s.role) }));
  return {
    title: "Share of emission by role",
    width: CHART_WIDTH,
    height: { step: 26 },
    config: CHART_CONFIG,
    data: { values },
    mark: "bar",
    encoding: {
      y: { field: "point", type: "nominal", title: null, sort: points },
      x: { field: "share", type: "quantitative", title: "share of emission", axis: { format: ".0%" }, scale: { domain: [0, 1] } },
      color: { field: "role", type: "nominal", title: null, sort: roles, legend: { orient: "bottom" } },
      order: { field: "order", type: "quantitative" },
    },
  } as TopLevelSpec;
}
