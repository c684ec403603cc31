// `taosim merge DIR… --out DIR`: joins shard folders into the folder a single run would have written.
// Refuses (input error, exit 2) folders that are incomplete, come from another scenario, seed or
// taosim version, or whose tasks overlap or leave a gap; copies every task's verified parts, then
// merges tables and writes the manifest exactly as `runTasks` does.
import { access, copyFile, mkdir, readFile, rename, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { TaosimInputError } from "../cli/errors.js";
import { buildManifest, manifestRow, writeManifest, type ManifestTaskRow, type RunManifestFile } from "./manifest.js";
import { mergeTables } from "./mergeTables.js";
import { PartStore } from "./PartStore.js";
import { headerMismatch, type StoredRunHeader } from "./RunHeader.js";
import { RUN_HEADER_FILE } from "./runTasks.js";
import type { TaskRecord } from "./TaskRecord.js";
import { temporaryName, writeAtomic } from "./writeAtomic.js";

export interface MergeRunsResult {
  failures: ManifestTaskRow[];
  manifest: RunManifestFile;
  tables: string[];
}

interface ShardFolder {
  dir: string;
  header: StoredRunHeader;
  store: PartStore;
  indices: number[];
}

export async function mergeRuns(dirs: readonly string[], outDir: string): Promise<MergeRunsResult> {
  if (dirs.length === 0) throw mergeError("", "DIR…", "at least one run folder", "none");
  if (dirs.some((d) => resolve(d) === resolve(outDir))) throw mergeError(outDir, "--out", "a folder other than the inputs", "one of the inputs");
  const shards = await Promise.all(dirs.map(readShardFolder));
  const first = shards[0];
  for (const shard of shards.slice(1)) {
    const why = headerMismatch(first.header, shard.header);
    if (why !== null) throw mergeError(shard.dir, "manifest.json", `a shard of the same run as ${first.dir}`, why);
  }
  const owner = taskOwners(shards, first.header.taskCount);

  const out = new PartStore(outDir);
  await mkdir(outDir, { recursive: true });
  await rm(join(outDir, "manifest.json"), { force: true });
  await out.clear();
  await out.open();
  const header: StoredRunHeader = { ...first.header, shard: null };
  await writeAtomic(join(out.dir, RUN_HEADER_FILE), JSON.stringify(header));

  const records: TaskRecord[] = [];
  for (let index = 0; index < owner.length; index++) records.push(await copyTask(owner[index], index, out));
  const tables = await mergeTables(outDir, out, records);
  const rows = records.map(manifestRow);
  const manifest = buildManifest(header, tables, rows);
  await writeManifest(outDir, manifest);
  return { failures: rows.filter((r) => r.status !== "ok"), manifest, tables };
}

async function readShardFolder(dir: string): Promise<ShardFolder> {
  const store = new PartStore(dir);
  let manifest: RunManifestFile;
  let header: StoredRunHeader;
  try {
    await access(join(dir, "manifest.json"));
    manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as RunManifestFile;
    header = JSON.parse(await readFile(join(store.dir, RUN_HEADER_FILE), "utf8")) as StoredRunHeader;
  } catch {
    throw mergeError(dir, "", "a complete run folder (manifest.json and parts/run.json)", "none");
  }
  return { dir, header, store, indices: manifest.tasks.map((t) => t.index) };
}

/** For each task index 0…count-1, the one folder that holds it. */
function taskOwners(shards: readonly ShardFolder[], count: number): ShardFolder[] {
  const owner: (ShardFolder | undefined)[] = new Array(count);
  for (const shard of shards) {
    for (const index of shard.indices) {
      if (!(Number.isInteger(index) && index >= 0 && index < count)) throw mergeError(shard.dir, "manifest.json", `task indices in 0…${count - 1}`, String(index));
      const previous = owner[index];
      if (previous !== undefined) throw mergeError(shard.dir, "manifest.json", "each task in exactly one folder", `task ${index} also in ${previous.dir}`);
      owner[index] = shard;
    }
  }
  const missing: number[] = [];
  for (let index = 0; index < count; index++) if (owner[index] === undefined) missing.push(index); // owner is sparse
  if (missing.length > 0) throw mergeError("", "DIR…", `all ${count} tasks`, `task${missing.length > 1 ? "s" : ""} ${abbreviate(missing)} missing`);
  return owner as ShardFolder[];
}

/** Copies one task's verified parts and record from its shard into `out`; returns the record. */
async function copyTask(shard: ShardFolder, index: number, out: PartStore): Promise<TaskRecord> {
  const record = await shard.store.read(index);
  if (record === null) throw mergeError(shard.dir, `parts/task ${index}`, "the task's record", "none");
  if (record.status === "ok") {
    if ((await shard.store.readComplete(index)) === null) throw mergeError(shard.dir, `parts/task ${index}`, "part files matching their sha256", "missing or changed files");
    for (const table of record.tables) await copyAtomic(shard.store.partPath(index, table.name), out.partPath(index, table.name));
  }
  await writeAtomic(out.recordPath(index), JSON.stringify(record));
  return record;
}

async function copyAtomic(from: string, to: string): Promise<void> {
  const tmp = temporaryName(to);
  await copyFile(from, tmp);
  await rename(tmp, to);
}

function abbreviate(indices: number[]): string {
  return indices.length <= 8 ? indices.join(", ") : `${indices.slice(0, 8).join(", ")} … (${indices.length})`;
}

function mergeError(file: string, path: string, expected: string, found: string): TaosimInputError {
  return new TaosimInputError({ file, path, expected, found, code: "merge" });
}
