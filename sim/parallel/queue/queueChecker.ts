// The run's periodic look at Redis: in one MULTI (atomic, so no job is seen between its two homes),
// for every task the ledger still waits for, does its task job exist, has it failed for good, and
// does its result job exist? A worker adds the result before its task job completes, and the
// collector accepts the result before the result job is removed, so a task with neither is lost
// (Redis restarted empty, or evicted it) and is enqueued again under the same job id.
import type { BullQueue, RedisClient } from "./loadBullmq.js";
import type { QueueStatus } from "./QueueStatus.js";
import { jobKey, taskJobId, TASKS_QUEUE } from "./queueMessages.js";
import type { LedgerTask, TaskLedger } from "./taskLedger.js";

export interface QueueCheckerOptions {
  runId: string;
  resultsQueue: string;
  ledger: TaskLedger;
  tasksQueue: BullQueue;
  intervalMs: number;
  /** Enqueues the task's job again (same job id). */
  enqueue(task: LedgerTask): Promise<void>;
  /** A task whose job failed outside the task itself on every attempt. */
  failed(task: LedgerTask, reason: string): void;
  onStatus(status: QueueStatus): void;
  /** The last connection error seen by any of the run's Redis clients (null once one is ready). */
  redisError(): string | null;
}

export interface QueueChecker {
  stop(): void;
}

export function startQueueChecker(o: QueueCheckerOptions): QueueChecker {
  let stopped = false;
  let wake: () => void = () => undefined;
  let requeued = 0;
  let workers = 0;
  const status = (): QueueStatus => ({ workers, waiting: o.ledger.size, requeued, redisError: o.redisError() });
  const sleep = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => (clearTimeout(timer), resolve());
  });
  const checkOnce = async (): Promise<void> => {
    const client: RedisClient = await o.tasksQueue.client;
    const tasks = o.ledger.waiting;
    const multi = client.multi();
    for (const t of tasks) {
      const id = taskJobId(o.runId, t.index);
      multi.hmget(jobKey(TASKS_QUEUE, id), "timestamp", "finishedOn", "failedReason").exists(jobKey(o.resultsQueue, id));
    }
    const replies = (await multi.exec()) ?? [];
    for (let k = 0; k < tasks.length; k++) {
      const t = tasks[k];
      if (!o.ledger.has(t.index)) continue; // its result arrived meanwhile
      const [timestamp, finishedOn, failedReason] = (replies[2 * k]?.[1] ?? [null, null, null]) as (string | null)[];
      const hasResult = replies[2 * k + 1]?.[1] === 1;
      if (hasResult) continue;
      if (timestamp === null) {
        await o.enqueue(t);
        requeued++;
      } else if (finishedOn !== null && failedReason !== null) {
        o.failed(t, failedReason);
      }
    }
    // CLIENT LIST may be refused (managed Redis): then the count stays as it was.
    workers = await o.tasksQueue.getWorkersCount().catch(() => workers);
  };
  void (async () => {
    while (!stopped) {
      // While Redis is away the commands wait for the reconnection: report meanwhile, never two ticks at once.
      const meanwhile = setInterval(() => (stopped ? clearInterval(meanwhile) : o.onStatus(status())), o.intervalMs);
      await checkOnce().catch(() => undefined);
      clearInterval(meanwhile);
      if (stopped) break;
      o.onStatus(status());
      await sleep(o.intervalMs);
    }
  })();
  return {
    stop() {
      stopped = true;
      wake();
    },
  };
}
