// The BullMQ queue executor against a real redis-server with two worker processes, one killed while
// it holds a task: the run still completes and gives the bytes of `--workers 1`.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runTasks } from "../../sim/parallel/runTasks.js";
import { FAKE_RUNNER, fakeHeader, fakeTasks } from "./fakeTasks.js";
import { csvHashes } from "./outputHashes.js";
import { requireQueuePrerequisites, startRedisServer, type RedisServer } from "./redisServer.js";

const root = mkdtempSync(join(tmpdir(), "taosim-queue-"));
const workerScript = fileURLToPath(new URL("./queueWorkerMain.ts", import.meta.url));
let redis: RedisServer | null = null;
const workers: ChildProcess[] = [];

afterAll(async () => {
  for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
  await redis?.stop();
  rmSync(root, { recursive: true, force: true });
});

function startWorker(url: string): { child: ChildProcess; tasks: number[]; ready: Promise<void> } {
  const child = spawn(process.execPath, ["--import", "tsx", workerScript, url], { stdio: ["ignore", "pipe", "inherit"] });
  workers.push(child);
  const tasks: number[] = [];
  const ready = new Promise<void>((resolve) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) {
        if (line === "ready") resolve();
        const match = /^task (\d+)$/.exec(line);
        if (match) tasks.push(Number(match[1]));
      }
    });
  });
  return { child, tasks, ready };
}

describe("queue executor (BullMQ on Redis)", () => {
  it("two workers, one killed midway, give the same bytes as --workers 1", async () => {
    await requireQueuePrerequisites(); // fails (never skips) without redis-server or bullmq
    redis = await startRedisServer();
    const scenario = { rows: 4, sleepMs: 250 };
    const tasks = fakeTasks({ points: 4, replicates: 3, scenario });
    const url = redis!.url;
    const a = startWorker(url);
    const b = startWorker(url);
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
