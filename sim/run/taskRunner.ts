// The task runner module sim/parallel loads in each worker (`runTask(spec, input)`): runs the task's
// resolved scenario with executeRun and hands back each table as a header and UTF-8 CSV rows (a
// transferable typed array). The main thread passes the resolved scenario as `input` (see
// prepareRun's taskInputOf), so this module imports only the engine: no scenario parsing (yaml, zod,
// mathjs). Without input (queue workers) it rebuilds the scenario from spec.scenario, importing the
// parser then.
import type { Scenario } from "../../scenarios/schema.js";
import type { TaskResult, TaskSpec } from "../parallel/types.js";
import { executeRun } from "./runTask.js";
import type { Snapshot } from "../snapshot/snapshotSchema.js";
import { csvHeader, csvRows } from "./tableCsv.js";

/** A task as the main thread resolved it: structured-clone friendly plain data. */
export interface ResolvedTask {
  scenario: Scenario;
  /** Absolute path of the snapshot the scenario starts from, or null. */
  snapshotFile: string | null;
}

const encoder = new TextEncoder();
const snapshots = new Map<string, Promise<Snapshot>>(); // per worker: file → loaded snapshot

function cachedSnapshot(file: string): Promise<Snapshot> {
  let s = snapshots.get(file);
  if (s === undefined) {
    s = import("../snapshot/loadSnapshot.js").then((m) => m.loadSnapshotFile(file));
    snapshots.set(file, s);
    s.catch(() => snapshots.delete(file));
  }
  return s;
}

export async function runTask(spec: TaskSpec, input?: unknown): Promise<TaskResult> {
  const task = (input as ResolvedTask | undefined) ?? (await import("./rebuildTask.js")).rebuildTask(spec);
  const snapshot = task.snapshotFile === null ? undefined : await cachedSnapshot(task.snapshotFile);
  const result = executeRun(spec, task.scenario, snapshot === undefined ? {} : { snapshot });
  return {
    tables: Object.entries(result.tables).map(([name, table]) => ({
      name,
      header: csvHeader(table),
      rows: encoder.encode(csvRows(table)),
    })),
  };
}

export default runTask;
