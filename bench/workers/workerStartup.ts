// Worker start-up and per-task overhead for `taosim bench workers`. Start-up: a new one-thread
// piscina pool, from construction until the thread answers a ping; the thread answers once its
// module and the runner named in workerData have loaded, i.e. when a first task could start. Timed
// bare (no runner) and with the engine's runner. Per-task overhead: the round trip of a trivial
// task (the fake runner, no rows, no work) on a warm pool, against the same task run in-process.
import { Piscina } from "piscina";
import type { BenchRow } from "../common/benchRow.js";
import { executeTask } from "../../sim/parallel/executeTask.js";
import type { WorkerData, WorkerPing } from "../../sim/parallel/taskWorker.js";
import type { TaskOutcome, WorkerRequest } from "../../sim/parallel/types.js";
import { workerScript } from "../../sim/parallel/workerScript.js";
import { BENCH_RUNNER, benchSweep, mustBeOk } from "./sweepTasks.js";

type Pool = Piscina<WorkerRequest | WorkerPing, unknown>;

function newPool(runnerModule: string | null): Pool {
  const workerData: WorkerData | undefined = runnerModule === null ? undefined : { runnerModule };
  return new Piscina({ filename: workerScript(), workerData, minThreads: 1, maxThreads: 1 });
}

/** Microseconds from making a one-thread pool to its first answer, `trials` fresh pools. */
async function startUpUs(runnerModule: string | null, trials: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < trials; i++) {
    const t0 = process.hrtime.bigint();
    const pool = newPool(runnerModule);
    await pool.run({ ping: true });
    samples.push(Number(process.hrtime.bigint() - t0) / 1000);
    await pool.destroy();
  }
  return samples;
}

/** Round trips of one trivial task, one at a time, on a warm thread (or in this thread). */
async function roundTripUs(where: "thread" | "inline", count: number): Promise<number[]> {
  const request: WorkerRequest = { runnerModule: BENCH_RUNNER, spec: benchSweep(4, 0, 0).tasks[0] };
  const pool = where === "thread" ? newPool(BENCH_RUNNER) : null;
  const run = pool === null ? () => executeTask(request) : () => pool.run(request) as Promise<TaskOutcome>;
  const runOne = async () => mustBeOk(await run());
  const samples: number[] = [];
  try {
    for (let i = 0; i < 20; i++) await runOne(); // warm-up
    for (let i = 0; i < count; i++) {
      const t0 = process.hrtime.bigint();
      await runOne();
      samples.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
  } finally {
    await pool?.destroy();
  }
  return samples;
}

export async function benchWorkerStartup(scale: number, engineRunner: string): Promise<BenchRow[]> {
  const trials = Math.max(3, Math.round(5 * Math.min(scale, 1)));
  const trips = Math.max(50, Math.round(500 * Math.min(scale, 1)));
  return [
    row("worker start-up, bare thread (spawn → ready)", await startUpUs(null, trials)),
    row("worker start-up, engine runner loaded (spawn → first task can start)", await startUpUs(engineRunner, trials)),
    row("per-task round trip, trivial task on a warm thread", await roundTripUs("thread", trips)),
    row("per-task round trip, trivial task in-process (no thread)", await roundTripUs("inline", trips)),
  ];
}

function row(name: string, samples: number[]): BenchRow {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const p90 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))];
  const r = (x: number) => Math.round(x * 100) / 100;
  return { suite: "workers", case: name, arith: null, validators: null, neurons: null, subnets: null, median_us: r(median), p90_us: r(p90), per_second: r(1e6 / median) };
}
