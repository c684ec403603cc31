// The piscina worker file: runs `executeTask` and hands the tables' row buffers back as transferables
// (moved, not copied). Loaded by piscina from this file (built: .js; from source: through
// taskWorkerSource.mjs, which passes in the `move` of the piscina instance that runs the worker).
// The runner module named in workerData is imported while the thread starts (piscina counts the
// thread ready once this module has loaded), so the first task does not pay for it; a runner that
// fails to load is reported by the first task that needs it.
import { workerData } from "node:worker_threads";
import { Piscina } from "piscina";
import { executeTask } from "./executeTask.js";
import { loadRunner } from "./loadRunner.js";
import type { WorkerRequest } from "./types.js";

type Move = (value: object) => unknown;

/** What the pool gives each thread as it starts. */
export interface WorkerData {
  runnerModule: string;
}

/** A request answered as soon as the thread is ready (the workers bench times start-up with it). */
export interface WorkerPing {
  ping: true;
}

const preload = (workerData as Partial<WorkerData> | null)?.runnerModule;
if (typeof preload === "string") await loadRunner(preload).catch(() => undefined);

/** Runs one task; an ok outcome is returned as a movable whose row buffers are transferred. */
export async function runTaskForPool(request: WorkerRequest | WorkerPing, move: Move): Promise<unknown> {
  if ("ping" in request) return "pong";
  const outcome = await executeTask(request);
  if (outcome.status !== "ok") return outcome;
  const transfer: ArrayBuffer[] = [];
  for (const table of outcome.tables) {
    table.rows = ownBuffer(table.rows);
    transfer.push(table.rows.buffer as ArrayBuffer);
  }
  // piscina's Transferable protocol: these two keys are registered symbols (Symbol.for).
  return move({ [Symbol.for("Piscina.transferable")]: transfer, [Symbol.for("Piscina.valueOf")]: outcome });
}

/** The rows in an array that owns its whole ArrayBuffer (pooled Node Buffers cannot be moved). */
function ownBuffer(rows: Uint8Array): Uint8Array {
  const whole = rows.buffer instanceof ArrayBuffer && rows.byteOffset === 0 && rows.byteLength === rows.buffer.byteLength;
  return whole && !Buffer.isBuffer(rows) ? rows : new Uint8Array(rows);
}

export default function runInWorker(request: WorkerRequest | WorkerPing): Promise<unknown> {
  return runTaskForPool(request, (value) => Piscina.move(value as never));
}
