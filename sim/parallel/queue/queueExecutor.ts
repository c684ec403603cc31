// `--queue redis://HOST:PORT`: enqueues the tasks on BullMQ and collects their results from a
// per-run results queue, on any number of `taosim worker` processes. Delivery is at-least-once (a
// killed worker's task is retried after its lock expires), so the collector keeps the first result
// per task index and ignores the rest; tasks are idempotent (same spec, same bytes).
import { randomUUID } from "node:crypto";
import { runSpecOf, type TaskOutcome, type TaskSpec } from "../types.js";
import type { Executor, ExecutorOptions, OutcomeSink } from "../executors/Executor.js";
import { loadBullmq, type BullJob } from "./loadBullmq.js";
import { decodeOutcome, TASKS_QUEUE, taskJobId, type ResultJobData, type TaskJobData } from "./queueMessages.js";
import { redisConnection } from "./redisConnection.js";

/** Attempts per task when a worker throws outside the task (a crash inside a task is a result). */
const TASK_ATTEMPTS = 3;

export function createQueueExecutor(options: ExecutorOptions): Executor {
  if (!options.queue) throw new Error("queue executor: no --queue URL");
  const connection = redisConnection(options.queue);
  return {
    name: "queue",
    async run(tasks: readonly TaskSpec[], sink: OutcomeSink): Promise<void> {
      if (tasks.length === 0) return;
      const bull = await loadBullmq();
      const runId = randomUUID();
      const resultsName = `taosim-results-${runId}`;
      const waiting = new Map(tasks.map((t) => [t.index, t]));
      let serial = Promise.resolve();
      let settle!: (err?: unknown) => void;
      const finished = new Promise<void>((resolve, reject) => (settle = (err) => (err === undefined ? resolve() : reject(err))));
      // Outcomes reach the sink one at a time, the first per index only.
      const deliver = (outcome: TaskOutcome): Promise<void> =>
        (serial = serial.then(async () => {
          if (!waiting.delete(outcome.spec.index)) return;
          await sink(outcome);
          if (waiting.size === 0) settle();
        }).catch((err) => settle(err)));

      const tasksQueue = new bull.Queue(TASKS_QUEUE, { connection });
      const events = new bull.QueueEvents(TASKS_QUEUE, { connection });
      const collector = new bull.Worker(
        resultsName,
        async (job: BullJob) => {
          const data = job.data as ResultJobData;
          if (data.runId === runId) await deliver(decodeOutcome(data));
        },
        { connection, concurrency: 1 },
      );
      events.on("failed", ({ jobId, failedReason }) => {
        const index = Number(jobId.slice(runId.length + 1));
        if (!jobId.startsWith(`${runId}_`) || !waiting.has(index)) return;
        void bull.Job.fromId(tasksQueue, jobId).then((job) => {
          if (job !== undefined && job.attemptsMade < (job.opts.attempts ?? 1)) return; // retried
          const spec = runSpecOf(waiting.get(index)!);
          void deliver({ status: "failed", spec, error: { name: "QueueJobError", message: failedReason, stack: `QueueJobError: ${failedReason}` } });
        });
      });
      try {
        await Promise.all([events.waitUntilReady(), collector.waitUntilReady()]);
        await tasksQueue.addBulk(
          tasks.map((spec) => ({
            name: "task",
            data: { runId, resultsQueue: resultsName, runnerModule: options.runnerModule, spec } satisfies TaskJobData,
            opts: { jobId: taskJobId(runId, spec.index), attempts: TASK_ATTEMPTS, removeOnComplete: true, removeOnFail: true },
          })),
        );
        await finished;
      } finally {
        await collector.close();
        await events.close();
        await tasksQueue.close();
        const results = new bull.Queue(resultsName, { connection });
        await results.obliterate({ force: true }).catch(() => undefined);
        await results.close();
      }
    },
    async close(): Promise<void> {},
  };
}
