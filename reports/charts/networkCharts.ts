// Charts of prices and emission shares over time for a run with several subnets: one chart per
// subnet in full detail (its price and share), and the network as a whole (every price relative to
// its start as median and quartiles, Σ prices, the largest subnets' shares stacked with "others",
// the root proportion). Series counts stay bounded with 128 subnets.
import type { RunMetrics } from "../metrics/readRunMetrics.js";
import type { SeriesRow } from "../metrics/SeriesCollector.js";
import type { ChartDef } from "./specs/ChartDef.js";
import { spreadSpec, type SpreadPoint } from "./specs/spreadSpec.js";
import { stackedShareSpec, type ShareValue } from "./specs/stackedShareSpec.js";
import { subnetDetailSpec } from "./specs/subnetDetailSpec.js";
import { timeSeriesSpec } from "./specs/timeSeriesSpec.js";

/** Subnets drawn one by one in the stacked shares (the rest are "others"). */
export const TOP_SHARE_SUBNETS = 8;
/** Full-detail subnets that get a chart of their own (the largest mean shares). */
export const MAX_DETAIL_CHARTS = 6;

/** `point`: the sweep point drawn; `where`: its label for titles ("" for a single point). */
export function networkCharts(run: RunMetrics, point: number, where: string): ChartDef[] {
  if (run.netuids.length < 2) return [];
  const of = (series: string) => run.series.rows(series).filter((r) => r.point === point);
  const shares = of("block_share");
  const meanShare = meanByGroup(shares);
  const charts: ChartDef[] = [];

  const prices = of("price");
  const detail = run.fullDetailNetuids
    .filter((n) => n !== 0)
    .sort((a, b) => (meanShare.get(`netuid ${b}`) ?? 0) - (meanShare.get(`netuid ${a}`) ?? 0) || a - b)
    .slice(0, MAX_DETAIL_CHARTS);
  for (const netuid of detail) {
    const g = `netuid ${netuid}`;
    const title = `Subnet ${netuid} (full detail): price and emission share${where}`;
    charts.push({
      name: `subnet-detail-${netuid}`,
      title,
      caption: `Subnet ${netuid}'s pool price (top) and its share of each block's TAO emission (bottom) over the run${where}; line: mean over replicates, shaded: 5–95 % of replicates.`,
      spec: subnetDetailSpec(prices.filter((r) => r.group === g), shares.filter((r) => r.group === g), title),
    });
  }

  const index = pivot(of("network_price_index"), { min: "min", q25: "q25", median: "median", q75: "q75", max: "max" });
  if (index.length > 0)
    charts.push({
      name: "network-price-index",
      title: `Subnet prices relative to their start${where}`,
      caption: `Every subnet's pool price divided by its price at the first sample, summarised across the ${run.netuids.length} subnets at each block: median line, 25–75 % and min–max bands (mean over replicates)${where}.`,
      spec: spreadSpec(index, {
        title: `Subnet prices relative to their start${where}`,
        yTitle: "price / start price",
        bands: [["min", "max", "min–max"], ["q25", "q75", "25–75 %"]],
        lines: [["median", "median"]],
        reference: 1,
      }),
    });

  const sums = of("network_price_sum");
  if (sums.length > 0)
    charts.push({
      name: "network-price-sum",
      title: `Σ subnet prices${where}`,
      caption: `The sum over all subnets of the pool prices and of the moving prices (TAO per alpha), which sets whether root sells alpha (Σ > 1) and how emission is shared; line: mean over replicates, shaded: 5–95 %${where}.`,
      spec: timeSeriesSpec(sums, { title: `Σ subnet prices${where}`, yTitle: "TAO per alpha", label: (r) => r.group, band: true, reference: 1 }),
    });

  if (shares.length > 0) {
    const { values, order } = topShares(shares, meanShare, TOP_SHARE_SUBNETS, detail.map((n) => `netuid ${n}`));
    charts.push({
      name: "network-emission-shares",
      title: `Share of the block emission, largest subnets${where}`,
      caption: `Each block's TAO emission split by subnet, stacked: the ${Math.min(TOP_SHARE_SUBNETS, meanShare.size)} subnets with the largest mean share and the subnets in full detail one by one, the rest as "others" (mean over replicates)${where}.`,
      spec: stackedShareSpec(values, order, `Share of the block emission${where}`),
    });
  }

  const rp = pivot(of("network_root_proportion"), { q25: "q25", median: "median", q75: "q75", "emission-weighted mean": "weighted" });
  if (rp.length > 0)
    charts.push({
      name: "network-root-proportion",
      title: `Root proportion${where}`,
      caption: `The chain's root proportion of each subnet at each sample, TaoWeight·root TAO / (TaoWeight·root TAO + SubnetAlphaIn + SubnetAlphaOut), the share of the validators' half of its alpha emission that goes to root: median and 25–75 % across subnets, and the mean weighted by emission share${where}.`,
      spec: spreadSpec(rp, {
        title: `Root proportion${where}`,
        yTitle: "root proportion",
        bands: [["q25", "q75", "25–75 % of subnets"]],
        lines: [["median", "median"], ["weighted", "emission-weighted mean"]],
        yFormat: ".1%",
      }),
    });
  return charts;
}

/** Mean over x of each group's replicate mean. */
function meanByGroup(rows: SeriesRow[]): Map<string, number> {
  const acc = new Map<string, [number, number]>();
  for (const r of rows) {
    if (!Number.isFinite(r.mean)) continue;
    const a = acc.get(r.group) ?? [0, 0];
    a[0] += r.mean;
    a[1]++;
    acc.set(r.group, a);
  }
  return new Map([...acc].map(([g, [s, n]]) => [g, s / n]));
}

/** Rows of several groups → one record per x with each group's replicate mean under `fields[group]`. */
function pivot(rows: SeriesRow[], fields: Record<string, string>): SpreadPoint[] {
  const byX = new Map<number, SpreadPoint>();
  for (const r of rows) {
    const f = fields[r.group];
    if (f === undefined) continue;
    let p = byX.get(r.x);
    if (!p) byX.set(r.x, (p = { block: r.x } as SpreadPoint));
    p[f] = r.mean;
  }
  return [...byX.values()].sort((a, b) => a.block - b.block);
}

/**
 * The `n` groups with the largest mean share and the `also` groups, largest first, then "others"
 * summed per block: at most n + also.length + 1 series.
 */
export function topShares(rows: SeriesRow[], mean: Map<string, number>, n: number, also: string[] = []): { values: ShareValue[]; order: string[] } {
  const ranked = [...mean.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "en", { numeric: true })).map(([g]) => g);
  const top = new Set([...ranked.slice(0, n), ...also.filter((g) => mean.has(g))]);
  const named = ranked.filter((g) => top.has(g));
  const rest = ranked.length - top.size;
  const othersLabel = `others (${rest} subnets)`;
  const values: ShareValue[] = [];
  const others = new Map<number, number>();
  for (const r of rows) {
    if (!Number.isFinite(r.mean)) continue;
    if (top.has(r.group)) values.push({ block: r.x, subnet: r.group, share: r.mean });
    else others.set(r.x, (others.get(r.x) ?? 0) + r.mean);
  }
  for (const [block, share] of [...others].sort((a, b) => a[0] - b[0])) values.push({ block, subnet: othersLabel, share });
  return { values, order: [...named, ...(rest > 0 ? [othersLabel] : [])] };
}
