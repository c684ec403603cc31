// `taosim worker --queue redis://HOST:PORT`: pulls tasks from the BullMQ tasks queue, runs each on
// this machine (a piscina pool of N threads, so the main thread stays free for signals and lock
// renewal; in-process when `threads` is false) and sends the outcome to the run's results queue.
// A task that throws is a result (recorded as failed). Redis is checked before any job is taken;
// `shutdown` stops taking jobs, lets the current ones finish or hands them back, within a deadline.
import { availableParallelism, hostname } from "node:os";
import { executeTask } from "../executeTask.js";
import { createPiscinaExecutor } from "../executors/piscinaExecutor.js";
import type { TaskOutcome, WorkerRequest } from "../types.js";
import { connectionLog } from "./connectionLog.js";
import { loadBullmq, type BullJob, type BullQueue } from "./loadBullmq.js";
import { pingOnce, probeRedis } from "./probeRedis.js";
import { encodeOutcome, TASKS_QUEUE, taskInputSha256, taskJobId, type TaskJobData } from "./queueMessages.js";
import { resolveQueueSettings, type QueueSettings } from "./queueSettings.js";
import { bullConnection } from "./redisConnection.js";

export interface QueueWorkerOptions {
  queue: string;
  /** Tasks run at once on this machine (default: available parallelism). */
  workers?: number;
  /** Run tasks on worker threads (default) or in this thread (tests: faster start). */
  threads?: boolean;
  /** Run this runner module instead of the path each job names (when paths differ across machines). */
  runnerModule?: string | null;
  /** How long a task's lock lasts without renewal before another worker may take it over. */
  lockDurationMs?: number;
  /** How often this worker looks for stalled tasks. */
  stalledIntervalMs?: number;
  settings?: Partial<QueueSettings>;
  /** Called after each task is handed back. */
  onTask?: (outcome: TaskOutcome) => void;
  /** Where log lines go (default stderr). */
  log?: (line: string) => void;
}

export interface ShutdownResult {
  /** Task indices returned to the queue unfinished (another worker takes them at once). */
  handedBack: number[];
  /** Tasks left to their lock's expiry (Redis unreachable, or the hand-back did not answer). */
  abandoned: number[];
}

export interface QueueWorkerHandle {
  /** Stops taking jobs; current ones finish, or are handed back when `deadlineMs` is near. */
  shutdown(deadlineMs?: number): Promise<ShutdownResult>;
  close(): Promise<void>;
}

export const QUEUE_WORKER_DEFAULTS = { lockDurationMs: 30_000, stalledIntervalMs: 15_000, maxStalledCount: 10 } as const;
/** Of the shutdown deadline, kept for handing back the current tasks and closing the pool. */
const HAND_BACK_RESERVE_MS = 2_000;

interface ActiveTask {
  index: number;
  job: BullJob;
  token: string | undefined;
  handBack: (err: Error) => void;
}

export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorkerHandle> {
  const settings = resolveQueueSettings(options.settings);
  const log = options.log ?? ((line: string) => void process.stderr.write(line));
  await probeRedis(options.queue, settings);
  const bull = await loadBullmq();
  const connection = bullConnection(options.queue, settings);
  const workers = options.workers ?? availableParallelism();
  const runLocal = localRunner(workers, options.threads ?? true, options.runnerModule ?? null);
  const trouble = connectionLog("taosim worker", options.queue, log, settings.logIntervalMs);
  const resultQueues = new Map<string, BullQueue>();
  const resultsQueue = (name: string): BullQueue => {
    let queue = resultQueues.get(name);
    if (queue === undefined) {
      resultQueues.set(name, (queue = new bull.Queue(name, { connection })));
      queue.on("error", trouble.error);
    }
    return queue;
  };
  const active = new Set<ActiveTask>();
  const worker = new bull.Worker(
    TASKS_QUEUE,
    async (job: BullJob, token?: string) => {
      const data = job.data as TaskJobData;
      let task!: ActiveTask;
      const handedBack = new Promise<never>((_, reject) => (task = { index: data.spec.index, job, token, handBack: reject }));
      active.add(task);
      try {
        const outcome = await Promise.race([runLocal.run({ runnerModule: data.runnerModule, spec: data.spec }), handedBack]);
        const result = encodeOutcome(data.runId, taskInputSha256(data.spec), outcome);
        await resultsQueue(data.resultsQueue).add("result", result, { jobId: taskJobId(data.runId, data.spec.index), removeOnComplete: true, removeOnFail: true });
        options.onTask?.(outcome);
        return { index: data.spec.index, status: outcome.status };
      } finally {
        active.delete(task);
      }
    },
    {
      connection,
      concurrency: workers,
      lockDuration: options.lockDurationMs ?? QUEUE_WORKER_DEFAULTS.lockDurationMs,
      stalledInterval: options.stalledIntervalMs ?? QUEUE_WORKER_DEFAULTS.stalledIntervalMs,
      maxStalledCount: QUEUE_WORKER_DEFAULTS.maxStalledCount,
      name: `${hostname()}-${process.pid}`,
    },
  );
  worker.on("error", trouble.error);
  await worker.waitUntilReady();
  (await worker.client).on("ready", trouble.ready);

  const shutdown = async (deadlineMs = settings.shutdownTimeoutMs): Promise<ShutdownResult> => {
    const end = Date.now() + deadlineMs;
    const left = () => Math.max(0, end - Date.now());
    const result: ShutdownResult = { handedBack: [], abandoned: [] };
    const reachable = (await pingOnce(options.queue, Math.min(1_000, left()))) === "";
    if (reachable) {
      const closing = worker.close(); // takes no new job; waits for the current ones
      if (!(await within(closing, left() - HAND_BACK_RESERVE_MS))) {
        for (const task of [...active]) {
          const moved = await within(task.job.moveToWait(task.token), Math.min(1_000, left()));
          (moved ? result.handedBack : result.abandoned).push(task.index);
          task.handBack(new bull.WaitingError()); // BullMQ leaves a job its processor moved to wait alone
        }
        await within(closing, left() - 500);
      }
    } else {
      result.abandoned.push(...[...active].map((t) => t.index));
      for (const task of [...active]) task.handBack(new bull.WaitingError());
      void worker.close(true).catch(() => undefined);
    }
    await within(Promise.all([...resultQueues.values()].map((q) => q.close())), Math.min(500, left()));
    await within(runLocal.close(), left());
    return result;
  };
  return { shutdown, close: async () => void (await shutdown()) };
}

/** True when `promise` settled within `ms` (a rejection counts as settled). */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, ms))));
  const settled = await Promise.race([promise.then(() => true, () => true), late]);
  clearTimeout(timer);
  return settled;
}

interface LocalRunner {
  run(request: WorkerRequest): Promise<TaskOutcome>;
  close(): Promise<void>;
}

function localRunner(workers: number, threads: boolean, runnerOverride: string | null): LocalRunner {
  const module = (request: WorkerRequest) => runnerOverride ?? request.runnerModule;
  if (!threads) return { run: (r) => executeTask({ ...r, runnerModule: module(r) }), close: async () => undefined };
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
