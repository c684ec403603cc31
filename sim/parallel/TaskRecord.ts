// What the part store keeps per finished task (`parts/task-NNNNNN.json`, written after its tables),
// and what becomes that task's row in manifest.json.
import { sha256Hex } from "./sha256.js";
import type { RunSpec, TaskErrorInfo } from "./types.js";

export interface PartTable {
  name: string;
  header: string;
  /** sha256 (hex) of the part file's bytes. */
  sha256: string;
  bytes: number;
}

export interface TaskRecord extends RunSpec {
  status: "ok" | "failed";
  /** Present when failed. */
  error?: TaskErrorInfo;
  tables: PartTable[];
  /** The task's output hash: sha256 over `name sha256\n` of its tables in order ("" when failed). */
  sha256: string;
}

export function outputSha256(tables: readonly PartTable[]): string {
  return sha256Hex(tables.map((t) => `${t.name} ${t.sha256}\n`).join(""));
}

/** A task with no result (its executor died before reporting): recorded as failed. */
export function missingRecord(spec: RunSpec): TaskRecord {
  const message = "no result was received for this task (its worker or process stopped)";
  return { ...spec, status: "failed", error: { name: "TaskLostError", message, stack: `TaskLostError: ${message}` }, tables: [], sha256: "" };
}
