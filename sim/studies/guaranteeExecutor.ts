// How the consensus-guarantee chunks are executed: one task = one chunk, run by `executeGuaranteeTask`
// (the worker entry: plain data in, one Float64Array out). Executors are interchangeable; results come
// back in task order, so the output files do not depend on which executor ran them.
import { runGuaranteeChunk, type GuaranteeChunkSpec } from "./studyDrivers.js";
import { createRng } from "../rng/index.js";

export interface GuaranteeTask {
  spec: GuaranteeChunkSpec;
  /** Root seed of the study; the noise streams are named by (honest stake, replicate) under it. */
  seed: number;
}

/** Worker entry: runs one chunk, returns its ratios (row-major by honest, then cabal self-weight). */
export function executeGuaranteeTask(task: GuaranteeTask): Float64Array {
  const rng = createRng(task.seed, 0);
  return runGuaranteeChunk(task.spec, (name) => rng.fork(name));
}

/** Runs tasks and returns their results in task order; `onDone` is called as each task finishes. */
export type GuaranteeExecutor = (tasks: readonly GuaranteeTask[], onDone?: (task: GuaranteeTask) => void) => Promise<Float64Array[]>;

/** Runs every task on the calling thread, one after another. */
export const inlineGuaranteeExecutor: GuaranteeExecutor = async (tasks, onDone) => {
  const results: Float64Array[] = [];
  for (const task of tasks) {
    results.push(executeGuaranteeTask(task));
    onDone?.(task);
  }
  return results;
};
