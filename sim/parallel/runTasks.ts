// The one function `taosim run` calls: executes the planner's tasks (this shard's share, minus the
// ones `--resume` finds complete) on the chosen executor, streams each outcome to part files as it
// finishes, merges the final CSVs in task order and writes manifest.json. Returns the failures; the
// caller exits 1 when there are any. Bytes never depend on worker count or completion order.
import { mkdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { TaosimInputError } from "../cli/errors.js";
import { chooseExecutor, createExecutor, inShard } from "./executors/index.js";
import { buildManifest, manifestRow, writeManifest, type ManifestTaskRow, type RunManifestFile } from "./manifest.js";
import { mergeTables } from "./mergeTables.js";
import { PartStore } from "./PartStore.js";
import { headerMismatch, storedHeader, type StoredRunHeader } from "./RunHeader.js";
import { resolveRunTasksOptions, type RunTasksOptions, type TaskProgress } from "./runTasksOptions.js";
import { missingRecord, type TaskRecord } from "./TaskRecord.js";
import { runSpecOf, type TaskOutcome, type TaskSpec } from "./types.js";
import { writeAtomic } from "./writeAtomic.js";

export interface RunTasksResult {
  failures: ManifestTaskRow[];
  manifestRows: ManifestTaskRow[];
  manifest: RunManifestFile;
  /** Final tables written, as file stems. */
  tables: string[];
  /** Tasks actually executed (not skipped by `--resume`). */
  executed: number;
}

export const RUN_HEADER_FILE = "run.json";

export async function runTasks(options: RunTasksOptions): Promise<RunTasksResult> {
  const opts = resolveRunTasksOptions(options);
  const header = storedHeader(opts.header, opts.tasks.length, opts.shard);
  const store = new PartStore(opts.outDir);
  const progress: TaskProgress = { total: 0, done: 0, failed: 0, skipped: 0 };
  const executorName = opts.executor ?? chooseExecutor(opts);
  const executor = createExecutor(executorName, {
    runnerModule: opts.runnerModule,
    taskInput: opts.taskInput,
    workers: opts.workers,
    shard: opts.shard,
    queue: opts.queue,
    queueSettings: opts.queueSettings,
    onQueueStatus: (queue) => opts.onProgress({ ...progress, queue }),
  });
  const ours = opts.tasks.filter((t) => inShard(t.index, opts.shard));
  const records = new Map<number, TaskRecord>();
  let pending: TaskSpec[] = [];
  try {
    await executor.open?.(); // e.g. the queue's Redis answers: checked before anything is written
    await mkdir(opts.outDir, { recursive: true });
    await rm(join(opts.outDir, "manifest.json"), { force: true }); // incomplete from here on
    if (opts.resume) await checkResumable(store, header);
    else await store.clear();
    await store.open();
    await writeAtomic(join(store.dir, RUN_HEADER_FILE), JSON.stringify(header));

    if (opts.resume) {
      for (const spec of ours) {
        const record = await store.readComplete(spec.index);
        if (record !== null) records.set(spec.index, record);
      }
    }
    pending = ours.filter((t) => !records.has(t.index));
    Object.assign(progress, { total: ours.length, done: records.size, failed: 0, skipped: records.size });
    opts.onProgress({ ...progress });

    const sink = async (outcome: TaskOutcome): Promise<void> => {
      if (records.get(outcome.spec.index)?.status === "ok") return; // at-least-once delivery: first complete result wins
      const record = await store.write(outcome);
      const first = !records.has(outcome.spec.index);
      records.set(outcome.spec.index, record);
      if (first) progress.done++;
      if (record.status === "failed" && first) progress.failed++;
      opts.onProgress({ ...progress });
    };
    await executor.run(pending, sink);
  } finally {
    await executor.close(); // threads and connections are released whatever failed
  }

  const finished = ours.map((spec) => records.get(spec.index) ?? missingRecord(runSpecOf(spec)));
  const tables = await mergeTables(opts.outDir, store, finished);
  const manifestRows = finished.map(manifestRow);
  const manifest = buildManifest(header, tables, manifestRows);
  await writeManifest(opts.outDir, manifest);
  return { failures: manifestRows.filter((r) => r.status !== "ok"), manifestRows, manifest, tables, executed: pending.length };
}

async function checkResumable(store: PartStore, header: StoredRunHeader): Promise<void> {
  let previous: StoredRunHeader;
  try {
    previous = JSON.parse(await readFile(join(store.dir, RUN_HEADER_FILE), "utf8")) as StoredRunHeader;
  } catch {
    return; // nothing to resume: every task runs
  }
  const why = headerMismatch(header, previous) ?? shardMismatch(header, previous);
  if (why !== null) {
    throw new TaosimInputError({ file: store.dir, path: "--resume", expected: "an out folder of the same run", found: why, code: "resume-mismatch" });
  }
}

function shardMismatch(a: StoredRunHeader, b: StoredRunHeader): string | null {
  const text = (s: StoredRunHeader["shard"]) => (s === null ? "no shard" : `shard ${s.index}/${s.count}`);
  return text(a.shard) === text(b.shard) ? null : `${text(b.shard)}, expected ${text(a.shard)}`;
}
