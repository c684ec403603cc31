// Child process of the workers bench: the default-scenario sweep's tasks `k ≡ shard (mod of)` run
// in this process's one thread (inline executor, parts written as in a run), after one warm-up task.
// Prints the timed section's wall time in µs. Two of these at once against one with every task is
// the machine's own two-process scaling on the engine's workload (memory-heavy, unlike a spin loop).
// `node engineProbe.js DAYS SHARD OF`
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createExecutor } from "../../sim/parallel/executors/index.js";
import { PartStore } from "../../sim/parallel/PartStore.js";
import { prepareRun, runnerModulePath, taskInputOf, taskSpecs } from "../../sim/run/prepareRun.js";
import { mustBeOk } from "./sweepTasks.js";

const [days, shard, of] = process.argv.slice(2).map(Number);
const prepared = prepareRun("default", ["replicates=8", `duration.days=${days}`], undefined);
const all = taskSpecs(prepared);
const mine = all.filter((t) => t.index % of === shard);
const out = mkdtempSync(join(tmpdir(), "taosim-engine-probe-"));
const store = new PartStore(out);
const executor = createExecutor("inline", { runnerModule: runnerModulePath(), workers: 1, taskInput: taskInputOf(prepared) });
try {
  await store.open();
  await executor.run(all.slice(0, 1), async (outcome) => void mustBeOk(outcome)); // warm-up
  const t0 = process.hrtime.bigint();
  await executor.run(mine, async (outcome) => void (await store.write(mustBeOk(outcome))));
  process.stdout.write(`${Number(process.hrtime.bigint() - t0) / 1000}\n`);
} finally {
  await executor.close();
  rmSync(out, { recursive: true, force: true });
}
