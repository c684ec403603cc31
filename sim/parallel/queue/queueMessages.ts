// What travels through Redis: a task job (the worker request plus where to send the result) and a
// result job (the outcome, table rows gzip-compressed and base64-encoded: Redis holds strings).
import { gunzipSync, gzipSync } from "node:zlib";
import { sha256Hex } from "../sha256.js";
import type { TaskOutcome, TaskSpec, WorkerRequest } from "../types.js";

/** Workers on every machine pull from this queue; each job names its run's results queue. */
export const TASKS_QUEUE = "taosim-tasks";

/** BullMQ's key prefix (its default): job `id` of queue `q` is the hash `bull:q:id`. */
export const BULL_PREFIX = "bull";

export interface TaskJobData extends WorkerRequest {
  runId: string;
  resultsQueue: string;
  /** taskInputSha256(spec) as the run computed it; the result carries it back. */
  inputSha256: string;
}

export interface EncodedTable {
  name: string;
  header: string;
  /** base64 of the gzip of the rows. */
  rows: string;
}

export type ResultJobData = { runId: string; inputSha256: string } & (
  | { status: "ok"; spec: TaskOutcome["spec"]; tables: EncodedTable[] }
  | { status: "failed"; spec: TaskOutcome["spec"]; error: Extract<TaskOutcome, { status: "failed" }>["error"] }
);

/** Job id of task `index` of run `runId`, in the tasks queue and (for its result) the results queue. */
export function taskJobId(runId: string, index: number): string {
  return `${runId}_${index}`;
}

/** The Redis key of job `jobId` in queue `queueName`. */
export function jobKey(queueName: string, jobId: string): string {
  return `${BULL_PREFIX}:${queueName}:${jobId}`;
}

/** sha256 of everything that determines a task's bytes: coordinates, seed, parameters, scenario. */
export function taskInputSha256(spec: TaskSpec): string {
  const s = spec.scenario;
  return sha256Hex(JSON.stringify([spec.index, spec.point, spec.replicate, spec.seed, spec.params, s.sha256, s.rootSeed, s.overrides]));
}

export function encodeOutcome(runId: string, inputSha256: string, outcome: TaskOutcome): ResultJobData {
  if (outcome.status === "failed") return { runId, inputSha256, status: "failed", spec: outcome.spec, error: outcome.error };
  const tables = outcome.tables.map((t) => ({ name: t.name, header: t.header, rows: gzipSync(t.rows).toString("base64") }));
  return { runId, inputSha256, status: "ok", spec: outcome.spec, tables };
}

export function decodeOutcome(data: ResultJobData): TaskOutcome {
  if (data.status === "failed") return { status: "failed", spec: data.spec, error: data.error };
  const tables = data.tables.map((t) => ({ name: t.name, header: t.header, rows: new Uint8Array(gunzipSync(Buffer.from(t.rows, "base64"))) }));
  return { status: "ok", spec: data.spec, tables };
}
