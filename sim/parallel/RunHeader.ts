// The run-level facts shared by every task of a run (and by every shard of a sweep): written to
// `parts/run.json` when a run starts and at the top of manifest.json. `--resume` and `taosim merge`
// refuse folders whose headers do not match (different scenario, seed, version or task list).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Shard } from "./executors/Executor.js";

export interface RunHeader {
  /** At least the scenario's name and sha256; the run command may add description, question, text… */
  scenario: { name: string; sha256: string; file?: string; [key: string]: unknown };
  /** Root seed (after `--seed`). */
  seed: number;
  /** Name → version; `taosim` and `node` are filled in when absent. */
  versions?: Record<string, string>;
  /** Sweep points and their parameters, in point order (optional; for the manifest). */
  points?: { index: number; params: Record<string, unknown> }[];
  /** Anything else the run command wants in the manifest (deterministic values only). */
  [key: string]: unknown;
}

/** A header as stored: versions filled in, task count of the whole (unsharded) task list, the shard. */
export interface StoredRunHeader extends RunHeader {
  versions: Record<string, string>;
  taskCount: number;
  shard: Shard | null;
}

export function storedHeader(header: RunHeader, taskCount: number, shard: Shard | null): StoredRunHeader {
  const versions = { taosim: taosimVersion(), node: process.version, ...(header.versions ?? {}) };
  const sortedVersions = Object.fromEntries(Object.entries(versions).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { ...header, versions: sortedVersions, taskCount, shard };
}

/** Why two headers cannot belong to one run (null when they can). The shard is not compared. */
export function headerMismatch(a: StoredRunHeader, b: StoredRunHeader): string | null {
  if (a.scenario.sha256 !== b.scenario.sha256) return `scenario sha256 ${b.scenario.sha256} (${b.scenario.name}), expected ${a.scenario.sha256} (${a.scenario.name})`;
  if (a.seed !== b.seed) return `seed ${b.seed}, expected ${a.seed}`;
  if (a.versions.taosim !== b.versions.taosim) return `taosim version ${b.versions.taosim}, expected ${a.versions.taosim}`;
  if (a.taskCount !== b.taskCount) return `${b.taskCount} planned tasks, expected ${a.taskCount}`;
  return null;
}

let cachedVersion: string | null = null;

/** taosim's version from its package.json (walking up from this file, source or dist). */
export function taosimVersion(): string {
  if (cachedVersion !== null) return cachedVersion;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 6; up++, dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "taosim" && pkg.version) return (cachedVersion = pkg.version);
    } catch {
      // not here; keep walking up
    }
  }
  return (cachedVersion = "0.0.0");
}
