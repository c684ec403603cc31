// The BullMQ queue executor against a real redis-server with two worker processes, one killed while
// it holds a task: the run still completes and gives the bytes of `--workers 1`.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runTasks } from "../../sim/parallel/runTasks.js";
import { FAKE_RUNNER, fakeHeader, fakeTasks } from "./fakeTasks.js";
import { csvHashes } from "./outputHashes.js";
import { killAllCli, startTestWorker } from "./queueProcesses.js";
import { requireQueuePrerequisites, startRedisServer, type RedisServer } from "./redisServer.js";

const root = mkdtempSync(join(tmpdir(), "taosim-queue-"));
let redis: RedisServer | null = null;

afterAll(async () => {
  killAllCli();
  await redis?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe("queue executor (BullMQ on Redis)", () => {
  it("two workers, one killed midway, give the same bytes as --workers 1", async () => {
    await requireQueuePrerequisites(); // fails (never skips) without redis-server or bullmq
    redis = await startRedisServer();
    const scenario = { rows: 4, sleepMs: 250 };
    const tasks = fakeTasks({ points: 4, replicates: 3, scenario });
    const url = redis!.url;
    const a = startTestWorker(url);
    const b = startTestWorker(url);
    await Promise.all([a.ready, b.ready]);
    const killer = (async () => {
      while (a.tasks.length < 2) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 100)); // mid-task: it has taken its next job
      a.child.kill("SIGKILL");
    })();
    const queued = await runTasks({ tasks, runnerModule: FAKE_RUNNER, outDir: join(root, "queued"), header: fakeHeader(tasks), queue: url });
    await killer;
    expect(queued.failures).toEqual([]);
    expect(a.child.signalCode).toBe("SIGKILL");
    expect(b.tasks.length).toBeGreaterThan(0);
    await runTasks({ tasks, runnerModule: FAKE_RUNNER, outDir: join(root, "inline"), header: fakeHeader(tasks), workers: 1 });
    expect(csvHashes(join(root, "queued"))).toEqual(csvHashes(join(root, "inline")));
    expect(readFileSync(join(root, "queued", "manifest.json"), "utf8")).toBe(readFileSync(join(root, "inline", "manifest.json"), "utf8"));
  }, 120_000);
});
