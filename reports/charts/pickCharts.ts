// Which charts a run gets, from what its tables record: issuance and price/reserve paths with
// replicate bands, per-subnet paths for runs of a few subnets, the network and full-detail subnets
// (networkCharts) for any multi-subnet run, dividend ratios by strategy (over time and
// overall), incentive vs true quality, emission by role, and each headline metric across the sweep.
import type { MetricColumn } from "../metrics/metricColumns.js";
import type { RunMetrics } from "../metrics/readRunMetrics.js";
import type { PointSummary } from "../metrics/runTables.js";
import type { SeriesRow } from "../metrics/SeriesCollector.js";
import { formatNumber } from "../tables/formatCell.js";
import { networkCharts } from "./networkCharts.js";
import { formatParam, pointLabels, shortParameterName, varyingParameters } from "./pointLabels.js";
import type { ChartDef } from "./specs/ChartDef.js";
import { dividendRatioSpec } from "./specs/dividendRatioSpec.js";
import { emissionShareSpec } from "./specs/emissionShareSpec.js";
import { qualityScatterSpec } from "./specs/qualityScatterSpec.js";
import { sweepHeatmapSpec, sweepLineSpec, type SweepValue } from "./specs/sweepSpec.js";
import { timeSeriesSpec } from "./specs/timeSeriesSpec.js";

export interface ChartInputs {
  run: RunMetrics;
  points: PointSummary[];
  params: string[];
  metrics: MetricColumn[];
}

/** Time-series charts are drawn for at most this many sweep points. */
export const MAX_SERIES_POINTS = 6;
/** Runs with more subnets get the network charts instead of one line per subnet. */
export const MAX_SUBNET_LINES = 8;
const MAX_SWEEP_CHARTS = 4;

export function pickCharts({ run, points, params, metrics }: ChartInputs): ChartDef[] {
  const charts: ChartDef[] = [];
  const varying = varyingParameters(points, params);
  const labels = pointLabels(points, varying);
  const multiPoint = points.length > 1;
  const byPoint = (r: SeriesRow) => labels.get(r.point) ?? `point ${r.point}`;
  const series = (name: string) => run.series.rows(name);
  const bandNote = "Line: mean over replicates; shaded: 5–95 % of replicates.";

  const issuance = series("issuance");
  if (issuance.length > 0)
    charts.push({
      name: "issuance",
      title: "Total issuance",
      caption: `Total TAO issuance over the run. ${bandNote}`,
      spec: timeSeriesSpec(issuance, { title: "Total issuance", yTitle: "TAO", label: byPoint, band: true }),
    });

  const multiSubnet = run.netuids.length > 1;
  const manySubnets = run.netuids.length > MAX_SUBNET_LINES;
  const subnetPaths: [string, string, string][] = [
    ["price", "Subnet price", "TAO per alpha"],
    ["tao_reserve", "Subnet TAO reserve", "TAO"],
    ...(multiSubnet ? [["emission_share", "Share of TAO emission by subnet (cumulative)", "share"] as [string, string, string]] : []),
  ];
  for (const [name, title, yTitle] of subnetPaths) {
    let rows = series(name);
    if (rows.length === 0 || manySubnets) continue;
    if (multiSubnet) {
      const first = rows[0].point;
      rows = rows.filter((r) => r.point === first);
      const groups = new Set(rows.map((r) => r.group)).size;
      const where = multiPoint ? ` (${labels.get(first)})` : "";
      charts.push({
        name: `subnet-${name.replace(/_/g, "-")}`,
        title: `${title}${where}`,
        caption: `${title} per subnet${where}. ${groups <= 4 ? bandNote : "Lines: mean over replicates."}`,
        spec: timeSeriesSpec(rows, { title: `${title}${where}`, yTitle, label: (r) => r.group, band: groups <= 4 }),
      });
    } else
      charts.push({
        name: name.replace(/_/g, "-"),
        title,
        caption: `${title} over the run. ${bandNote}`,
        spec: timeSeriesSpec(rows, { title, yTitle, label: byPoint, band: true }),
      });
  }

  const shown = points[0]?.point ?? 0;
  charts.push(...networkCharts(run, shown, multiPoint ? ` (${labels.get(shown) ?? `point ${shown}`})` : ""));

  const ratioRows = series("dividend_ratio");
  if (ratioRows.length > 0)
    charts.push({
      name: "dividend-ratio-over-time",
      title: "Dividends per unit of stake relative to honest validators, by epoch",
      caption: `Each strategy's dividends per unit of stake divided by honest validators', epoch by epoch (1 = parity). ${bandNote}`,
      spec: timeSeriesSpec(ratioRows, {
        title: "Dividends per stake relative to honest, by epoch",
        yTitle: "ratio to honest",
        label: (r) => (multiPoint ? `${r.group} (${byPoint(r)})` : r.group),
        band: true,
        reference: 1,
      }),
    });

  const ratioMetrics = metrics.filter((m) => m.name.startsWith("dividend_ratio_"));
  const bars = points.flatMap((p) =>
    ratioMetrics.map((m) => {
      const q = p.metrics.get(m.name)!;
      return { strategy: m.name.slice("dividend_ratio_".length), point: labels.get(p.point)!, mean: q.mean, p05: q.p05, p95: q.p95 };
    }),
  ).filter((b) => Number.isFinite(b.mean));
  if (bars.length > 0 && points.length <= 12)
    charts.push({
      name: "dividend-ratios",
      title: "Dividends per unit of stake by validator strategy",
      caption: "Whole-run dividends per unit of stake of each validator strategy divided by honest validators' (1 = parity). Bars: mean over replicates; whiskers: 5–95 %.",
      spec: dividendRatioSpec(bars),
    });

  if (run.miners) {
    const rho = run.tasks.get(run.miners.task)?.neurons?.qualitySpearman ?? NaN;
    charts.push({
      name: "incentive-vs-quality",
      title: "Miner incentive vs true quality",
      caption: `Each miner's mean incentive against its true quality in task ${run.miners.task} (Spearman ρ = ${fmt(rho)}).`,
      spec: qualityScatterSpec(run.miners.points, `task ${run.miners.task}, Spearman ρ = ${fmt(rho)}`),
    });
  }

  const roleShares = points.flatMap((p) =>
    (["owner", "miners", "validators", "root"] as const).map((role) => ({ point: labels.get(p.point)!, role, share: p.metrics.get(`emission_share_${role}`)?.mean ?? NaN })),
  ).filter((s) => Number.isFinite(s.share));
  if (roleShares.length > 0 && points.length <= 24)
    charts.push({
      name: "emission-share",
      title: "Share of emission by role",
      caption: "Share of the run's emission that went to subnet owners, miners, validators and root (mean over replicates).",
      spec: emissionShareSpec(roleShares),
    });

  if (multiPoint) charts.push(...sweepCharts(points, varying, labels, metrics));
  return charts;
}

function sweepCharts(points: PointSummary[], varying: string[], labels: Map<number, string>, metrics: MetricColumn[]): ChartDef[] {
  const headline = [
    ...metrics.filter((m) => m.name.startsWith("dividend_ratio_")),
    ...metrics.filter((m) => ["quality_spearman", "emission_gini", "stake_gini", "emission_share_validators"].includes(m.name)),
  ].filter((m) => points.some((p) => Number.isFinite(p.metrics.get(m.name)?.mean)));
  const out: ChartDef[] = [];
  for (const m of headline.slice(0, MAX_SWEEP_CHARTS)) {
    const q = (p: PointSummary) => p.metrics.get(m.name)!;
    let spec;
    let scope = "";
    if (varying.length >= 2) {
      // Heatmap over the first two varying parameters; any others held at the first point's values.
      const [px, py, ...rest] = varying;
      const fixed = points.filter((p) => rest.every((r) => JSON.stringify(p.params[r]) === JSON.stringify(points[0].params[r])));
      const values: SweepValue[] = fixed.map((p) => ({ x: p.params[px] as number, y: p.params[py] as number, ...q(p) }));
      spec = sweepHeatmapSpec(values, shortParameterName(px), shortParameterName(py), m.label);
      if (rest.length > 0) scope = ` with ${rest.map((r) => `${shortParameterName(r)}=${formatParam(points[0].params[r])}`).join(", ")}`;
    } else if (varying.length === 1) {
      const px = varying[0];
      const values = points.map((p) => ({ x: p.params[px] as number | string, ...q(p) }));
      spec = sweepLineSpec(values, shortParameterName(px), m.label);
    } else {
      const values = points.map((p) => ({ x: labels.get(p.point)!, ...q(p) }));
      spec = sweepLineSpec(values, "sweep point", m.label);
    }
    out.push({
      name: `sweep-${m.name.replace(/_/g, "-")}`,
      title: `${m.label} across the sweep`,
      caption: `${m.label} at each sweep point${scope} (${varying.length >= 2 ? "mean over replicates" : "mean, band 5–95 % of replicates"}).`,
      spec,
    });
  }
  return out;
}

const fmt = (v: number) => (Number.isFinite(v) ? formatNumber(Number(v.toPrecision(3))) : "n/a");
