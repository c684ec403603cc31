// Child process of the workers bench: runs an N-task sweep on 2 workers into a temporary folder and
// prints its peak resident set size in KiB (`node --import tsx rssProbe.ts N`).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runTasks } from "../../sim/parallel/runTasks.js";
import { BENCH_RUNNER, benchSweep } from "./sweepTasks.js";

const count = Number(process.argv[2]);
const out = mkdtempSync(join(tmpdir(), "taosim-rss-"));
try {
  const { tasks, header } = benchSweep(count, 20_000, 2_000);
  const { failures } = await runTasks({ tasks, runnerModule: BENCH_RUNNER, outDir: out, header, workers: 2 });
  if (failures.length > 0) throw new Error(`rss probe: ${failures.length} tasks failed`);
  process.stdout.write(`${process.resourceUsage().maxRSS}\n`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
