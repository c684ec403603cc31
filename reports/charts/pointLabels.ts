// Short names for sweep points built from the parameters that vary between them
// ("kappa=16384, yuma3=true"), falling back to "point N".
import type { PointSummary } from "../metrics/runTables.js";

/** Parameter paths whose value differs between sweep points, sorted. */
export function varyingParameters(points: PointSummary[], params: string[]): string[] {
  return params.filter((p) => new Set(points.map((pt) => JSON.stringify(pt.params[p] ?? null))).size > 1);
}

/** Last segment of a parameter path: "subnets[0].hyperparameters.kappa" → "kappa". */
export function shortParameterName(path: string): string {
  const parts = path.split(".");
  return parts[parts.length - 1] || path;
}

export function pointLabels(points: PointSummary[], varying: string[]): Map<number, string> {
  const labels = new Map<number, string>();
  for (const p of points) {
    const text = varying.map((v) => `${shortParameterName(v)}=${formatParam(p.params[v])}`).join(", ");
    labels.set(p.point, text || `point ${p.point}`);
  }
  const counts = new Map<string, number>();
  for (const l of labels.values()) counts.set(l, (counts.get(l) ?? 0) + 1);
  for (const [point, l] of labels) if (counts.get(l)! > 1) labels.set(point, `point ${point}: ${l}`);
  return labels;
}

export function formatParam(v: unknown): string {
  if (v === undefined || v === null) return "";
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}
