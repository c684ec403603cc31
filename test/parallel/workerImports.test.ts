// What a worker thread loads to run an engine task: only the engine. A fresh process runs one
// `default` task through the worker entry exactly as a piscina thread does (the runner module, the
// main thread's resolved scenario as input), with every module load recorded. Without the resolved
// input (the queue's path) the worker has to parse the scenario, so yaml (and mathjs, for a formula
// beyond plain arithmetic) do load: that control shows the recording sees both ES module and CommonJS loads.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serialize } from "node:v8";
import { afterAll, describe, expect, it } from "vitest";
import type { WorkerRequest } from "../../sim/parallel/types.js";
import { prepareRun, runnerModulePath, taskInputOf, taskSpecs } from "../../sim/run/prepareRun.js";

const FORBIDDEN = ["mathjs", "yaml", "vega", "vega-lite", "bullmq", "commander", "cli-progress"];
/** Scenario parsing and planning: the main thread's work, never a worker's. */
const PARSING = ["scenarios/loadScenario.ts", "scenarios/applyOverrides.ts", "sim/plan/planTasks.ts", "scenarios/library.ts"];

const dir = mkdtempSync(join(tmpdir(), "taosim-worker-imports-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The package of a node_modules URL (`@scope/name` or `name`), else null. */
function packageOf(url: string): string | null {
  const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  return m === null ? null : m[1];
}

function probe(name: string, request: WorkerRequest): { status: string; error: string | null; packages: Set<string>; urls: string[] } {
  const requestFile = join(dir, `${name}.bin`);
  const log = join(dir, `${name}.log`);
  writeFileSync(requestFile, serialize(request));
  writeFileSync(log, "");
  const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
  const out = execFileSync(process.execPath, ["--import", "tsx", "--import", here("./importRecorder.mjs"), here("./workerImportsProbe.ts"), requestFile], {
    encoding: "utf8",
    env: { ...process.env, TAOSIM_IMPORT_LOG: log },
  });
  const urls = readFileSync(log, "utf8").split("\n").filter((u) => u !== "");
  const packages = new Set(urls.map(packageOf).filter((p): p is string => p !== null));
  return { ...(JSON.parse(out) as { status: string; error: string | null }), packages, urls };
}

describe("the worker entry's imports", () => {
  const prepared = prepareRun("default", ["duration.days=1"], undefined);
  const spec = taskSpecs(prepared)[0];
  const request: WorkerRequest = { runnerModule: runnerModulePath(), spec, input: taskInputOf(prepared)(spec) };

  it("runs a default task with the engine only: no mathjs, yaml, vega, bullmq, commander, cli-progress, no scenario parsing", () => {
    const run = probe("resolved", request);
    expect(run.error).toBeNull();
    expect(run.status).toBe("ok");
    expect(run.packages.has("piscina")).toBe(true); // the recording works: the worker harness is there
    expect(FORBIDDEN.filter((p) => run.packages.has(p))).toEqual([]);
    expect(PARSING.filter((f) => run.urls.some((u) => u.endsWith(f)))).toEqual([]);
  });

  it("control: without the resolved input (queue workers) the scenario is parsed, loading yaml and mathjs", () => {
    // a formula beyond plain arithmetic (sqrt), so parsing it needs mathjs: a CommonJS load
    const withSqrt = prepareRun("default", ["duration.days=1", "subnets[7].miners[0].quality=sqrt(u)"], undefined);
    const run = probe("rebuilt", { runnerModule: request.runnerModule, spec: taskSpecs(withSqrt)[0] });
    expect(run.status).toBe("ok");
    expect(run.packages.has("yaml")).toBe(true); // an ES module load
    expect(run.packages.has("mathjs")).toBe(true); // a CommonJS load (expressions.ts requires it)
    expect(run.urls.some((u) => u.endsWith("scenarios/loadScenario.ts"))).toBe(true);
  });
});
