// An unreachable Redis: a queue run and a worker exit 1 with one line naming the URL and the cause,
// and the run writes nothing (no new folder; an existing folder, even under --resume, untouched).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RedisUnreachableError } from "../../sim/parallel/queue/RedisUnreachableError.js";
import { runTasks } from "../../sim/parallel/runTasks.js";
import { FAKE_RUNNER, fakeHeader, fakeTasks } from "./fakeTasks.js";
import { killAllCli, startCli } from "./queueProcesses.js";
import { freePort } from "./redisServer.js";

const root = mkdtempSync(join(tmpdir(), "taosim-queue-unreachable-"));
const LIMIT_MS = 60_000; // only so a hang fails; the time is measured, not asserted

afterAll(() => {
  killAllCli();
  rmSync(root, { recursive: true, force: true });
});

describe.concurrent("unreachable Redis", () => {
  it("runTasks refuses before creating the output folder", async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const tasks = fakeTasks();
    const outDir = join(root, "lib");
    const run = runTasks({ tasks, runnerModule: FAKE_RUNNER, outDir, header: fakeHeader(tasks), queue: url, queueSettings: { connectRetries: 1 } });
    await expect(run).rejects.toThrow(new RedisUnreachableError(url, "ECONNREFUSED"));
    expect(existsSync(outDir)).toBe(false);
  });

  it("--resume leaves an existing folder as it was", async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const tasks = fakeTasks();
    const outDir = join(root, "resume");
    mkdirSync(outDir);
    writeFileSync(join(outDir, "manifest.json"), "{}");
    const run = runTasks({ tasks, runnerModule: FAKE_RUNNER, outDir, header: fakeHeader(tasks), queue: url, resume: true, queueSettings: { connectRetries: 0 } });
    await expect(run).rejects.toThrow(RedisUnreachableError);
    expect(readdirSync(outDir)).toEqual(["manifest.json"]);
  });

  it("taosim run --queue exits 1 with the URL and the cause, and no output folder", async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const outDir = join(root, "cli-run");
    const run = startCli(["run", "default", "--queue", url, "--out", outDir, "--quiet"]);
    const { code } = await run.exited(LIMIT_MS);
    expect(code).toBe(1);
    expect(run.stderr).toBe(`taosim: cannot reach Redis at ${url}: ECONNREFUSED\n`);
    expect(existsSync(outDir)).toBe(false);
  });

  it("taosim worker exits 1 with the URL and the cause", async () => {
    const url = `redis://:secret@127.0.0.1:${await freePort()}`;
    const worker = startCli(["worker", "--queue", url, "--redis-retries", "1", "--redis-timeout", "500"]);
    const { code } = await worker.exited(LIMIT_MS);
    expect(code).toBe(1);
    expect(worker.stderr).toBe(`taosim: cannot reach Redis at ${url.replace("secret", "***")}: ECONNREFUSED\n`);
  });
});
