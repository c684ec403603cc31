// The two tables a report writes: summary.csv (one row per task: coordinates, parameters, status,
// metrics) and aggregate.csv (one row per sweep point: parameters, then mean and 5/50/95 %
// quantiles of every metric across the point's replicates).
import type { CsvCell } from "../tables/formatCell.js";
import type { RunManifest } from "../tables/readManifest.js";
import type { MetricColumn } from "./metricColumns.js";
import type { RunMetrics, TaskMetrics } from "./readRunMetrics.js";
import { ReplicateStats, type QuantileSummary } from "./ReplicateStats.js";

export interface Table {
  columns: string[];
  rows: Record<string, CsvCell>[];
}

export interface TaskRow {
  task: number;
  point: number;
  replicate: number;
  seed: string;
  status: string;
  params: Record<string, unknown>;
  metrics: TaskMetrics | undefined;
}

/** Every task, from the manifest and from the tables, ordered by index. */
export function taskRows(manifest: RunManifest, run: RunMetrics): TaskRow[] {
  const byIndex = new Map<number, TaskRow>();
  for (const t of manifest.tasks)
    byIndex.set(t.index, { task: t.index, point: t.point, replicate: t.replicate, seed: t.seed, status: t.status, params: t.params, metrics: run.tasks.get(t.index) });
  for (const m of run.tasks.values())
    if (!byIndex.has(m.task))
      byIndex.set(m.task, { task: m.task, point: m.point, replicate: m.replicate, seed: "", status: "ok", params: manifest.points.get(m.point) ?? {}, metrics: m });
  return [...byIndex.values()].sort((a, b) => a.task - b.task);
}

/** Parameter paths used by any point, sorted. */
export function parameterNames(manifest: RunManifest, tasks: TaskRow[]): string[] {
  const names = new Set<string>();
  for (const p of manifest.points.values()) for (const k of Object.keys(p)) names.add(k);
  for (const t of tasks) for (const k of Object.keys(t.params)) names.add(k);
  return [...names].sort();
}

export const paramCell = (v: unknown): CsvCell =>
  v === undefined || v === null ? "" : typeof v === "object" ? JSON.stringify(v) : (v as CsvCell);

export function summaryTable(tasks: TaskRow[], params: string[], metrics: MetricColumn[]): Table {
  const columns = ["task", "point", "replicate", "seed", "status", ...params, ...metrics.map((m) => m.name)];
  const rows = tasks.map((t) => {
    const row: Record<string, CsvCell> = { task: t.task, point: t.point, replicate: t.replicate, seed: t.seed, status: t.status };
    for (const p of params) row[p] = paramCell(t.params[p]);
    for (const m of metrics) row[m.name] = t.metrics ? m.value(t.metrics) : NaN;
    return row;
  });
  return { columns, rows };
}

export interface PointSummary {
  point: number;
  params: Record<string, unknown>;
  tasks: number;
  failed: number;
  /** Metric name → summary across the point's replicates. */
  metrics: Map<string, QuantileSummary>;
}

const isOk = (status: string) => status === "ok" || status === "done" || status === "complete" || status === "";

/** Streams each task's metrics into per-point replicate statistics. */
export function pointSummaries(manifest: RunManifest, tasks: TaskRow[], metrics: MetricColumn[]): PointSummary[] {
  const points = new Map<number, { params: Record<string, unknown>; tasks: number; failed: number; stats: ReplicateStats[] }>();
  for (const [point, params] of manifest.points) points.set(point, { params, tasks: 0, failed: 0, stats: metrics.map(() => new ReplicateStats()) });
  for (const t of tasks) {
    let p = points.get(t.point);
    if (!p) points.set(t.point, (p = { params: t.params, tasks: 0, failed: 0, stats: metrics.map(() => new ReplicateStats()) }));
    p.tasks++;
    if (!isOk(t.status)) p.failed++;
    else if (t.metrics) metrics.forEach((m, i) => p.stats[i].add(m.value(t.metrics!)));
  }
  return [...points.entries()]
    .sort(([a], [b]) => a - b)
    .map(([point, p]) => ({
      point,
      params: p.params,
      tasks: p.tasks,
      failed: p.failed,
      metrics: new Map(metrics.map((m, i) => [m.name, p.stats[i].summary()])),
    }));
}

export const QUANTILE_SUFFIXES = ["mean", "p05", "p50", "p95"] as const;

export function aggregateTable(points: PointSummary[], params: string[], metrics: MetricColumn[]): Table {
  const columns = ["point", ...params, "tasks", "failed"];
  for (const m of metrics) for (const s of QUANTILE_SUFFIXES) columns.push(`${m.name}_${s}`);
  const rows = points.map((p) => {
    const row: Record<string, CsvCell> = { point: p.point, tasks: p.tasks, failed: p.failed };
    for (const name of params) row[name] = paramCell(p.params[name]);
    for (const m of metrics) {
      const q = p.metrics.get(m.name)!;
      for (const s of QUANTILE_SUFFIXES) row[`${m.name}_${s}`] = q[s];
    }
    return row;
  });
  return { columns, rows };
}
