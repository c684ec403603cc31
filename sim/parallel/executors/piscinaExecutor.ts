// Runs tasks on a piscina pool of `workers` threads, one whole run per task. A worker that dies
// (rather than throwing) fails only its own task. Two tasks per thread are kept in flight so a
// thread never idles while the main thread writes a result. The threads start as the pool is made
// and load the runner module as they start (workerData), so they are warm when the first task comes.
import { Piscina } from "piscina";
import { workerScript } from "../workerScript.js";
import { errorInfo, runSpecOf, type TaskOutcome, type TaskSpec, type WorkerRequest } from "../types.js";
import type { WorkerData } from "../taskWorker.js";
import type { Executor, ExecutorOptions, OutcomeSink } from "./Executor.js";
import { runWithLimit } from "./runWithLimit.js";

export function createPiscinaExecutor(options: ExecutorOptions): Executor {
  const threads = Math.max(1, Math.floor(options.workers));
  const pool = new Piscina<WorkerRequest, TaskOutcome>({
    filename: workerScript(),
    workerData: { runnerModule: options.runnerModule } satisfies WorkerData,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
  });
  const runOne = async (spec: TaskSpec): Promise<TaskOutcome> => {
    try {
      return await pool.run({ runnerModule: options.runnerModule, spec, input: options.taskInput?.(spec) });
    } catch (err) {
      return { status: "failed", spec: runSpecOf(spec), error: errorInfo(err) };
    }
  };
  return {
    name: "piscina",
    run: (tasks: readonly TaskSpec[], sink: OutcomeSink) => runWithLimit(tasks, threads * 2, runOne, sink),
    close: () => pool.destroy(),
  };
}
