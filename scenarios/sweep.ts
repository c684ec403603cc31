// Sweep expansion: `sweep: { mode, "<path>": [values…] }` → ordered points. Grid mode is the cartesian
// product in key order with the first key varying slowest (nested loops in the order written); zip
// mode takes the i-th value of every list. No sweep keys → one point with no assignments.
import { parseFieldPath, setAtPath, type FieldPath } from "./fieldPath.js";
import { scenarioObjectSchema } from "./fields/scenarioObject.js";
import { defaultInputAt } from "./schemaAt.js";
import type { Scenario } from "./schema.js";

export type SweepValue = number | boolean | string;

export interface SweepAxis {
  /** The key as written (`subnets[0].hyperparameters.kappa`). */
  key: string;
  path: FieldPath;
  values: readonly SweepValue[];
}

export interface SweepPoint {
  /** 0-based position in the expansion order. */
  index: number;
  /** One value per axis, in axis order. */
  assignments: readonly { key: string; value: SweepValue }[];
}

/** The sweep's axes in key order (a scenario that passed validation has only valid paths). */
export function sweepAxes(scenario: Pick<Scenario, "sweep">): SweepAxis[] {
  const axes: SweepAxis[] = [];
  for (const [key, values] of Object.entries(scenario.sweep)) {
    if (key === "mode" || !Array.isArray(values)) continue;
    const path = parseFieldPath(key);
    if (path === null) throw new Error(`sweep key ${JSON.stringify(key)} is not a field path (validate first)`);
    axes.push({ key, path, values: values as SweepValue[] });
  }
  return axes;
}

/** Every point of the sweep, in order. */
export function expandSweep(scenario: Pick<Scenario, "sweep">): SweepPoint[] {
  const axes = sweepAxes(scenario);
  if (axes.length === 0) return [{ index: 0, assignments: [] }];
  if (scenario.sweep.mode === "zip") {
    const n = Math.min(...axes.map((a) => a.values.length));
    return Array.from({ length: n }, (_, i) => ({
      index: i,
      assignments: axes.map((a) => ({ key: a.key, value: a.values[i] })),
    }));
  }
  const total = axes.reduce((p, a) => p * a.values.length, 1);
  const points: SweepPoint[] = [];
  for (let i = 0; i < total; i++) {
    let rest = i;
    const picks = new Array<number>(axes.length);
    for (let k = axes.length - 1; k >= 0; k--) {
      picks[k] = rest % axes[k].values.length;
      rest = Math.floor(rest / axes[k].values.length);
    }
    points.push({ index: i, assignments: axes.map((a, k) => ({ key: a.key, value: a.values[picks[k]] })) });
  }
  return points;
}

/** Writes `value` at `path` of the raw document, creating left-out parents from their defaults. */
export function setScenarioField(raw: unknown, scenario: Scenario, path: FieldPath, value: unknown): { root: unknown } | { failedAt: number } {
  return setAtPath(raw, path, value, (prefix) => defaultInputAt(scenarioObjectSchema, prefix, scenario));
}

/** The raw document of one point: its assignments written in, and the sweep removed. */
export function applySweepPoint(raw: unknown, scenario: Scenario, point: SweepPoint): unknown {
  let cur: unknown = raw;
  for (const { key, value } of point.assignments) {
    const set = setScenarioField(cur, scenario, parseFieldPath(key) ?? [], value);
    if (!("root" in set)) throw new Error(`sweep path ${key} cannot be set (validate first)`);
    cur = set.root;
  }
  const out = structuredClone(cur) as Record<string, unknown>;
  delete out.sweep;
  return out;
}
