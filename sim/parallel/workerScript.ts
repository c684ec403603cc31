// Where the piscina worker file is: the compiled `taskWorker.js` next to this module when running
// from dist/, else `taskWorkerSource.mjs`, which registers tsx in the worker thread (running from
// source; Node 20 workers do not inherit the parent's loader hooks).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export function workerScript(): string {
  const js = fileURLToPath(new URL("./taskWorker.js", import.meta.url));
  if (existsSync(js)) return js;
  return fileURLToPath(new URL("./taskWorkerSource.mjs", import.meta.url));
}
