// `taosim worker --queue redis://HOST:PORT [--workers N]`: pulls tasks from the BullMQ tasks queue,
// runs each on this machine (in-process for 1 worker, else a piscina pool of N threads) and sends
// the outcome to the run's results queue. A task that throws is a result (recorded as failed); a
// worker killed mid-task holds no lock after `lockDurationMs`, and another worker reruns the task.
import { availableParallelism } from "node:os";
import { executeTask } from "../executeTask.js";
import { createPiscinaExecutor } from "../executors/piscinaExecutor.js";
import type { TaskOutcome, WorkerRequest } from "../types.js";
import { loadBullmq, type BullJob, type BullQueue } from "./loadBullmq.js";
import { encodeOutcome, TASKS_QUEUE, type TaskJobData } from "./queueMessages.js";
import { redisConnection } from "./redisConnection.js";

export interface QueueWorkerOptions {
  queue: string;
  /** Tasks run at once on this machine (default: available parallelism). */
  workers?: number;
  /** Run this runner module instead of the path each job names (when paths differ across machines). */
  runnerModule?: string | null;
  /** How long a task's lock lasts without renewal before another worker may take it over. */
  lockDurationMs?: number;
  /** How often this worker looks for stalled tasks. */
  stalledIntervalMs?: number;
  /** Called after each task is handed back. */
  onTask?: (outcome: TaskOutcome) => void;
}

export interface QueueWorkerHandle {
  close(): Promise<void>;
}

export const QUEUE_WORKER_DEFAULTS = { lockDurationMs: 30_000, stalledIntervalMs: 15_000, maxStalledCount: 10 } as const;

export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorkerHandle> {
  const bull = await loadBullmq();
  const connection = redisConnection(options.queue);
  const workers = options.workers ?? availableParallelism();
  const runLocal = localRunner(workers, options.runnerModule ?? null);
  const resultQueues = new Map<string, BullQueue>();
  const resultsQueue = (name: string): BullQueue => {
    let queue = resultQueues.get(name);
    if (queue === undefined) resultQueues.set(name, (queue = new bull.Queue(name, { connection })));
    return queue;
  };
  const worker = new bull.Worker(
    TASKS_QUEUE,
    async (job: BullJob) => {
      const data = job.data as TaskJobData;
      const outcome = await runLocal.run({ runnerModule: data.runnerModule, spec: data.spec });
      await resultsQueue(data.resultsQueue).add("result", encodeOutcome(data.runId, outcome), { removeOnComplete: true, removeOnFail: true });
      options.onTask?.(outcome);
      return { index: data.spec.index, status: outcome.status };
    },
    {
      connection,
      concurrency: workers,
      lockDuration: options.lockDurationMs ?? QUEUE_WORKER_DEFAULTS.lockDurationMs,
      stalledInterval: options.stalledIntervalMs ?? QUEUE_WORKER_DEFAULTS.stalledIntervalMs,
      maxStalledCount: QUEUE_WORKER_DEFAULTS.maxStalledCount,
    },
  );
  worker.on("error", (err) => process.stderr.write(`taosim worker: ${err.message}\n`));
  await worker.waitUntilReady();
  return {
    async close() {
      await worker.close();
      await Promise.all([...resultQueues.values()].map((q) => q.close()));
      await runLocal.close();
    },
  };
}

interface LocalRunner {
  run(request: WorkerRequest): Promise<TaskOutcome>;
  close(): Promise<void>;
}

function localRunner(workers: number, runnerOverride: string | null): LocalRunner {
  const module = (request: WorkerRequest) => runnerOverride ?? request.runnerModule;
  if (workers <= 1) return { run: (r) => executeTask({ ...r, runnerModule: module(r) }), close: async () => undefined };
  const pools = new Map<string, ReturnType<typeof createPiscinaExecutor>>();
  return {
    async run(request) {
      const runnerModule = module(request);
      let pool = pools.get(runnerModule);
      if (pool === undefined) pools.set(runnerModule, (pool = createPiscinaExecutor({ runnerModule, workers })));
      let result: TaskOutcome | undefined;
      await pool.run([request.spec], async (outcome) => void (result = outcome));
      return result!;
    },
    close: async () => void (await Promise.all([...pools.values()].map((p) => p.close()))),
  };
}
