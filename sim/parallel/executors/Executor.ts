// The executor interface (radCAD's idea, without its enum + if/elif): every way of running tasks
// (in-process, piscina pool, shard of a sweep, BullMQ queue) takes the same task list and reports
// each task's outcome as it finishes, in any order. Ordering is restored later by the part store.
import type { QueueSettings } from "../queue/queueSettings.js";
import type { QueueStatus } from "../queue/QueueStatus.js";
import type { TaskInputOf, TaskOutcome, TaskSpec } from "../types.js";

export type ExecutorName = "inline" | "piscina" | "shard" | "queue";

/** Called once per task as it finishes; the executor waits for it (back-pressure). */
export type OutcomeSink = (outcome: TaskOutcome) => Promise<void>;

export interface Executor {
  readonly name: ExecutorName;
  /** Checks what the executor needs from outside (the queue's Redis) before the run writes anything. */
  open?(): Promise<void>;
  /** Runs every task once (unless the sink throws), reporting outcomes to `sink`. */
  run(tasks: readonly TaskSpec[], sink: OutcomeSink): Promise<void>;
  /** Releases threads, connections and processes. */
  close(): Promise<void>;
}

/** Shard `i/n`: the tasks with `index % n === i` (interleaved, so uneven sweeps balance). */
export interface Shard {
  index: number;
  count: number;
}

export interface ExecutorOptions {
  /** Module specifier of the task runner (see types.ts `TaskRunner`). */
  runnerModule: string;
  /** The runner's input for each task (inline and piscina; the queue leaves it out). */
  taskInput?: TaskInputOf;
  /** Worker threads for `piscina` (≥ 1); `inline` ignores it. */
  workers: number;
  /** For `shard`. */
  shard?: Shard | null;
  /** For `queue`: `redis://HOST:PORT`. */
  queue?: string | null;
  /** For `queue`: connection and fault-handling settings (defaults in queue/queueSettings.ts). */
  queueSettings?: Partial<QueueSettings>;
  /** For `queue`: workers seen, tasks waiting, Redis trouble; called every check interval. */
  onQueueStatus?: (status: QueueStatus) => void;
}

export type ExecutorFactory = (options: ExecutorOptions) => Executor;
