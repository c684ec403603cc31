// The task boundary of sim/parallel: what travels to a worker (a `TaskSpec`), what comes back (a
// `TaskOutcome`), and the one function a worker calls (`TaskRunner`, exported by a module named by
// path). Nothing here knows the engine: any module exporting `runTask` can be executed, so the
// executors are tested with a fake runner and the engine plugs its own in.
//
// Every message between the main thread, piscina workers and queue workers is typed in this file.

/** One planned run: a sweep point × replicate with its derived seed and stable index (the planner's). */
export interface RunSpec {
  /** Position in the planner's ordered task list; outputs are merged in this order. */
  index: number;
  point: number;
  replicate: number;
  /** The task's derived seed (depends only on root seed, point and replicate). */
  seed: number;
  /** Sweep parameter path → value at this point (empty without a sweep). */
  params: Readonly<Record<string, unknown>>;
}

/** Everything a worker needs to rebuild the scenario on its own (possibly on another machine). */
export interface ScenarioRef {
  /** File name as the user gave it (for error messages), or the built-in name. */
  file: string;
  /** The scenario text exactly as read. */
  source: string;
  /** sha256 (hex) of `source`; also the cache key of a runner's parsed scenario. */
  sha256: string;
  /** Root seed after `--seed`. */
  rootSeed: number;
  /** `--set path=value` overrides, in the order given. */
  overrides: readonly string[];
}

export interface TaskSpec extends RunSpec {
  scenario: ScenarioRef;
}

/**
 * One output table of one task: its CSV header line and its rows as UTF-8 CSV text. The rows are a
 * transferable typed array, so a worker hands them back without copying and without an object graph,
 * and the bytes written are exactly the bytes the task produced, whichever executor ran it.
 */
export interface TaskTable {
  /** File stem of the final table (`neurons` → `neurons.csv`); `[a-z0-9_-]+`. */
  name: string;
  /** The CSV header line, without its line break. Must be the same in every task. */
  header: string;
  /** The data rows, each ending with `\n` (empty when the task sampled nothing). */
  rows: Uint8Array;
}

export interface TaskResult {
  tables: TaskTable[];
}

/**
 * What a runner module exports (as `runTask`, or as its default export). `input` is what the run's
 * `taskInput` made of the spec in the main thread (e.g. the engine's already-resolved scenario, so a
 * worker thread needs no scenario parsing); it is absent when the executor cannot carry it (the queue
 * sends JSON to other machines), and the runner then rebuilds everything from `spec.scenario`.
 */
export type TaskRunner = (spec: TaskSpec, input?: unknown) => Promise<TaskResult>;

/** Makes a task's runner input in the main thread; the value must be structured-clone friendly. */
export type TaskInputOf = (spec: TaskSpec) => unknown;

/** A failed task's error, as plain data (it crosses threads, processes and JSON). */
export interface TaskErrorInfo {
  name: string;
  message: string;
  stack: string;
}

/** The result of one task, as every executor reports it: one discriminated union. */
export type TaskOutcome =
  | { status: "ok"; spec: RunSpec; tables: TaskTable[] }
  | { status: "failed"; spec: RunSpec; error: TaskErrorInfo };

/** The message the one worker entry (`executeTask`) receives. */
export interface WorkerRequest {
  /** Module specifier (absolute path or file URL) of a module exporting a `TaskRunner`. */
  runnerModule: string;
  spec: TaskSpec;
  /** The runner's second argument (see `TaskRunner`); absent through the queue. */
  input?: unknown;
}

/** The coordinates of a task without its scenario (what manifests and failures carry). */
export function runSpecOf(spec: RunSpec): RunSpec {
  return { index: spec.index, point: spec.point, replicate: spec.replicate, seed: spec.seed, params: spec.params };
}

/** Converts anything thrown into plain error data. */
export function errorInfo(err: unknown): TaskErrorInfo {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack ?? `${err.name}: ${err.message}` };
  return { name: "Error", message: String(err), stack: String(err) };
}
