// `--queue redis://HOST:PORT`: enqueues the tasks on BullMQ and collects their results from a
// per-run results queue, on any number of `taosim worker` processes. Redis is checked before the
// run creates anything (open), and is only scratch space afterwards: the run's ledger knows every
// task it needs, and the checker enqueues again exactly the tasks whose jobs Redis lost. Delivery is
// at-least-once, so the first result per task index (with the expected input hash) is kept and the
// rest ignored; tasks are idempotent (same spec, same bytes).
import { randomUUID } from "node:crypto";
import { runSpecOf, type TaskOutcome, type TaskSpec } from "../types.js";
import type { Executor, ExecutorOptions, OutcomeSink } from "../executors/Executor.js";
import { loadBullmq, type BullJob, type BullQueue } from "./loadBullmq.js";
import { probeRedis } from "./probeRedis.js";
import { startQueueChecker } from "./queueChecker.js";
import { decodeOutcome, TASKS_QUEUE, taskJobId, type ResultJobData, type TaskJobData } from "./queueMessages.js";
import { resolveQueueSettings } from "./queueSettings.js";
import { bullConnection } from "./redisConnection.js";
import { TaskLedger, type LedgerTask } from "./taskLedger.js";

/** Attempts per task when a worker throws outside the task (a crash inside a task is a result). */
const TASK_ATTEMPTS = 3;
/** Closing the run's Redis clients never holds the run longer than this (Redis may be gone). */
const CLOSE_LIMIT_MS = 2_000;

export function createQueueExecutor(options: ExecutorOptions): Executor {
  if (!options.queue) throw new Error("queue executor: no --queue URL");
  const url = options.queue;
  const settings = resolveQueueSettings(options.queueSettings);
  const connection = bullConnection(url, settings);
  return {
    name: "queue",
    open: () => probeRedis(url, settings),
    async run(tasks: readonly TaskSpec[], sink: OutcomeSink): Promise<void> {
      if (tasks.length === 0) return;
      const bull = await loadBullmq();
      const runId = randomUUID();
      const resultsName = `taosim-results-${runId}`;
      const ledger = new TaskLedger(tasks);
      let redisError: string | null = null;
      const noteError = (err: Error) => void (redisError = (err as NodeJS.ErrnoException).code ?? err.message);
      let serial = Promise.resolve();
      let settle!: (err?: unknown) => void;
      const finished = new Promise<void>((resolve, reject) => (settle = (err) => (err === undefined ? resolve() : reject(err))));
      // Outcomes reach the sink one at a time, the first per index (answering the task asked) only.
      const deliver = (outcome: TaskOutcome, inputSha256: string): Promise<void> =>
        (serial = serial.then(async () => {
          if (!ledger.accept(outcome.spec.index, inputSha256)) return;
          await sink(outcome);
          if (ledger.size === 0) settle();
        }).catch((err) => settle(err)));

      const tasksQueue = new bull.Queue(TASKS_QUEUE, { connection });
      tasksQueue.on("error", noteError);
      const collector = new bull.Worker(
        resultsName,
        async (job: BullJob) => {
          const data = job.data as ResultJobData;
          if (data.runId === runId) await deliver(decodeOutcome(data), data.inputSha256);
        },
        { connection, concurrency: 1 },
      );
      collector.on("error", noteError);
      const jobOf = (t: LedgerTask) => ({
        name: "task",
        data: { runId, resultsQueue: resultsName, runnerModule: options.runnerModule, spec: t.spec, inputSha256: t.inputSha256 } satisfies TaskJobData,
        opts: { jobId: taskJobId(runId, t.index), attempts: TASK_ATTEMPTS, removeOnComplete: true, removeOnFail: false },
      });
      let checker: { stop(): void } | null = null;
      try {
        await collector.waitUntilReady();
        void (await collector.client).on("ready", () => void (redisError = null));
        await tasksQueue.addBulk(ledger.waiting.map(jobOf));
        checker = startQueueChecker({
          runId,
          resultsQueue: resultsName,
          ledger,
          tasksQueue,
          intervalMs: settings.checkIntervalMs,
          enqueue: async (t) => void (await tasksQueue.add("task", jobOf(t).data, jobOf(t).opts)),
          failed: (t, reason) => {
            const error = { name: "QueueJobError", message: reason, stack: `QueueJobError: ${reason}` };
            void deliver({ status: "failed", spec: runSpecOf(t.spec), error }, t.inputSha256).then(() => tasksQueue.remove(taskJobId(runId, t.index)));
          },
          onStatus: (s) => options.onQueueStatus?.(s),
          redisError: () => redisError,
        });
        await finished;
      } finally {
        checker?.stop();
        await closeWithin(CLOSE_LIMIT_MS, async () => {
          await collector.close();
          await tasksQueue.close();
          const results: BullQueue = new bull.Queue(resultsName, { connection });
          results.on("error", () => undefined);
          await results.obliterate({ force: true }).catch(() => undefined);
          await results.close();
        }, async () => {
          await collector.close(true);
          await tasksQueue.close();
        });
      }
    },
    async close(): Promise<void> {},
  };
}

/** Runs `close`; if it has not finished within `ms` (Redis gone), runs `force` and returns anyway. */
export async function closeWithin(ms: number, close: () => Promise<void>, force: () => Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), ms)));
  const outcome = await Promise.race([close().then(() => "closed" as const, () => "closed" as const), timedOut]);
  clearTimeout(timer);
  if (outcome === "late") await Promise.race([force().catch(() => undefined), new Promise((r) => setTimeout(r, ms).unref())]);
}
