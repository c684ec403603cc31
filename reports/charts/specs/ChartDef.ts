import type { TopLevelSpec } from "vega-lite";

/** One chart of a report: file stem under charts/, caption for the report, Vega-Lite spec. */
export interface ChartDef {
  name: string;
  title: string;
  caption: string;
  spec: TopLevelSpec;
}
