// What the run that owns a sweep knows about every task it still needs: its index, seed and the
// expected hash of its inputs. Redis is only a scratch space: when it loses jobs (restarted empty,
// evicted, a job stalled past its retries) the ledger says exactly which tasks to enqueue again,
// and a result is accepted once per index, only when it answers the task the run asked for.
import type { TaskSpec } from "../types.js";
import { taskInputSha256 } from "./queueMessages.js";

export interface LedgerTask {
  index: number;
  seed: number;
  inputSha256: string;
  spec: TaskSpec;
}

export class TaskLedger {
  private readonly pending = new Map<number, LedgerTask>();

  constructor(tasks: readonly TaskSpec[]) {
    for (const spec of tasks) this.pending.set(spec.index, { index: spec.index, seed: spec.seed, inputSha256: taskInputSha256(spec), spec });
  }

  /** Tasks with no accepted result yet, in index order. */
  get waiting(): LedgerTask[] {
    return [...this.pending.values()];
  }

  get size(): number {
    return this.pending.size;
  }

  has(index: number): boolean {
    return this.pending.has(index);
  }

  get(index: number): LedgerTask | undefined {
    return this.pending.get(index);
  }

  /** True (and the task is done) for the first result of a waiting task whose input hash matches. */
  accept(index: number, inputSha256: string): boolean {
    if (this.pending.get(index)?.inputSha256 !== inputSha256) return false;
    this.pending.delete(index);
    return true;
  }
}
