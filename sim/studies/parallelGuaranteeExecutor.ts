// Runs consensus-guarantee chunks on any sim/parallel Executor (inline, piscina, queue) created with
// `runnerModule: guaranteeRunnerModulePath()`. One chunk = one TaskSpec (chunk in params, root seed
// as the task seed); results are put back in task order.
import { createHash } from "node:crypto";
import type { Executor } from "../parallel/executors/Executor.js";
import type { TaskSpec } from "../parallel/types.js";
import type { GuaranteeExecutor, GuaranteeTask } from "./guaranteeExecutor.js";
import { GUARANTEE_TABLE, ratiosFromRows } from "./guaranteeRunner.js";

export function parallelGuaranteeExecutor(executor: Executor): GuaranteeExecutor {
  return async (tasks, onDone) => {
    const source = JSON.stringify(tasks.map((t) => t.spec));
    const scenario = {
      file: "consensus-guarantees", source, sha256: createHash("sha256").update(source).digest("hex"),
      rootSeed: tasks[0]?.seed ?? 0, overrides: [],
    };
    const specs: TaskSpec[] = tasks.map((t, k) => ({
      index: k, point: k, replicate: 0, seed: t.seed, params: { chunk: t.spec }, scenario,
    }));
    const results = new Array<Float64Array>(tasks.length);
    await executor.run(specs, async (outcome) => {
      const k = outcome.spec.index;
      if (outcome.status === "failed") {
        throw new Error(`consensus-guarantees chunk ${k} failed: ${outcome.error.message}`);
      }
      const table = outcome.tables.find((t) => t.name === GUARANTEE_TABLE);
      if (!table) throw new Error(`consensus-guarantees chunk ${k}: no ${GUARANTEE_TABLE} table`);
      results[k] = ratiosFromRows(table.rows, tasks[k].spec.samples);
      onDone?.(tasks[k] as GuaranteeTask);
    });
    return results;
  };
}
