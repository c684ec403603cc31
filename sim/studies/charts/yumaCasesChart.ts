// Vega-Lite chart of the yuma-cases study: per case (one facet each), a grouped bar chart of each
// validator's total dividend per 1000 TAO, one bar per variant.
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG, chartNumber } from "../../../reports/charts/chartTheme.js";
import type { CaseTotalRow, StudyVariantName } from "../studyDrivers.js";

export function yumaCasesChartSpec(rows: readonly CaseTotalRow[], variants: readonly StudyVariantName[]): TopLevelSpec {
  const values = rows.map((r) => ({
    case: r.case_name,
    variant: r.variant,
    validator: "ABCDEFGH"[r.validator_index] ?? String(r.validator_index),
    name: r.validator,
    total: chartNumber(r.total_dividend_per_1000_tao),
    pct: chartNumber(r.pct_vs_base),
  }));
  const caseOrder = [...new Set(rows.map((r) => r.case_name))];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: "Total dividends per validator, by Yuma variant", subtitle: "sum over the case's epochs of dividend per 1000 TAO" },
    config: CHART_CONFIG,
    data: { values },
    facet: { field: "case", type: "nominal", title: null, sort: caseOrder, header: { labelFontSize: 10, labelLimit: 460 } },
    columns: 3,
    spec: {
      width: 300,
      height: 150,
      mark: "bar",
      encoding: {
        x: { field: "validator", type: "nominal", title: "validator (A, B, C as in the case)", axis: { labelAngle: 0 } },
        xOffset: { field: "variant", type: "nominal", sort: [...variants] },
        y: { field: "total", type: "quantitative", title: "dividend / 1000 TAO" },
        color: { field: "variant", type: "nominal", sort: [...variants], title: "variant" },
        tooltip: [
          { field: "variant", type: "nominal" }, { field: "name", type: "nominal", title: "validator" },
          { field: "total", type: "quantitative" }, { field: "pct", type: "quantitative", title: "% vs base" },
        ],
      },
    },
    resolve: { scale: { y: "independent" } },
  } as TopLevelSpec;
}
