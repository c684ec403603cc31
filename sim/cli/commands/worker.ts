// `taosim worker --queue redis://HOST:PORT [--workers N] [--runner MODULE]`: serves tasks of
// `taosim run … --queue` from this machine until interrupted (SIGINT/SIGTERM close it cleanly; a
// killed worker's tasks are retried elsewhere). The queue worker (bullmq, piscina) is imported when the
// command runs.
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { TaosimInputError } from "../errors.js";

export function register(program: Command, ctx: CliContext): void {
  program
    .command("worker")
    .description("run tasks of queued sweeps (taosim run --queue) on this machine")
    .requiredOption("--queue <url>", "redis://HOST:PORT")
    .option("--workers <n>", "tasks at once on this machine (default: available parallelism)")
    .option("--runner <module>", "task runner module path, when it differs from the submitting machine's")
    .option("--quiet", "print nothing per task")
    .action(async (opts: { queue: string; workers?: string; runner?: string; quiet?: boolean }) => {
      const { redisConnection } = await import("../../parallel/queue/redisConnection.js");
      redisConnection(opts.queue); // validates the URL before connecting
      const workers = opts.workers === undefined ? undefined : Number(opts.workers);
      if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1)) {
        throw new TaosimInputError({ file: "<args>", line: 1, col: 1, path: "--workers", expected: "an integer ≥ 1", found: JSON.stringify(opts.workers), code: "cli-option" });
      }
      const { startQueueWorker } = await import("../../parallel/queue/queueWorker.js");
      const handle = await startQueueWorker({
        queue: opts.queue,
        workers,
        runnerModule: opts.runner ?? null,
        onTask: (o) => opts.quiet || ctx.io.writeErr(`taosim worker: task ${o.spec.index} ${o.status}\n`),
      });
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      await handle.close();
    });
}
