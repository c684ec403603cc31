// A `taosim worker` process for the queue test: serves tasks from argv[2] (redis URL) in-process with
// short locks, so a killed worker's task is taken over within a few seconds. Prints "task N" lines.
import { startQueueWorker } from "../../sim/parallel/queue/queueWorker.js";

const handle = await startQueueWorker({
  queue: process.argv[2],
  workers: 1,
  lockDurationMs: 2_000,
  stalledIntervalMs: 1_000,
  onTask: (o) => process.stdout.write(`task ${o.spec.index}\n`),
});
process.stdout.write("ready\n");
process.once("SIGTERM", () => void handle.close().then(() => process.exit(0)));
