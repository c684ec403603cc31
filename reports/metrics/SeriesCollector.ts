// Time series across replicates: for each (sweep point, series, group, x) the replicates' values,
// summarised as mean and 5/50/95 % quantiles for band charts. At most `maxSamples` x values per
// line are kept in the output (evenly spaced by position, first and last always kept).
import { ReplicateStats } from "./ReplicateStats.js";

export interface SeriesRow {
  point: number;
  series: string;
  group: string;
  x: number;
  n: number;
  mean: number;
  p05: number;
  p50: number;
  p95: number;
}

export class SeriesCollector {
  private readonly lines = new Map<string, { point: number; series: string; group: string; xs: Map<number, ReplicateStats> }>();

  add(point: number, series: string, group: string, x: number, value: number): void {
    if (!Number.isFinite(value)) return;
    const key = `${point}\u0000${series}\u0000${group}`;
    let line = this.lines.get(key);
    if (!line) this.lines.set(key, (line = { point, series, group, xs: new Map() }));
    let stats = line.xs.get(x);
    if (!stats) line.xs.set(x, (stats = new ReplicateStats()));
    stats.add(value);
  }

  /** Names of the series that have data, sorted. */
  seriesNames(): string[] {
    return [...new Set([...this.lines.values()].map((l) => l.series))].sort();
  }

  /** Rows of one series, ordered by (point, group, x). */
  rows(series: string, maxSamples = 240): SeriesRow[] {
    const lines = [...this.lines.values()]
      .filter((l) => l.series === series)
      .sort((a, b) => a.point - b.point || compareGroups(a.group, b.group));
    const out: SeriesRow[] = [];
    for (const line of lines) {
      const xs = [...line.xs.keys()].sort((a, b) => a - b);
      for (const x of thin(xs, maxSamples)) {
        out.push({ point: line.point, series, group: line.group, x, ...line.xs.get(x)!.summary() });
      }
    }
    return out;
  }
}

/** Natural order for group labels such as "netuid 2" < "netuid 10". */
export function compareGroups(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const na = /^\d/.test(pa[i]) && /^\d/.test(pb[i]);
    const d = na ? Number(pa[i]) - Number(pb[i]) : pa[i] < pb[i] ? -1 : pa[i] > pb[i] ? 1 : 0;
    if (d !== 0) return d;
  }
  return pa.length - pb.length;
}

function thin(xs: number[], max: number): number[] {
  if (xs.length <= max) return xs;
  const out: number[] = [];
  for (let k = 0; k < max; k++) out.push(xs[Math.round((k * (xs.length - 1)) / (max - 1))]);
  return out;
}
