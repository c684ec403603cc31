// The pieces of the queue's fault handling, without Redis: the connection probe's causes (refused,
// silent, answered with an error), reconnection back-off, once-per-interval logging, the run's task
// ledger and its status line.
import { createServer, type Server } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createProgressReporter } from "../../sim/parallel/progressReporter.js";
import { connectionLog } from "../../sim/parallel/queue/connectionLog.js";
import { probeRedis } from "../../sim/parallel/queue/probeRedis.js";
import { taskInputSha256 } from "../../sim/parallel/queue/queueMessages.js";
import { QUEUE_DEFAULTS, reconnectDelayMs } from "../../sim/parallel/queue/queueSettings.js";
import { describeQueueStatus } from "../../sim/parallel/queue/QueueStatus.js";
import { redactRedisUrl } from "../../sim/parallel/queue/redisConnection.js";
import { TaskLedger } from "../../sim/parallel/queue/taskLedger.js";
import { fakeTasks } from "./fakeTasks.js";
import { freePort } from "./redisServer.js";

const servers: Server[] = [];
afterAll(() => servers.forEach((s) => s.close()));

/** A loopback TCP server that answers each connection with `reply` (or stays silent). */
async function fakeRedis(reply: string | null): Promise<string> {
  const server = createServer((socket) => {
    socket.on("error", () => undefined);
    socket.once("data", () => reply !== null && socket.write(reply));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return `redis://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
}

const quick = { connectTimeoutMs: 300, connectRetries: 1, reconnectMaxDelayMs: 100 };

describe("probeRedis", () => {
  it("names the cause: refused, silent, or Redis's own error reply", async () => {
    const closed = `redis://127.0.0.1:${await freePort()}`;
    await expect(probeRedis(closed, quick)).rejects.toThrow(`cannot reach Redis at ${closed}: ECONNREFUSED`);
    const silent = await fakeRedis(null);
    await expect(probeRedis(silent, quick)).rejects.toThrow(`cannot reach Redis at ${silent}: ETIMEDOUT (no answer within 300 ms)`);
    const locked = await fakeRedis("-NOAUTH Authentication required.\r\n");
    await expect(probeRedis(locked, quick)).rejects.toThrow(`cannot reach Redis at ${locked}: NOAUTH Authentication required.`);
    await expect(probeRedis(await fakeRedis("+PONG\r\n"), quick)).resolves.toBeUndefined();
  });

  it("hides the password in messages", () => {
    expect(redactRedisUrl("redis://user:s3cret@cache:6379/2")).toBe("redis://user:***@cache:6379/2");
    expect(redactRedisUrl("redis://127.0.0.1:6379")).toBe("redis://127.0.0.1:6379");
  });
});

describe("reconnection and logging", () => {
  it("backs off 250 ms doubling up to the cap; the defaults report an unreachable Redis within 10 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => reconnectDelayMs(n, 5_000))).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000]);
    const d = QUEUE_DEFAULTS;
    let worst = (d.connectRetries + 1) * d.connectTimeoutMs;
    for (let n = 1; n <= d.connectRetries; n++) worst += reconnectDelayMs(n, d.reconnectMaxDelayMs);
    expect(worst).toBe(6_750);
    expect(d.shutdownTimeoutMs).toBeLessThan(10_000);
  });

  it("logs a lost connection once, then at most once per interval with the count, and the reconnection", () => {
    let t = 0;
    const lines: string[] = [];
    const log = connectionLog("taosim worker", "redis://:pw@h:1", (l) => lines.push(l), 10_000, () => t);
    const refused = Object.assign(new Error("connect ECONNREFUSED h:1"), { code: "ECONNREFUSED" });
    for (t = 0; t < 25_000; t += 500) log.error(refused); // 50 attempts over 25 s
    log.ready();
    expect(lines).toEqual([
      "taosim worker: lost Redis at redis://:***@h:1 (ECONNREFUSED); reconnecting with back-off\n",
      "taosim worker: still cannot reach Redis at redis://:***@h:1 (ECONNREFUSED; 20 failed attempts since the last message)\n",
      "taosim worker: still cannot reach Redis at redis://:***@h:1 (ECONNREFUSED; 20 failed attempts since the last message)\n",
      "taosim worker: reconnected to Redis at redis://:***@h:1\n",
    ]);
  });
});

describe("the run's ledger", () => {
  it("accepts one result per task, only with the expected input hash", () => {
    const tasks = fakeTasks({ points: 2, replicates: 2 });
    const ledger = new TaskLedger(tasks);
    const h1 = taskInputSha256(tasks[1]);
    expect(h1).not.toBe(taskInputSha256({ ...tasks[1], seed: tasks[1].seed + 1 }));
    expect(ledger.accept(1, taskInputSha256(tasks[2]))).toBe(false); // another task's inputs
    expect(ledger.accept(1, h1)).toBe(true);
    expect(ledger.accept(1, h1)).toBe(false); // a duplicate delivery
    expect(ledger.waiting.map((t) => [t.index, t.seed])).toEqual([0, 2, 3].map((i) => [i, tasks[i].seed]));
  });

  it("the status line says who serves the run and what waits", () => {
    expect(describeQueueStatus({ workers: 0, waiting: 12, requeued: 0, redisError: null })).toBe("0 workers, 12 tasks waiting");
    expect(describeQueueStatus({ workers: 1, waiting: 1, requeued: 3, redisError: "ECONNREFUSED" })).toBe("1 worker, 1 task waiting, 3 re-enqueued, Redis unreachable (ECONNREFUSED), retrying");
    let text = "";
    const stream = { isTTY: false, write: (s: string) => ((text += s), true) } as unknown as NodeJS.WriteStream;
    const progress = createProgressReporter({ stream, intervalMs: 0 });
    progress.update({ total: 12, done: 0, failed: 0, skipped: 0, queue: { workers: 0, waiting: 12, requeued: 0, redisError: null } });
    progress.update({ total: 12, done: 1, failed: 0, skipped: 0 });
    expect(text).toBe("taosim: tasks 0/12, failed 0, 0 workers, 12 tasks waiting\ntaosim: tasks 1/12, failed 0, 0 workers, 11 tasks waiting\n");
  });
});
