import { describe, expect, it } from "vitest";
import { TaosimInputError } from "../../sim/cli/errors.js";
import { checkTaskResult } from "../../sim/parallel/checkTaskResult.js";
import { executeTask } from "../../sim/parallel/executeTask.js";
import { createProgressReporter } from "../../sim/parallel/progressReporter.js";
import { decodeOutcome, encodeOutcome } from "../../sim/parallel/queue/queueMessages.js";
import { redisConnection } from "../../sim/parallel/queue/redisConnection.js";
import { parseShard, resolveRunTasksOptions } from "../../sim/parallel/runTasksOptions.js";
import { taskTableFromCsv } from "../../sim/parallel/taskTable.js";
import { FAKE_RUNNER, fakeHeader, fakeTasks } from "./fakeTasks.js";

const rows = (text: string) => new TextEncoder().encode(text);

describe("task boundary", () => {
  it("checkTaskResult refuses duplicate tables, unsafe names, multi-line headers and unterminated rows", () => {
    expect(() => checkTaskResult({ tables: [{ name: "a", header: "x", rows: rows("1\n") }, { name: "a", header: "x", rows: rows("") }] })).toThrow("table a returned twice");
    expect(() => checkTaskResult({ tables: [{ name: "../a", header: "x", rows: rows("") }] })).toThrow('table name "../a" is not [a-z0-9_-]+');
    expect(() => checkTaskResult({ tables: [{ name: "a", header: "x\ny", rows: rows("") }] })).toThrow("header must be one line");
    expect(() => checkTaskResult({ tables: [{ name: "a", header: "x", rows: rows("1") }] })).toThrow("rows must end with a line break");
  });

  it("executeTask turns a runner that cannot be loaded into a failed outcome", async () => {
    const spec = fakeTasks()[2];
    const outcome = await executeTask({ runnerModule: "/nonexistent/runner.js", spec });
    expect(outcome.status).toBe("failed");
    expect(outcome.spec).toEqual({ index: 2, point: 1, replicate: 0, seed: spec.seed, params: { k: 3 } });
  });

  it("taskTableFromCsv splits the header line from the rows", () => {
    const table = taskTableFromCsv("chain", "task,block\n0,1\n0,2\n");
    expect(table.header).toBe("task,block");
    expect(new TextDecoder().decode(table.rows)).toBe("0,1\n0,2\n");
  });

  it("queue messages round-trip a task's tables byte for byte", async () => {
    const outcome = await executeTask({ runnerModule: FAKE_RUNNER, spec: fakeTasks()[1] });
    const back = decodeOutcome(JSON.parse(JSON.stringify(encodeOutcome("run", "0".repeat(64), outcome))));
    expect(back).toEqual(outcome);
  });
});

describe("options", () => {
  it("parseShard reads i/n and refuses i ≥ n", () => {
    expect(parseShard("1/4")).toEqual({ index: 1, count: 4 });
    expect(() => parseShard("4/4")).toThrow(TaosimInputError);
    expect(() => parseShard("a/b")).toThrow("--shard: expected i/n with 0 ≤ i < n (e.g. 0/2), found \"a/b\"");
  });

  it("--workers must be an integer ≥ 1 and tasks must be the planner's ordered list", () => {
    const tasks = fakeTasks();
    const base = { tasks, runnerModule: FAKE_RUNNER, outDir: "/tmp/x", header: fakeHeader(tasks) };
    expect(resolveRunTasksOptions({ ...base, workers: 3 }).workers).toBe(3);
    expect(() => resolveRunTasksOptions({ ...base, workers: 0 })).toThrow("--workers: expected an integer ≥ 1");
    expect(() => resolveRunTasksOptions({ ...base, tasks: tasks.slice(1) })).toThrow("task at position 0 has index 1");
  });

  it("redisConnection parses redis://[:password@]host:port[/db]", () => {
    expect(redisConnection("redis://127.0.0.1:6380")).toEqual({ host: "127.0.0.1", port: 6380, maxRetriesPerRequest: null });
    expect(redisConnection("redis://:s%40cret@cache:6379/2")).toEqual({ host: "cache", port: 6379, password: "s@cret", db: 2, maxRetriesPerRequest: null });
    expect(() => redisConnection("http://x:1")).toThrow("--queue: expected redis://HOST:PORT");
  });
});

describe("progress", () => {
  it("prints plain lines at most once per interval when not a TTY, and the last state on stop", () => {
    const lines: string[] = [];
    let now = 0;
    const stream = { isTTY: false, write: (t: string) => void lines.push(t) } as unknown as NodeJS.WriteStream;
    const progress = createProgressReporter({ stream, intervalMs: 1000, now: () => now });
    progress.update({ total: 3, done: 0, failed: 0, skipped: 0 });
    now = 500;
    progress.update({ total: 3, done: 1, failed: 1, skipped: 0 });
    now = 1200;
    progress.update({ total: 3, done: 2, failed: 1, skipped: 0 });
    progress.update({ total: 3, done: 3, failed: 1, skipped: 0 });
    progress.stop();
    expect(lines).toEqual(["taosim: tasks 0/3, failed 0\n", "taosim: tasks 2/3, failed 1\n", "taosim: tasks 3/3, failed 1\n"]);
  });

  it("prints nothing with --quiet", () => {
    const lines: string[] = [];
    const stream = { isTTY: true, write: (t: string) => void lines.push(t) } as unknown as NodeJS.WriteStream;
    const progress = createProgressReporter({ quiet: true, stream });
    progress.update({ total: 1, done: 1, failed: 0, skipped: 0 });
    progress.stop();
    expect(lines).toEqual([]);
  });
});
