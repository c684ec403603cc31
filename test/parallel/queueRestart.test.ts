// A queue run whose Redis is killed and restarted empty midway (no persistence, the common default
// for a scratch queue): the run's ledger enqueues again exactly the tasks Redis lost, keeps the
// results it had already written, and the folder is byte-identical to a local run. Before any
// worker exists the run reports "0 workers, 12 tasks waiting".
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { executeTask } from "../../sim/parallel/executeTask.js";
import { loadBullmq, type BullJob } from "../../sim/parallel/queue/loadBullmq.js";
import { encodeOutcome, TASKS_QUEUE, taskInputSha256, taskJobId, type TaskJobData } from "../../sim/parallel/queue/queueMessages.js";
import { describeQueueStatus, type QueueStatus } from "../../sim/parallel/queue/QueueStatus.js";
import { redisConnection } from "../../sim/parallel/queue/redisConnection.js";
import { runTasks } from "../../sim/parallel/runTasks.js";
import { FAKE_RUNNER, fakeHeader, fakeTasks } from "./fakeTasks.js";
import { csvHashes } from "./outputHashes.js";
import { killAllCli, startTestWorker } from "./queueProcesses.js";
import { requireQueuePrerequisites, startRedisServer, type RedisServer } from "./redisServer.js";

const root = mkdtempSync(join(tmpdir(), "taosim-queue-restart-"));
let redis: RedisServer | null = null;

afterAll(async () => {
  killAllCli();
  await redis?.stop("SIGKILL");
  rmSync(root, { recursive: true, force: true });
});

const until = async (ok: () => boolean, what: string, limitMs = 30_000) => {
  const end = Date.now() + limitMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

/** Task records in parts/ → their mtime (a record is rewritten only if its task's result is). */
function records(outDir: string): Map<string, number> {
  const dir = join(outDir, "parts");
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => /^task-\d+\.json$/.test(n));
  } catch {
    // not created yet
  }
  return new Map(names.map((n) => [n, statSync(join(dir, n)).mtimeMs]));
}

describe("queue run across a Redis restart", () => {
  it("re-enqueues only the lost tasks, keeps written results, and matches a local run byte for byte", async () => {
    await requireQueuePrerequisites();
    redis = await startRedisServer();
    const url = redis.url;
    const tasks = fakeTasks({ points: 4, replicates: 3, scenario: { rows: 4, sleepMs: 400 } });
    const queued = join(root, "queued");
    const statuses: QueueStatus[] = [];
    const run = runTasks({
      tasks,
      runnerModule: FAKE_RUNNER,
      outDir: queued,
      header: fakeHeader(tasks),
      queue: url,
      queueSettings: { checkIntervalMs: 150, reconnectMaxDelayMs: 300 },
      onProgress: (p) => void (p.queue && statuses.push(p.queue)),
    });
    await until(() => statuses.length > 0, "a queue status");
    expect(describeQueueStatus(statuses[0])).toBe("0 workers, 12 tasks waiting");

    const workers = [startTestWorker(url), startTestWorker(url)];
    await Promise.all(workers.map((w) => w.ready));
    await until(() => records(queued).size >= 3, "three results written");
    const kept = records(queued);
    await redis.stop("SIGKILL");
    redis = await startRedisServer(redis.port); // same address, nothing in it

    const result = await run;
    expect(result.failures).toEqual([]);
    const last = statuses[statuses.length - 1];
    expect(last.requeued).toBeGreaterThan(0); // the jobs Redis lost…
    expect(last.requeued).toBeLessThanOrEqual(tasks.length - kept.size); // …and none it had answered
    const after = records(queued);
    for (const [name, mtime] of kept) expect(after.get(name)).toBe(mtime); // written results kept as they were

    const inline = join(root, "inline");
    await runTasks({ tasks, runnerModule: FAKE_RUNNER, outDir: inline, header: fakeHeader(tasks), workers: 1 });
    expect(csvHashes(queued)).toEqual(csvHashes(inline));
    expect(readFileSync(join(queued, "manifest.json"), "utf8")).toBe(readFileSync(join(inline, "manifest.json"), "utf8"));
  }, 90_000);
});

describe("queue run with a job that fails outside its task", () => {
  it("records the task as failed once its attempts are used up, and finishes the others", async () => {
    await requireQueuePrerequisites();
    const server = await startRedisServer();
    try {
      const bull = await loadBullmq();
      const tasks = fakeTasks({ points: 1, replicates: 2, scenario: { rows: 2 } });
      // A broken worker: every attempt of task 1 throws in the worker itself (not in the task).
      const broken = new bull.Worker(
        TASKS_QUEUE,
        async (job: BullJob) => {
          const data = job.data as TaskJobData;
          if (data.spec.index === 1) throw new Error("worker lost its runner");
          const outcome = await executeTask({ runnerModule: data.runnerModule, spec: data.spec });
          const results = new bull.Queue(data.resultsQueue, { connection: redisConnection(server.url) });
          await results.add("result", encodeOutcome(data.runId, taskInputSha256(data.spec), outcome), { jobId: taskJobId(data.runId, data.spec.index) });
          await results.close();
        },
        { connection: redisConnection(server.url) },
      );
      const result = await runTasks({ tasks, runnerModule: FAKE_RUNNER, outDir: join(root, "broken"), header: fakeHeader(tasks), queue: server.url, queueSettings: { checkIntervalMs: 100 } });
      await broken.close();
      expect(result.failures.map((f) => [f.index, f.error?.name, f.error?.message])).toEqual([[1, "QueueJobError", "worker lost its runner"]]);
      expect(result.manifestRows.map((r) => r.status)).toEqual(["ok", "failed"]);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
