import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runTasks } from "../../sim/parallel/runTasks.js";
import { FAKE_RUNNER, fakeHeader, fakeTasks } from "./fakeTasks.js";
import { csvHashes } from "./outputHashes.js";

const root = mkdtempSync(join(tmpdir(), "taosim-parallel-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("executors behind one interface", () => {
  const tasks = fakeTasks({ points: 3, replicates: 3 });

  it("inline and piscina (2 workers) write byte-identical CSVs in task order with one header", async () => {
    const inline = join(root, "inline");
    const pooled = join(root, "pooled");
    const a = await runTasks({ tasks, runnerModule: FAKE_RUNNER, outDir: inline, header: fakeHeader(tasks), workers: 1 });
    const b = await runTasks({ tasks, runnerModule: FAKE_RUNNER, outDir: pooled, header: fakeHeader(tasks), workers: 2 });
    expect(a.failures).toEqual([]);
    expect(b.failures).toEqual([]);
    expect(a.tables).toEqual(["samples", "summary"]);
    expect(csvHashes(pooled)).toEqual(csvHashes(inline));
    const summary = readFileSync(join(inline, "summary.csv"), "utf8").trimEnd().split("\n");
    expect(summary[0]).toBe("task,point,replicate,seed,k,burn");
    expect(summary.slice(1).map((line) => Number(line.split(",")[0]))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const samples = readFileSync(join(inline, "samples.csv"), "utf8");
    expect(samples.split("\n").filter((l) => l.startsWith("task,")).length).toBe(1);
    expect(samples.trimEnd().split("\n").length).toBe(1 + 9 * 5);
    expect(readFileSync(join(pooled, "manifest.json"), "utf8")).toBe(readFileSync(join(inline, "manifest.json"), "utf8"));
  });

  it("the manifest lists every task with its seed, parameters, status and output hash", async () => {
    const manifest = JSON.parse(readFileSync(join(root, "inline", "manifest.json"), "utf8"));
    expect(manifest.format).toBe("taosim.manifest/1");
    expect(manifest.taskCount).toBe(9);
    expect(manifest.shard).toBeNull();
    expect(manifest.tasks.map((t: { index: number }) => t.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(manifest.tasks[4]).toMatchObject({ point: 1, replicate: 1, seed: tasks[4].seed, params: { k: 3 }, status: "ok" });
    expect(manifest.tasks[4].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readdirSync(join(root, "inline", "parts")).filter((n) => n.includes(".tmp-"))).toEqual([]);
  });
});
