// Options of `runTasks` in three parts (piscina's habit): what a caller passes, the defaults, and the
// complete resolved form, checked at the boundary with the flag named in each message.
import { availableParallelism } from "node:os";
import { TaosimInputError } from "../cli/errors.js";
import type { Shard } from "./executors/Executor.js";
import type { ExecutorName } from "./executors/Executor.js";
import type { QueueSettings } from "./queue/queueSettings.js";
import type { QueueStatus } from "./queue/QueueStatus.js";
import type { RunHeader } from "./RunHeader.js";
import type { TaskInputOf, TaskSpec } from "./types.js";

export interface TaskProgress {
  /** Tasks of this run (after `--shard`), finished ones included. */
  total: number;
  /** Finished so far, including tasks skipped by `--resume`. */
  done: number;
  failed: number;
  /** Skipped by `--resume` because their parts were complete. */
  skipped: number;
  /** Queue runs only: workers seen, tasks waiting, Redis trouble. */
  queue?: QueueStatus;
}

export interface RunTasksOptions {
  /** The planner's whole ordered task list (every shard's). */
  tasks: readonly TaskSpec[];
  /** Module specifier (absolute path or file URL) of the task runner. */
  runnerModule: string;
  /** The runner's input for each task, made in this thread (see `TaskRunner`); default none. */
  taskInput?: TaskInputOf;
  outDir: string;
  header: RunHeader;
  /** Default: the machine's available parallelism; 1 runs in-process. */
  workers?: number;
  shard?: Shard | null;
  resume?: boolean;
  /** `redis://HOST:PORT`: run through the BullMQ queue. */
  queue?: string | null;
  /** Queue connection and fault-handling settings (`--redis-timeout`, `--redis-retries`, …). */
  queueSettings?: Partial<QueueSettings>;
  /** Force an executor (tests and benchmarks); default chosen from the other options. */
  executor?: ExecutorName;
  onProgress?: (progress: TaskProgress) => void;
}

export interface ResolvedRunTasksOptions extends Required<Omit<RunTasksOptions, "executor" | "onProgress" | "queueSettings" | "taskInput">> {
  taskInput: TaskInputOf | undefined;
  queueSettings: Partial<QueueSettings>;
  executor: ExecutorName | null;
  onProgress: (progress: TaskProgress) => void;
}

export const RUN_TASKS_DEFAULTS = {
  workers: () => availableParallelism(),
  shard: null,
  resume: false,
  queue: null,
} as const;

export function resolveRunTasksOptions(options: RunTasksOptions): ResolvedRunTasksOptions {
  const workers = options.workers ?? RUN_TASKS_DEFAULTS.workers();
  if (!Number.isInteger(workers) || workers < 1) throw optionError("--workers", "an integer ≥ 1", String(options.workers));
  const shard = options.shard ?? RUN_TASKS_DEFAULTS.shard;
  if (shard !== null && !(Number.isInteger(shard.count) && shard.count >= 1 && Number.isInteger(shard.index) && shard.index >= 0 && shard.index < shard.count)) {
    throw optionError("--shard", "i/n with 0 ≤ i < n", `${shard.index}/${shard.count}`);
  }
  options.tasks.forEach((t, k) => {
    if (t.index !== k) throw new Error(`runTasks: tasks must be the planner's ordered list (task at position ${k} has index ${t.index})`);
  });
  return {
    tasks: options.tasks,
    runnerModule: options.runnerModule,
    taskInput: options.taskInput,
    outDir: options.outDir,
    header: options.header,
    workers,
    shard,
    resume: options.resume ?? RUN_TASKS_DEFAULTS.resume,
    queue: options.queue ?? RUN_TASKS_DEFAULTS.queue,
    queueSettings: options.queueSettings ?? {},
    executor: options.executor ?? null,
    onProgress: options.onProgress ?? (() => undefined),
  };
}

/** `i/n` → Shard (input error naming `--shard` otherwise). */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const shard = match ? { index: Number(match[1]), count: Number(match[2]) } : null;
  if (shard === null || shard.count < 1 || shard.index >= shard.count) throw optionError("--shard", "i/n with 0 ≤ i < n (e.g. 0/2)", JSON.stringify(text));
  return shard;
}

function optionError(path: string, expected: string, found: string): TaosimInputError {
  return new TaosimInputError({ file: "<args>", line: 1, col: 1, path, expected, found, code: "cli-option" });
}
