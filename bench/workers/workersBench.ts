// `taosim bench workers`: throughput of a 40-task sweep on 1 and 2 workers (the pool is started and
// warmed before timing; each task's parts are written as in a run), the speed-up, and peak RSS of a
// 40- vs 400-task sweep measured in child processes; then the same throughput for the built-in
// `default` scenario on the engine's runner; the machine's own two-process scaling to judge the
// speed-ups against (a spin loop, and the default sweep itself split over two processes); worker
// start-up and per-task overhead (workerStartup.ts). Rows only; the bench command writes files.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchRow } from "../common/benchRow.js";
import { createExecutor, type ExecutorName } from "../../sim/parallel/executors/index.js";
import { PartStore } from "../../sim/parallel/PartStore.js";
import { BENCH_RUNNER, benchSweep, mustBeOk } from "./sweepTasks.js";
import type { TaskInputOf, TaskSpec } from "../../sim/parallel/types.js";
import { benchWorkerStartup } from "./workerStartup.js";

const TASKS = 40;

export async function benchWorkers(scale: number): Promise<BenchRow[]> {
  const work = Math.max(1, Math.round(15_000_000 * scale)); // ≈ 50–100 ms of CPU per task at scale 1
  const trials = Math.max(1, Math.round(3 * Math.min(scale, 1)));
  const one = await throughput("inline", 1, work, trials);
  const two = await throughput("piscina", 2, work, trials);
  const rows: BenchRow[] = [one.row, two.row, ratioRow("speed-up 2 vs 1 worker (x)", two.perSecond / one.perSecond)];
  const engine = await engineSweep(scale);
  rows.push(...(await benchWorkerStartup(scale, engine.runnerModule)));
  const engineOne = await throughput("inline", 1, 0, 1, engine);
  const engineTwo = await throughput("piscina", 2, 0, 1, engine);
  rows.push(engineOne.row, engineTwo.row, ratioRow("default scenario: speed-up 2 vs 1 worker (x)", engineTwo.perSecond / engineOne.perSecond));
  const machine = await machineScaling(scale);
  const machineEngine = await engineProcessScaling(engine.days);
  rows.push(
    ratioRow("machine: 2 processes vs 1 (x)", machine),
    ratioRow("40-task sweep speed-up / machine scaling (x)", two.perSecond / one.perSecond / machine),
    ratioRow("machine, default scenario: 2 processes vs 1 (x)", machineEngine),
    ratioRow("default scenario speed-up / its 2-process scaling (x)", engineTwo.perSecond / engineOne.perSecond / machineEngine),
  );
  const rss40 = peakRssKiB(TASKS);
  const rss400 = peakRssKiB(TASKS * 10);
  rows.push(ratioRow("peak rss 40 tasks (KiB)", rss40), ratioRow("peak rss 400 tasks (KiB)", rss400), ratioRow("peak rss 400/40 (x)", rss400 / rss40));
  return rows;
}

/** One CPU-bound child process. */
function spinChild(iterations: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", `let x = 0; for (let i = 0; i < ${iterations}; i++) x += Math.sqrt(i); if (x < 0) console.log(x);`], { stdio: "ignore" });
    child.on("error", reject);
    child.on("exit", () => resolve());
  });
}

/**
 * The machine's own scaling: the same fixed CPU work done by two independent single-threaded processes at
 * once, against one (throughput ratio; 2.0 is perfect). The workers' speed-up is judged against this.
 */
async function machineScaling(scale: number): Promise<number> {
  const n = Math.max(1, Math.round(300_000_000 * scale));
  const time = async (k: number): Promise<number> => {
    const t0 = process.hrtime.bigint();
    await Promise.all(Array.from({ length: k }, () => spinChild(n)));
    return Number(process.hrtime.bigint() - t0);
  };
  await time(1); // warm the binary's pages
  const one = await time(1);
  const two = await time(2);
  return (2 * one) / two;
}

/**
 * The machine's scaling on the engine's own workload: the default sweep's 8 tasks in one process
 * against 4 + 4 in two processes at once (each warmed, each timing only its tasks).
 */
async function engineProcessScaling(days: number): Promise<number> {
  const one = await probeEngine(days, [[0, 1]]);
  const two = await probeEngine(days, [[0, 2], [1, 2]]);
  return one / two;
}

/** Runs the engine probes at once; the slowest one's timed section in µs. */
async function probeEngine(days: number, shards: [number, number][]): Promise<number> {
  const built = fileURLToPath(new URL("./engineProbe.js", import.meta.url));
  const args = existsSync(built) ? [built] : ["--import", "tsx", fileURLToPath(new URL("./engineProbe.ts", import.meta.url))];
  const times = await Promise.all(
    shards.map(
      ([shard, of]) =>
        new Promise<number>((resolve, reject) => {
          const child = spawn(process.execPath, [...args, String(days), String(shard), String(of)], { stdio: ["ignore", "pipe", "inherit"] });
          let text = "";
          child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
          child.on("error", reject);
          child.on("exit", (code) => (code === 0 ? resolve(Number(text.trim())) : reject(new Error(`engine probe exited ${code}`))));
        }),
    ),
  );
  return Math.max(...times);
}

interface Sweep {
  days: number;
  label: string;
  tasks: TaskSpec[];
  runnerModule: string;
  taskInput?: TaskInputOf;
}

/** The built-in `default` scenario with 8 replicates, shortened to fit the scale, on the real runner. */
async function engineSweep(scale: number): Promise<Sweep> {
  const { prepareRun, runnerModulePath, taskInputOf, taskSpecs } = await import("../../sim/run/prepareRun.js");
  const days = Math.max(1, Math.round(2 * scale));
  const prepared = prepareRun("default", ["replicates=8", `duration.days=${days}`], undefined);
  const tasks = taskSpecs(prepared);
  return { days, label: `default scenario (${days} d) × ${tasks.length}`, tasks, runnerModule: runnerModulePath(), taskInput: taskInputOf(prepared) };
}

async function throughput(executorName: ExecutorName, workers: number, work: number, trials: number, sweep?: Sweep): Promise<{ row: BenchRow; perSecond: number }> {
  const tasks = sweep?.tasks ?? benchSweep(TASKS, work, 200).tasks;
  const runnerModule = sweep?.runnerModule ?? BENCH_RUNNER;
  const out = mkdtempSync(join(tmpdir(), "taosim-bench-workers-"));
  const store = new PartStore(out);
  const executor = createExecutor(executorName, { runnerModule, workers, taskInput: sweep?.taskInput });
  const perTaskUs: number[] = [];
  try {
    await store.open();
    await executor.run(tasks.slice(0, workers), async (outcome) => void mustBeOk(outcome)); // start and warm the threads
    for (let trial = 0; trial < trials; trial++) {
      const t0 = process.hrtime.bigint();
      await executor.run(tasks, async (outcome) => void (await store.write(mustBeOk(outcome))));
      perTaskUs.push(Number(process.hrtime.bigint() - t0) / 1000 / tasks.length);
    }
  } finally {
    await executor.close();
    rmSync(out, { recursive: true, force: true });
  }
  perTaskUs.sort((a, b) => a - b);
  const median = perTaskUs[Math.floor(perTaskUs.length / 2)];
  const p90 = perTaskUs[Math.min(perTaskUs.length - 1, Math.floor(perTaskUs.length * 0.9))];
  const perSecond = 1e6 / median;
  const row: BenchRow = { suite: "workers", case: `${sweep?.label ?? `${TASKS}-task sweep`}, ${workers} worker${workers > 1 ? "s" : ""}`, arith: null, validators: null, neurons: null, subnets: null, median_us: round(median), p90_us: round(p90), per_second: round(perSecond) };
  return { row, perSecond };
}

function peakRssKiB(count: number): number {
  // The built probe next to this file when running from dist/, else the TypeScript source under tsx.
  const built = fileURLToPath(new URL("./rssProbe.js", import.meta.url));
  const args = existsSync(built) ? [built] : ["--import", "tsx", fileURLToPath(new URL("./rssProbe.ts", import.meta.url))];
  const text = execFileSync(process.execPath, [...args, String(count)], { encoding: "utf8" });
  return Number(text.trim());
}

function ratioRow(name: string, value: number): BenchRow {
  return { suite: "workers", case: name, arith: null, validators: null, neurons: null, subnets: null, median_us: 0, p90_us: 0, per_second: round(value) };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
