// Per-task part files under `<out>/parts/`: `task-NNNNNN.<table>.csv` (the task's rows, no header)
// and `task-NNNNNN.json` (its TaskRecord with each part's sha256), each written atomically, the record
// last. A task is complete exactly when its record says ok and every part still has its hash, so a
// kill at any moment leaves nothing that `--resume` would trust.
import { mkdir, readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { sha256File, sha256Hex } from "./sha256.js";
import { outputSha256, type PartTable, type TaskRecord } from "./TaskRecord.js";
import type { TaskOutcome } from "./types.js";
import { removeStaleTemporaries, writeAtomic } from "./writeAtomic.js";

export const PARTS_DIR = "parts";

export class PartStore {
  readonly dir: string;

  constructor(outDir: string) {
    this.dir = join(outDir, PARTS_DIR);
  }

  async open(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await removeStaleTemporaries(this.dir);
  }

  async clear(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  partPath(index: number, table: string): string {
    return join(this.dir, `${taskStem(index)}.${table}.csv`);
  }

  recordPath(index: number): string {
    return join(this.dir, `${taskStem(index)}.json`);
  }

  /** Writes a finished task's parts, then its record; returns the record. */
  async write(outcome: TaskOutcome): Promise<TaskRecord> {
    const spec = outcome.spec;
    await rm(this.recordPath(spec.index), { force: true }); // never trust an older record while rewriting
    if (outcome.status === "failed") {
      const record: TaskRecord = { ...spec, status: "failed", error: outcome.error, tables: [], sha256: "" };
      await writeAtomic(this.recordPath(spec.index), JSON.stringify(record));
      return record;
    }
    const tables: PartTable[] = [];
    for (const table of outcome.tables) {
      await writeAtomic(this.partPath(spec.index, table.name), table.rows);
      tables.push({ name: table.name, header: table.header, sha256: sha256Hex(table.rows), bytes: table.rows.byteLength });
    }
    const record: TaskRecord = { ...spec, status: "ok", tables, sha256: outputSha256(tables) };
    await writeAtomic(this.recordPath(spec.index), JSON.stringify(record));
    return record;
  }

  /** The task's record, or null when it has none (not run, or killed before it finished). */
  async read(index: number): Promise<TaskRecord | null> {
    try {
      return JSON.parse(await readFile(this.recordPath(index), "utf8")) as TaskRecord;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
  }

  /** The record when the task finished ok and every part file still has its recorded size and hash. */
  async readComplete(index: number): Promise<TaskRecord | null> {
    const record = await this.read(index).catch(() => null); // an unreadable record is not complete
    if (record === null || record.status !== "ok" || record.index !== index) return null;
    for (const table of record.tables) {
      const path = this.partPath(index, table.name);
      const size = await stat(path).then((s) => s.size, () => -1);
      if (size !== table.bytes || (await sha256File(path)) !== table.sha256) return null;
    }
    return record;
  }
}

export function taskStem(index: number): string {
  return `task-${String(index).padStart(6, "0")}`;
}
