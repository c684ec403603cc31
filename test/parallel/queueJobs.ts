// Puts task jobs on a Redis queue the way `taosim run --queue` does, without a collecting run, so
// the worker tests can look at each job's state and its result job directly.
import { loadBullmq, type BullQueue } from "../../sim/parallel/queue/loadBullmq.js";
import { TASKS_QUEUE, taskInputSha256, taskJobId, type TaskJobData } from "../../sim/parallel/queue/queueMessages.js";
import { redisConnection } from "../../sim/parallel/queue/redisConnection.js";
import type { TaskSpec } from "../../sim/parallel/types.js";
import { FAKE_RUNNER } from "./fakeTasks.js";

export interface EnqueuedRun {
  /** State of task `index`'s job ("waiting", "active", … or "unknown" when it has none). */
  state(index: number): Promise<string>;
  /** Result jobs received so far. */
  results(): Promise<number>;
  close(): Promise<void>;
}

interface StateQueue extends BullQueue {
  getJobState(id: string): Promise<string>;
  getJobCounts(...types: string[]): Promise<Record<string, number>>;
}

export async function enqueueTasks(url: string, runId: string, tasks: readonly TaskSpec[]): Promise<EnqueuedRun> {
  const bull = await loadBullmq();
  const connection = redisConnection(url);
  const resultsQueue = `taosim-results-${runId}`;
  const queue = new bull.Queue(TASKS_QUEUE, { connection }) as StateQueue;
  const results = new bull.Queue(resultsQueue, { connection }) as StateQueue;
  await queue.addBulk(
    tasks.map((spec) => ({
      name: "task",
      data: { runId, resultsQueue, runnerModule: FAKE_RUNNER, spec, inputSha256: taskInputSha256(spec) } satisfies TaskJobData,
      opts: { jobId: taskJobId(runId, spec.index), attempts: 3, removeOnComplete: true, removeOnFail: false },
    })),
  );
  return {
    state: (index) => queue.getJobState(taskJobId(runId, index)),
    results: async () => (await results.getJobCounts("waiting"))["waiting"] ?? 0,
    close: async () => void (await Promise.all([queue.close(), results.close()])),
  };
}
