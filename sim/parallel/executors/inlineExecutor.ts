// Runs tasks one after another in this thread (`--workers 1`): no pool, the same worker entry.
import { executeTask } from "../executeTask.js";
import type { Executor, ExecutorOptions, OutcomeSink } from "./Executor.js";
import type { TaskSpec } from "../types.js";

export function createInlineExecutor(options: ExecutorOptions): Executor {
  return {
    name: "inline",
    async run(tasks: readonly TaskSpec[], sink: OutcomeSink): Promise<void> {
      for (const spec of tasks) await sink(await executeTask({ runnerModule: options.runnerModule, spec, input: options.taskInput?.(spec) }));
    },
    async close(): Promise<void> {},
  };
}
