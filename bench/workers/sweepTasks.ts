// The benchmark sweep: `count` fake tasks (test/parallel/fakeRunner.ts) with a fixed CPU cost and
// row count, so throughput and memory measure sim/parallel itself.
import { fakeHeader, fakeTasks, FAKE_RUNNER } from "../../test/parallel/fakeTasks.js";
import type { RunHeader } from "../../sim/parallel/RunHeader.js";
import type { TaskSpec } from "../../sim/parallel/types.js";

export const BENCH_RUNNER = FAKE_RUNNER;

export function benchSweep(count: number, work: number, rows: number): { tasks: TaskSpec[]; header: RunHeader } {
  const tasks = fakeTasks({ points: count / 4, replicates: 4, scenario: { rows, work } });
  return { tasks, header: fakeHeader(tasks) };
}
