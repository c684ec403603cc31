// `--shard i/n`: runs only the tasks with `index % n === i`, on the in-process or pooled executor.
import type { TaskSpec } from "../types.js";
import type { Executor, ExecutorOptions, OutcomeSink, Shard } from "./Executor.js";
import { createInlineExecutor } from "./inlineExecutor.js";
import { createPiscinaExecutor } from "./piscinaExecutor.js";

export function inShard(index: number, shard: Shard | null | undefined): boolean {
  return shard == null || index % shard.count === shard.index;
}

export function createShardExecutor(options: ExecutorOptions): Executor {
  const inner = options.workers <= 1 ? createInlineExecutor(options) : createPiscinaExecutor(options);
  return {
    name: "shard",
    run: (tasks: readonly TaskSpec[], sink: OutcomeSink) => inner.run(tasks.filter((t) => inShard(t.index, options.shard)), sink),
    close: () => inner.close(),
  };
}
