import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TaosimInputError } from "../../sim/cli/errors.js";
import { main } from "../../sim/cli/main.js";
import * as mergeCommand from "../../sim/cli/commands/merge.js";
import { mergeRuns } from "../../sim/parallel/mergeRuns.js";
import { runTasks } from "../../sim/parallel/runTasks.js";
import { FAKE_RUNNER, fakeHeader, fakeTasks } from "./fakeTasks.js";
import { csvHashes } from "./outputHashes.js";

const root = mkdtempSync(join(tmpdir(), "taosim-shard-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const tasks = fakeTasks({ points: 4, replicates: 2 });
const dir = (name: string) => join(root, name);

function captureIo() {
  const err: string[] = [];
  const out: string[] = [];
  return { err, out, ctx: { io: { writeOut: (t: string) => void out.push(t), writeErr: (t: string) => void err.push(t), readStdin: async () => "" } } };
}

describe("--shard i/n and taosim merge", () => {
  beforeAll(async () => {
    await runTasks({ tasks, runnerModule: FAKE_RUNNER, outDir: dir("single"), header: fakeHeader(tasks), workers: 1 });
    await runTasks({ tasks, runnerModule: FAKE_RUNNER, outDir: dir("s0"), header: fakeHeader(tasks), workers: 1, shard: { index: 0, count: 2 } });
    await runTasks({ tasks, runnerModule: FAKE_RUNNER, outDir: dir("s1"), header: fakeHeader(tasks), workers: 2, shard: { index: 1, count: 2 } });
  });

  it("a shard runs the tasks with index % n == i", () => {
    const s1 = JSON.parse(readFileSync(join(dir("s1"), "manifest.json"), "utf8"));
    expect(s1.shard).toEqual({ index: 1, count: 2 });
    expect(s1.tasks.map((t: { index: number }) => t.index)).toEqual([1, 3, 5, 7]);
  });

  it("merging the shards gives the same CSV bytes and manifest as a single run", async () => {
    const result = await mergeRuns([dir("s1"), dir("s0")], dir("merged"));
    expect(result.failures).toEqual([]);
    expect(csvHashes(dir("merged"))).toEqual(csvHashes(dir("single")));
    expect(Object.keys(csvHashes(dir("single")))).toEqual(["samples.csv", "summary.csv"]);
    expect(readFileSync(join(dir("merged"), "manifest.json"), "utf8")).toBe(readFileSync(join(dir("single"), "manifest.json"), "utf8"));
  });

  it("taosim merge exits 2 with a clear message for shards of different seeds", async () => {
    const other = fakeTasks({ points: 4, replicates: 2, rootSeed: 99 });
    await runTasks({ tasks: other, runnerModule: FAKE_RUNNER, outDir: dir("other-seed"), header: fakeHeader(other), workers: 1, shard: { index: 1, count: 2 } });
    const io = captureIo();
    const code = await main(["merge", dir("s0"), dir("other-seed"), "--out", dir("bad")], io.ctx, [mergeCommand]);
    expect(code).toBe(2);
    expect(io.err.join("")).toContain(`taosim: ${dir("other-seed")}: manifest.json: expected a shard of the same run as ${dir("s0")}`);
  });

  it("merge refuses shards of different scenarios (exit 2)", async () => {
    const other = fakeTasks({ points: 4, replicates: 2, scenario: { rows: 6 } });
    await runTasks({ tasks: other, runnerModule: FAKE_RUNNER, outDir: dir("other-scenario"), header: fakeHeader(other), workers: 1, shard: { index: 1, count: 2 } });
    const err = await mergeRuns([dir("s0"), dir("other-scenario")], dir("bad2")).catch((e) => e);
    expect(err).toBeInstanceOf(TaosimInputError);
    expect(err.exitCode).toBe(2);
    expect(err.found).toMatch(/^scenario sha256 [0-9a-f]{64} \(fake\), expected [0-9a-f]{64} \(fake\)$/);
  });

  it("merge refuses a missing shard and a duplicated task", async () => {
    const missing = await mergeRuns([dir("s0")], dir("bad3")).catch((e) => e);
    expect(missing).toBeInstanceOf(TaosimInputError);
    expect(missing.found).toBe("tasks 1, 3, 5, 7 missing");
    const duplicated = await mergeRuns([dir("s0"), dir("s1"), dir("single")], dir("bad4")).catch((e) => e);
    expect(duplicated).toBeInstanceOf(TaosimInputError);
    expect(duplicated.found).toBe(`task 0 also in ${dir("s0")}`);
  });

  it("merge refuses an incomplete folder and a part file changed after the run", async () => {
    const incomplete = await mergeRuns([dir("s0"), join(root, "nowhere")], dir("bad5")).catch((e) => e);
    expect(incomplete).toBeInstanceOf(TaosimInputError);
    expect(incomplete.message).toContain("expected a complete run folder");
    cpSync(dir("s1"), dir("s1-tampered"), { recursive: true });
    writeFileSync(join(dir("s1-tampered"), "parts", "task-000003.samples.csv"), "tampered\n");
    const tampered = await mergeRuns([dir("s0"), dir("s1-tampered")], dir("bad6")).catch((e) => e);
    expect(tampered).toBeInstanceOf(TaosimInputError);
    expect(tampered.message).toContain("parts/task 3: expected part files matching their sha256");
  });
});
