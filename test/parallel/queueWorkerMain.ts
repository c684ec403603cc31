// A `taosim worker` process for the queue tests: serves tasks from argv[2] (redis URL) in-process with
// short locks, so a killed worker's task is taken over within a few seconds, and short reconnection
// back-off (Redis restarts). Prints "ready" and "task N" lines on stdout.
import { startQueueWorker } from "../../sim/parallel/queue/queueWorker.js";

const handle = await startQueueWorker({
  queue: process.argv[2],
  workers: 1,
  threads: false,
  settings: { reconnectMaxDelayMs: 500 },
  lockDurationMs: 2_000,
  stalledIntervalMs: 1_000,
  onTask: (o) => process.stdout.write(`task ${o.spec.index}\n`),
});
process.stdout.write("ready\n");
process.once("SIGTERM", () => void handle.close().then(() => process.exit(0)));
