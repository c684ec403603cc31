// `taosim worker` under SIGTERM/SIGINT, each case on its own redis-server (workers of one Redis share
// its tasks queue): idle; busy with a task it finishes; busy with a long task it hands back at the
// deadline; a second signal; Redis gone. Timings are measured by the fault benchmark, not asserted:
// every wait here is bounded only so a hang fails instead of stalling the suite.
import { mkdirSync, mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeTasks } from "./fakeTasks.js";
import { startCli, killAllCli } from "./queueProcesses.js";
import { enqueueTasks } from "./queueJobs.js";
import { requireQueuePrerequisites, startRedisServer, type RedisServer } from "./redisServer.js";

const root = mkdtempSync(join(tmpdir(), "taosim-queue-shutdown-"));
const servers: RedisServer[] = [];
const LIMIT_MS = 20_000; // far above the 10 s promise: a breach shows as a failed exit code

beforeAll(async () => {
  await requireQueuePrerequisites(); // fails (never skips) without redis-server or bullmq
});

afterAll(async () => {
  killAllCli();
  await Promise.all(servers.map((s) => s.stop("SIGKILL")));
  rmSync(root, { recursive: true, force: true });
});

async function redis(): Promise<RedisServer> {
  const server = await startRedisServer();
  servers.push(server);
  return server;
}

/** A worker on its own Redis with one task (sleeping `sleepMs`) that it has started. */
async function busyWorker(name: string, sleepMs: number, extra: string[] = []) {
  const server = await redis();
  const startedDir = join(root, name);
  mkdirSync(startedDir);
  const worker = startCli(["worker", "--queue", server.url, "--workers", "1", ...extra]);
  await worker.waitFor(/taosim worker: ready/);
  const run = await enqueueTasks(server.url, name, fakeTasks({ points: 1, replicates: 1, scenario: { rows: 2, sleepMs, startedDir } }));
  while (!existsSync(join(startedDir, "started-0"))) await new Promise((r) => setTimeout(r, 50));
  return { server, worker, run };
}

describe.concurrent("taosim worker shutdown", () => {
  it("idle, Redis up: SIGTERM exits 0", async () => {
    const server = await redis();
    const worker = startCli(["worker", "--queue", server.url, "--workers", "1"]);
    await worker.waitFor(/taosim worker: ready/);
    worker.child.kill("SIGTERM");
    const { code } = await worker.exited(LIMIT_MS);
    expect(code).toBe(0);
    expect(worker.stderr).toContain("taosim worker: stopped");
  });

  it("busy with a short task: SIGINT lets it finish and send its result, then exits 0", async () => {
    const { worker, run } = await busyWorker("finish", 1_500);
    worker.child.kill("SIGINT");
    const { code } = await worker.exited(LIMIT_MS);
    expect(code).toBe(0);
    expect(worker.stderr).toContain("taosim worker: task 0 ok");
    expect(await run.results()).toBe(1);
    await run.close();
  });

  it("busy with a long task: SIGTERM hands it back to the queue at the deadline, exits 0", async () => {
    const { worker, run } = await busyWorker("handback", 120_000, ["--shutdown-timeout", "3000"]);
    expect(await run.state(0)).toBe("active");
    worker.child.kill("SIGTERM");
    const { code } = await worker.exited(LIMIT_MS);
    expect(code).toBe(0);
    expect(worker.stderr).toContain("taosim worker: handed back task 0");
    expect(await run.state(0)).toBe("waiting"); // another worker takes it at once, no lock to expire
    expect(await run.results()).toBe(0);
    await run.close();
  });

  it("a second SIGTERM exits at once with 143", async () => {
    const { worker, run } = await busyWorker("twice", 120_000);
    worker.child.kill("SIGTERM");
    await worker.waitFor(/SIGTERM: taking no more tasks/);
    worker.child.kill("SIGTERM");
    const { code } = await worker.exited(LIMIT_MS);
    expect(code).toBe(143);
    expect(worker.stderr).toContain("second SIGTERM: exiting now");
    await run.close();
  });

  it("Redis gone: logs the loss once per interval, and SIGTERM still exits (1: its task is left to the lock)", async () => {
    const { server, worker } = await busyWorker("gone", 120_000);
    await server.stop("SIGKILL");
    await worker.waitFor(/lost Redis at redis:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    await new Promise((r) => setTimeout(r, 1_500)); // several reconnection attempts, one message
    worker.child.kill("SIGTERM");
    const { code } = await worker.exited(LIMIT_MS);
    expect(code).toBe(1);
    expect(worker.stderr.match(/ECONNREFUSED/g)).toHaveLength(1);
    expect(worker.stderr).toContain("left task 0 to be retried when their lock expires");
  });

  it("Redis gone while idle: SIGTERM exits 0", async () => {
    const server = await redis();
    const worker = startCli(["worker", "--queue", server.url, "--workers", "1"]);
    await worker.waitFor(/taosim worker: ready/);
    await server.stop("SIGKILL");
    await worker.waitFor(/lost Redis/);
    worker.child.kill("SIGTERM");
    const { code } = await worker.exited(LIMIT_MS);
    expect(code).toBe(0);
  });
});
