// Child process of workerImports.test.ts: does what a piscina worker thread does with one request
// (loads the worker entry, runs the request through it) in a fresh process whose ES module loads are
// recorded by importRecorder.mjs; then appends the CommonJS modules it loaded to the same log and
// prints the task's status. argv[2]: a v8-serialised WorkerRequest.
import { appendFileSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { deserialize } from "node:v8";
import type { WorkerRequest } from "../../sim/parallel/types.js";

const request = deserialize(readFileSync(process.argv[2])) as WorkerRequest;
const { runTaskForPool } = await import("../../sim/parallel/taskWorker.js");
const outcome = (await runTaskForPool(request, (value) => value)) as Record<symbol | string, unknown>;
const result = (outcome[Symbol.for("Piscina.valueOf")] ?? outcome) as { status: string; error?: { message: string } };
const cjs = Object.keys(createRequire(import.meta.url).cache).map((f) => pathToFileURL(f).href);
appendFileSync(process.env.TAOSIM_IMPORT_LOG as string, cjs.map((u) => `${u}\n`).join(""));
process.stdout.write(JSON.stringify({ status: result.status, error: result.error?.message ?? null }));
