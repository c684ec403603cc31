// manifest.json of a run folder (interfaces.md): the run header, then one row per task (index,
// point, replicate, seed, parameters, status, error if any, output sha256 and per-table hashes).
// Written last and atomically: a run folder is complete exactly when manifest.json exists.
import { join } from "node:path";
import type { StoredRunHeader } from "./RunHeader.js";
import type { TaskRecord } from "./TaskRecord.js";
import type { TaskErrorInfo } from "./types.js";
import { writeAtomic } from "./writeAtomic.js";

export const MANIFEST_FORMAT = "taosim.manifest/1";

export interface ManifestTaskRow {
  index: number;
  point: number;
  replicate: number;
  seed: number;
  params: Readonly<Record<string, unknown>>;
  status: "ok" | "failed";
  error?: TaskErrorInfo;
  sha256: string;
  tables: Record<string, string>;
}

export interface RunManifestFile extends StoredRunHeader {
  format: typeof MANIFEST_FORMAT;
  tables: string[];
  failures: number;
  tasks: ManifestTaskRow[];
}

export function manifestRow(record: TaskRecord): ManifestTaskRow {
  const row: ManifestTaskRow = {
    index: record.index,
    point: record.point,
    replicate: record.replicate,
    seed: record.seed,
    params: record.params,
    status: record.status,
    sha256: record.sha256,
    tables: Object.fromEntries(record.tables.map((t) => [t.name, t.sha256])),
  };
  if (record.error) row.error = record.error;
  return row;
}

export function buildManifest(header: StoredRunHeader, tables: readonly string[], rows: readonly ManifestTaskRow[]): RunManifestFile {
  const tasks = [...rows].sort((a, b) => a.index - b.index);
  return { format: MANIFEST_FORMAT, ...header, tables: [...tables], failures: tasks.filter((t) => t.status !== "ok").length, tasks };
}

export async function writeManifest(outDir: string, manifest: RunManifestFile): Promise<void> {
  await writeAtomic(join(outDir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
}
