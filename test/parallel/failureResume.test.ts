import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { RunFailedError } from "../../sim/parallel/RunFailedError.js";
import { runTasks } from "../../sim/parallel/runTasks.js";
import { FAKE_RUNNER, fakeHeader, fakeTasks } from "./fakeTasks.js";
import { csvHashes } from "./outputHashes.js";

const root = mkdtempSync(join(tmpdir(), "taosim-resume-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const dir = (name: string) => join(root, name);

describe("a failing task", () => {
  const marker = join(root, "broken");
  const tasks = fakeTasks({ points: 3, replicates: 2, scenario: { rows: 4, failIndex: 3, failMarker: marker } });
  const run = (outDir: string, resume = false, workers = 2) => runTasks({ tasks, runnerModule: FAKE_RUNNER, outDir, header: fakeHeader(tasks), workers, resume });

  it("is recorded in the manifest with its parameters, seed and error while the others finish", async () => {
    writeFileSync(marker, "");
    const result = await run(dir("failing"));
    expect(result.failures.map((f) => f.index)).toEqual([3]);
    const manifest = JSON.parse(readFileSync(join(dir("failing"), "manifest.json"), "utf8"));
    expect(manifest.failures).toBe(1);
    const failed = manifest.tasks[3];
    expect(failed).toMatchObject({ index: 3, point: 1, replicate: 1, seed: tasks[3].seed, params: { k: 3 }, status: "failed", sha256: "" });
    expect(failed.error.message).toBe(`task 3 fails on purpose while ${marker} exists`);
    expect(manifest.tasks.filter((t: { status: string }) => t.status === "ok").map((t: { index: number }) => t.index)).toEqual([0, 1, 2, 4, 5]);
    const summary = readFileSync(join(dir("failing"), "summary.csv"), "utf8").trimEnd().split("\n");
    expect(summary.slice(1).map((l) => l.split(",")[0])).toEqual(["0", "1", "2", "4", "5"]);
    const error = new RunFailedError(result.failures, dir("failing"));
    expect(error.exitCode).toBe(1);
    expect(error.format().split("\n")[0]).toBe(`taosim: task 3 (point 1, replicate 1, seed ${tasks[3].seed}) failed: task 3 fails on purpose while ${marker} exists`);
  });

  it("--resume after fixing the cause runs only that task and gives the bytes of a clean run", async () => {
    rmSync(marker);
    const resumed = await run(dir("failing"), true);
    expect(resumed.executed).toBe(1);
    expect(resumed.failures).toEqual([]);
    await run(dir("clean"), false, 1);
    expect(csvHashes(dir("failing"))).toEqual(csvHashes(dir("clean")));
    expect(readFileSync(join(dir("failing"), "manifest.json"), "utf8")).toBe(readFileSync(join(dir("clean"), "manifest.json"), "utf8"));
  });

  it("--resume refuses an out folder of another run (exit 2)", async () => {
    const other = fakeTasks({ points: 3, replicates: 2, rootSeed: 8, scenario: { rows: 4, failIndex: 3, failMarker: marker } });
    const err = await runTasks({ tasks: other, runnerModule: FAKE_RUNNER, outDir: dir("clean"), header: fakeHeader(other), workers: 1, resume: true }).catch((e) => e);
    expect(err.exitCode).toBe(2);
    expect(err.found).toBe("seed 7, expected 8");
  });
});

describe("killing a run midway", () => {
  const scenario = { rows: 3, sleepMs: 120 };
  const tasks = fakeTasks({ points: 4, replicates: 4, scenario });
  const script = fileURLToPath(new URL("./runTasksMain.ts", import.meta.url));

  it("leaves nothing that --resume would trust, and resuming gives the bytes of a clean run", async () => {
    const out = dir("killed");
    const child = spawn(process.execPath, ["--import", "tsx", script, out, JSON.stringify(scenario), "1"], { stdio: "ignore" });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    const parts = join(out, "parts");
    const records = () => (existsSync(parts) ? readdirSync(parts).filter((n) => /^task-\d+\.json$/.test(n)) : []);
    const deadline = Date.now() + 30_000;
    while (records().length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGKILL");
    await exited;
    const finishedBeforeKill = records().length;
    expect(finishedBeforeKill).toBeGreaterThanOrEqual(4);
    expect(finishedBeforeKill).toBeLessThan(16);
    expect(existsSync(join(out, "manifest.json"))).toBe(false);
    // What a kill at other moments leaves: a temporary file, a part renamed before its record, a part
    // changed after its record.
    writeFileSync(join(parts, "task-000014.samples.csv.tmp-99999"), "half a row");
    writeFileSync(join(parts, "task-000015.samples.csv"), "15,3,3,0,garbage\n");
    writeFileSync(join(parts, "task-000000.samples.csv"), "0,0,0,0,truncat");

    const resumed = await runTasks({ tasks, runnerModule: FAKE_RUNNER, outDir: out, header: fakeHeader(tasks), workers: 2, resume: true });
    expect(resumed.executed).toBe(16 - finishedBeforeKill + 1);
    expect(readdirSync(parts).filter((n) => n.includes(".tmp-"))).toEqual([]);
    await runTasks({ tasks, runnerModule: FAKE_RUNNER, outDir: dir("unkilled"), header: fakeHeader(tasks), workers: 1 });
    expect(csvHashes(out)).toEqual(csvHashes(dir("unkilled")));
  });
});
