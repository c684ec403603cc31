// A tiny deterministic task runner for the sim/parallel tests (no engine): two tables whose rows
// depend only on the task's seed, point, replicate and params. The scenario source is JSON:
//   { "rows": 5, "work": 0, "sleepMs": 0, "failIndex": -1, "failMarker": "", "startedDir": "", "fastMarker": "" }
// `work` burns CPU (iterations of a hash loop) and `sleepMs` waits, so benchmarks and kill tests can
// make tasks slow; task `failIndex` throws while the file `failMarker` exists (a cause to "fix").
// Queue fault tests: each task creates `startedDir/started-<index>` as it starts, and does not
// sleep once the file `fastMarker` exists.
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { taskTable } from "../../sim/parallel/taskTable.js";
import type { TaskResult, TaskSpec } from "../../sim/parallel/types.js";

interface FakeScenario {
  rows?: number;
  work?: number;
  sleepMs?: number;
  failIndex?: number;
  failMarker?: string;
  startedDir?: string;
  fastMarker?: string;
}

export async function runTask(spec: TaskSpec): Promise<TaskResult> {
  const scenario = JSON.parse(spec.scenario.source) as FakeScenario;
  if (scenario.failIndex === spec.index && scenario.failMarker && existsSync(scenario.failMarker)) {
    throw new Error(`task ${spec.index} fails on purpose while ${scenario.failMarker} exists`);
  }
  if (scenario.startedDir) writeFileSync(join(scenario.startedDir, `started-${spec.index}`), "");
  const fast = scenario.fastMarker !== undefined && scenario.fastMarker !== "" && existsSync(scenario.fastMarker);
  if (scenario.sleepMs && !fast) await new Promise((resolve) => setTimeout(resolve, scenario.sleepMs));
  let state = (spec.seed % 2147483647) + 1;
  const next = () => (state = (state * 48271) % 2147483647) / 2147483647;
  const burn = burnCpu(scenario.work ?? 0, state);
  const k = Number(spec.params["k"] ?? 0);
  let samples = "";
  const rows = scenario.rows ?? 5;
  for (let block = 0; block < rows; block++) {
    samples += `${spec.index},${spec.point},${spec.replicate},${block},${(next() * k).toPrecision(12)},"a,""b"""\n`;
  }
  const summary = `${spec.index},${spec.point},${spec.replicate},${spec.seed},${k},${burn}\n`;
  return {
    tables: [
      taskTable("samples", ["task", "point", "replicate", "block", "value", "label"], samples),
      taskTable("summary", ["task", "point", "replicate", "seed", "k", "burn"], summary),
    ],
  };
}

/** `iterations` rounds of an xorshift, returned so the work cannot be optimised away. */
function burnCpu(iterations: number, seed: number): number {
  let x = seed | 1;
  for (let i = 0; i < iterations; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
  }
  return x >>> 0;
}
