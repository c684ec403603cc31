// The benchmark sweep: `count` fake tasks (test/parallel/fakeRunner.ts) with a fixed CPU cost and
// row count, so throughput and memory measure sim/parallel itself.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fakeHeader, fakeTasks } from "../../test/parallel/fakeTasks.js";
import type { RunHeader } from "../../sim/parallel/RunHeader.js";
import type { TaskOutcome, TaskSpec } from "../../sim/parallel/types.js";

/** The runner module: the built .js next to this file when running from dist/, else the .ts source. */
export const BENCH_RUNNER = ((): string => {
  const js = fileURLToPath(new URL("./benchRunner.js", import.meta.url));
  return existsSync(js) ? js : js.replace(/\.js$/, ".ts");
})();

export function benchSweep(count: number, work: number, rows: number): { tasks: TaskSpec[]; header: RunHeader } {
  const tasks = fakeTasks({ points: count / 4, replicates: 4, scenario: { rows, work } });
  return { tasks, header: fakeHeader(tasks) };
}

/** A failed task would time the failure path: the bench stops instead. */
export function mustBeOk(outcome: TaskOutcome): TaskOutcome {
  if (outcome.status === "failed") throw new Error(`bench workers: task ${outcome.spec.index} failed: ${outcome.error.message}`);
  return outcome;
}
