// Executors by name. `queue` is loaded on demand (it needs bullmq, an optional dependency).
import type { Executor, ExecutorFactory, ExecutorName, ExecutorOptions } from "./Executor.js";
import { createInlineExecutor } from "./inlineExecutor.js";
import { createPiscinaExecutor } from "./piscinaExecutor.js";
import { createShardExecutor } from "./shardExecutor.js";
import { createQueueExecutor } from "../queue/queueExecutor.js";

export const EXECUTORS: Readonly<Record<ExecutorName, ExecutorFactory>> = {
  inline: createInlineExecutor,
  piscina: createPiscinaExecutor,
  shard: createShardExecutor,
  queue: createQueueExecutor,
};

/** The executor the options call for: queue if given, else shard if given, else inline for 1 worker, else piscina. */
export function chooseExecutor(options: ExecutorOptions): ExecutorName {
  if (options.queue) return "queue";
  if (options.shard) return "shard";
  return options.workers <= 1 ? "inline" : "piscina";
}

export function createExecutor(name: ExecutorName, options: ExecutorOptions): Executor {
  return EXECUTORS[name](options);
}

export { inShard } from "./shardExecutor.js";
export type { Executor, ExecutorFactory, ExecutorName, ExecutorOptions, OutcomeSink, Shard } from "./Executor.js";
