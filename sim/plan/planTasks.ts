// The task planner: a loaded scenario → the ordered list of runs (sweep point × replicate). Pure and
// deterministic: task `index = point * replicates + replicate`, and each task's seed is derived from
// (root seed, point, replicate) only, so it is the same whatever the worker count, shard or queue.
import type { LoadedScenario } from "../../scenarios/loadScenario.js";
import { ScenarioError } from "../../scenarios/ScenarioError.js";
import { formatFieldPath } from "../../scenarios/fieldPath.js";
import type { Scenario } from "../../scenarios/schema.js";
import { applySweepPoint, expandSweep, type SweepPoint, type SweepValue } from "../../scenarios/sweep.js";
import { validateScenarioData } from "../../scenarios/validateScenarioData.js";
import { positionInText } from "../../scenarios/yamlPositions.js";
import { taskSeed } from "../rng/streamSeed.js";

/** One run: travels with every message and result about it (architecture.md). Plain, cloneable data. */
export interface RunSpec {
  /** Stable 0-based position in the plan. */
  index: number;
  /** Sweep point index. */
  point: number;
  /** Replicate within the point. */
  replicate: number;
  /** The run's root seed (engines call `createRng(seed)`). */
  seed: number;
  /** The point's swept values, keyed by sweep path (empty without a sweep). */
  params: Readonly<Record<string, SweepValue>>;
  /** The resolved scenario of this point (sweep applied and removed). */
  scenario: Scenario;
}

export interface PlanOptions {
  /** Root seed override (`--seed`); default the scenario's `seed`. */
  seed?: number;
}

export interface TaskPlan {
  rootSeed: number;
  replicates: number;
  points: readonly SweepPoint[];
  tasks: readonly RunSpec[];
}

function pointScenario(loaded: LoadedScenario, point: SweepPoint): Scenario {
  const check = validateScenarioData(applySweepPoint(loaded.raw, loaded.scenario, point));
  if (check.ok) return check.scenario;
  const where = positionInText(loaded.text, ["sweep"], true);
  const combo = point.assignments.map((a) => `${a.key}=${JSON.stringify(a.value)}`).join(", ");
  throw new ScenarioError(
    check.problems.map((p) => ({
      file: loaded.file,
      ...where,
      path: `sweep point ${point.index}`,
      expected: `${formatFieldPath(p.path)}: ${p.expected}`,
      found: `${p.found} (with ${combo})`,
    })),
  );
}

/** The ordered task list of a scenario; throws a ScenarioError if a grid combination is invalid. */
export function planTasks(loaded: LoadedScenario, options: PlanOptions = {}): TaskPlan {
  const rootSeed = options.seed ?? loaded.scenario.seed;
  if (!Number.isSafeInteger(rootSeed) || rootSeed < 0) throw new RangeError(`root seed must be a non-negative safe integer, got ${rootSeed}`);
  const replicates = loaded.scenario.replicates;
  const points = expandSweep(loaded.scenario);
  const tasks: RunSpec[] = [];
  for (const point of points) {
    const scenario = { ...pointScenario(loaded, point), seed: rootSeed };
    const params: Record<string, SweepValue> = {};
    for (const a of point.assignments) params[a.key] = a.value;
    for (let replicate = 0; replicate < replicates; replicate++) {
      tasks.push({
        index: point.index * replicates + replicate,
        point: point.index,
        replicate,
        seed: taskSeed(rootSeed, point.index, replicate),
        params,
        scenario,
      });
    }
  }
  return { rootSeed, replicates, points, tasks };
}

/** The tasks of shard i of n (interleaved by index: i, i+n, i+2n, …). */
export function shardTasks(tasks: readonly RunSpec[], shard: number, of: number): RunSpec[] {
  if (!Number.isInteger(of) || of < 1 || !Number.isInteger(shard) || shard < 0 || shard >= of) {
    throw new RangeError(`shard must be i/n with 0 ≤ i < n, got ${shard}/${of}`);
  }
  return tasks.filter((t) => t.index % of === shard);
}
