// What travels through Redis: a task job (the worker request plus where to send the result) and a
// result job (the outcome, table rows gzip-compressed and base64-encoded: Redis holds strings).
import { gunzipSync, gzipSync } from "node:zlib";
import type { TaskOutcome, WorkerRequest } from "../types.js";

/** Workers on every machine pull from this queue; each job names its run's results queue. */
export const TASKS_QUEUE = "taosim-tasks";

export interface TaskJobData extends WorkerRequest {
  runId: string;
  resultsQueue: string;
}

export interface EncodedTable {
  name: string;
  header: string;
  /** base64 of the gzip of the rows. */
  rows: string;
}

export type ResultJobData =
  | { runId: string; status: "ok"; spec: TaskOutcome["spec"]; tables: EncodedTable[] }
  | { runId: string; status: "failed"; spec: TaskOutcome["spec"]; error: Extract<TaskOutcome, { status: "failed" }>["error"] };

export function taskJobId(runId: string, index: number): string {
  return `${runId}_${index}`;
}

export function encodeOutcome(runId: string, outcome: TaskOutcome): ResultJobData {
  if (outcome.status === "failed") return { runId, status: "failed", spec: outcome.spec, error: outcome.error };
  const tables = outcome.tables.map((t) => ({ name: t.name, header: t.header, rows: gzipSync(t.rows).toString("base64") }));
  return { runId, status: "ok", spec: outcome.spec, tables };
}

export function decodeOutcome(data: ResultJobData): TaskOutcome {
  if (data.status === "failed") return { status: "failed", spec: data.spec, error: data.error };
  const tables = data.tables.map((t) => ({ name: t.name, header: t.header, rows: new Uint8Array(gunzipSync(Buffer.from(t.rows, "base64"))) }));
  return { status: "ok", spec: data.spec, tables };
}
