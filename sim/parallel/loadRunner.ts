// Loads a task runner module by specifier (absolute path, file URL or package specifier) once per
// thread/process. The module exports `runTask` (preferred) or a default function.
import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import type { TaskRunner } from "./types.js";

const loaded = new Map<string, Promise<TaskRunner>>();

/** The importable URL of a runner module given as a path or URL. */
export function runnerModuleUrl(specifier: string): string {
  return isAbsolute(specifier) ? pathToFileURL(specifier).href : specifier;
}

export function loadRunner(specifier: string): Promise<TaskRunner> {
  let runner = loaded.get(specifier);
  if (runner === undefined) {
    runner = importRunner(specifier);
    loaded.set(specifier, runner);
    runner.catch(() => loaded.delete(specifier)); // a failed import may be retried
  }
  return runner;
}

async function importRunner(specifier: string): Promise<TaskRunner> {
  const mod = (await import(runnerModuleUrl(specifier))) as { runTask?: unknown; default?: unknown };
  const fn = mod.runTask ?? mod.default;
  if (typeof fn !== "function") {
    throw new TypeError(`runner module ${specifier}: expected an exported function runTask (or a default export), found ${typeof fn}`);
  }
  return fn as TaskRunner;
}
