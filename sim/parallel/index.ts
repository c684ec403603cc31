// sim/parallel: the planner's tasks executed inline, on a piscina pool, by shard or through a BullMQ
// queue; per-task part files written atomically; final CSVs merged in task order; manifest.json.
export * from "./types.js";
export { runTasks, RUN_HEADER_FILE, type RunTasksResult } from "./runTasks.js";
export { parseShard, resolveRunTasksOptions, RUN_TASKS_DEFAULTS, type RunTasksOptions, type TaskProgress } from "./runTasksOptions.js";
export { mergeRuns, type MergeRunsResult } from "./mergeRuns.js";
export { executeTask } from "./executeTask.js";
export { EXECUTORS, chooseExecutor, createExecutor, inShard, type Executor, type ExecutorName, type ExecutorOptions, type Shard } from "./executors/index.js";
export { createProgressReporter, type ProgressReporter } from "./progressReporter.js";
export { RunFailedError } from "./RunFailedError.js";
export { taskTable, taskTableFromCsv } from "./taskTable.js";
export { storedHeader, taosimVersion, type RunHeader, type StoredRunHeader } from "./RunHeader.js";
export { MANIFEST_FORMAT, type ManifestTaskRow, type RunManifestFile } from "./manifest.js";
export { PartStore, PARTS_DIR } from "./PartStore.js";
export { startQueueWorker, type QueueWorkerOptions } from "./queue/queueWorker.js";
