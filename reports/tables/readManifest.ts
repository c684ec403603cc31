// Reads a run folder's `manifest.json` into the few fields a report needs. The reader is lenient
// about spelling (the engine owns the format; interfaces.md lists its content, not its keys) and
// keeps the raw object for anything else. A missing manifest means the run is not complete.
import { readFile } from "node:fs/promises";
import { join } from "node:path";

export interface ManifestTask {
  index: number;
  point: number;
  replicate: number;
  seed: string;
  /** Parameter paths of the sweep point → value. */
  params: Record<string, unknown>;
  /** `ok`, `failed`, … as written by the engine. */
  status: string;
  error: string;
  sha256: string;
}

export interface RunManifest {
  scenarioName: string;
  scenarioSha256: string;
  /** The scenario file as given to `taosim run` (empty for a built-in name or when unknown). */
  scenarioFile: string;
  description: string;
  question: string;
  seed: string;
  /** Name → version (taosim, node, …), sorted by name. */
  versions: [string, string][];
  tasks: ManifestTask[];
  /** Sweep point → its parameters (from the manifest's points, else from its tasks). */
  points: Map<number, Record<string, unknown>>;
  raw: Record<string, unknown>;
}

export class ManifestMissingError extends Error {
  readonly code = "MANIFEST_MISSING";
  constructor(readonly runDir: string) {
    super(`${runDir}: expected a complete run folder (with manifest.json), found none`);
    this.name = "ManifestMissingError";
  }
}

/** The manifest format this reader understands (written by sim/parallel). */
export const RUN_MANIFEST_FORMAT = "taosim.manifest/1";

/** A manifest of another kind (e.g. a study's `taosim.study/1`), whose report is not built here. */
export class ManifestFormatError extends Error {
  readonly code = "MANIFEST_FORMAT";
  constructor(readonly runDir: string, readonly format: string) {
    super(`${runDir}/manifest.json: expected format ${RUN_MANIFEST_FORMAT}, found ${format}`);
    this.name = "ManifestFormatError";
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const pick = (o: Obj, ...keys: string[]): unknown => keys.map((k) => o[k]).find((v) => v !== undefined);
const text = (v: unknown): string =>
  v === undefined || v === null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
const int = (v: unknown, fallback: number): number => {
  const n = typeof v === "string" ? Number(v) : v;
  return typeof n === "number" && Number.isInteger(n) ? n : fallback;
};

export async function readManifest(runDir: string): Promise<RunManifest> {
  let source: string;
  try {
    source = await readFile(join(runDir, "manifest.json"), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new ManifestMissingError(runDir);
    throw error;
  }
  const raw: unknown = JSON.parse(source);
  if (!isObj(raw)) throw new Error(`${runDir}/manifest.json: expected an object`);
  if (raw.format !== undefined && raw.format !== RUN_MANIFEST_FORMAT) throw new ManifestFormatError(runDir, String(raw.format));
  return normalizeManifest(raw);
}

export function normalizeManifest(raw: Obj): RunManifest {
  const scenario = isObj(raw.scenario) ? raw.scenario : {};
  const tasks = (Array.isArray(raw.tasks) ? raw.tasks : []).filter(isObj).map(normalizeTask);
  const points = new Map<number, Record<string, unknown>>();
  const rawPoints = pick(raw, "points", "sweepPoints", "sweep_points");
  if (Array.isArray(rawPoints)) {
    rawPoints.forEach((p, i) => {
      if (!isObj(p)) return;
      const params = pick(p, "params", "parameters", "values");
      points.set(int(pick(p, "index", "point"), i), isObj(params) ? params : {});
    });
  }
  for (const task of tasks) if (!points.has(task.point)) points.set(task.point, task.params);
  return {
    scenarioName: text(pick(scenario, "name") ?? pick(raw, "scenarioName", "scenario_name", "name") ?? raw.scenario),
    scenarioSha256: text(pick(scenario, "sha256", "hash") ?? pick(raw, "scenarioSha256", "scenario_sha256")),
    scenarioFile: text(scenario.file),
    description: text(pick(scenario, "description") ?? raw.description),
    question: text(pick(scenario, "question") ?? raw.question),
    seed: text(pick(raw, "seed", "rootSeed", "root_seed")),
    versions: normalizeVersions(raw),
    tasks: tasks.sort((a, b) => a.index - b.index),
    points,
    raw,
  };
}

function normalizeTask(t: Obj, i: number): ManifestTask {
  const params = pick(t, "params", "parameters");
  const error = t.error;
  return {
    index: int(pick(t, "index", "task"), i),
    point: int(t.point, 0),
    replicate: int(t.replicate, 0),
    seed: text(t.seed),
    params: isObj(params) ? params : {},
    status: text(t.status) || (error ? "failed" : "ok"),
    error: isObj(error) ? text(error.message ?? error) : text(error),
    sha256: text(pick(t, "sha256", "outputSha256", "output_sha256")),
  };
}

function normalizeVersions(raw: Obj): [string, string][] {
  const out = new Map<string, string>();
  const versions = raw.versions;
  if (isObj(versions)) for (const [k, v] of Object.entries(versions)) out.set(k, text(v));
  const pairs: [string, unknown][] = [
    ["taosim", pick(raw, "version", "packageVersion", "taosimVersion")],
    ["node", pick(raw, "node", "nodeVersion")],
  ];
  for (const [k, v] of pairs) if (v !== undefined && !out.has(k)) out.set(k, text(v));
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
