// `taosim worker --queue redis://HOST:PORT [--workers N] [--runner MODULE]`: serves tasks of
// `taosim run … --queue` from this machine until interrupted. An unreachable Redis is reported
// within seconds (exit 1); SIGINT/SIGTERM stop it within --shutdown-timeout, a second one at once.
// The queue modules (bullmq, piscina) are imported when the command runs, so other commands start without them.
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { CommandExit, TaosimInputError } from "../errors.js";

interface WorkerCommandOptions {
  queue: string;
  workers?: string;
  runner?: string;
  quiet?: boolean;
  redisTimeout?: string;
  redisRetries?: string;
  shutdownTimeout?: string;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command("worker")
    .description("run tasks of queued sweeps (taosim run --queue) on this machine")
    .requiredOption("--queue <url>", "redis://HOST:PORT")
    .option("--workers <n>", "tasks at once on this machine (default: available parallelism)")
    .option("--runner <module>", "task runner module path, when it differs from the submitting machine's")
    .option("--quiet", "print nothing per task")
    .option("--redis-timeout <ms>", "give up one connection attempt after this long (default 2000)")
    .option("--redis-retries <n>", "further attempts before an unreachable Redis is an error (default 2)")
    .option("--shutdown-timeout <ms>", "after SIGTERM/SIGINT, finish or hand back current tasks within this (default 8000)")
    .action(async (opts: WorkerCommandOptions) => {
      const log = (line: string) => ctx.io.writeErr(line);
      const exit = (code: number) => process.exit(code);
      const { serveUntilSignal, watchStopSignals } = await import("../../parallel/queue/serveUntilSignal.js");
      const signals = watchStopSignals(log, exit); // before anything a supervisor could react to
      const { queueSettingsFromFlags, resolveQueueSettings } = await import("../../parallel/queue/queueSettings.js");
      const { RedisUnreachableError } = await import("../../parallel/queue/RedisUnreachableError.js");
      const { redisConnection } = await import("../../parallel/queue/redisConnection.js");
      redisConnection(opts.queue); // validates the URL before connecting
      const workers = opts.workers === undefined ? undefined : Number(opts.workers);
      if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1)) {
        throw new TaosimInputError({ file: "<args>", line: 1, col: 1, path: "--workers", expected: "an integer ≥ 1", found: JSON.stringify(opts.workers), code: "cli-option" });
      }
      const settings = resolveQueueSettings(queueSettingsFromFlags(opts));
      const { startQueueWorker } = await import("../../parallel/queue/queueWorker.js");
      let handle;
      try {
        handle = await startQueueWorker({
          queue: opts.queue,
          workers,
          runnerModule: opts.runner ?? null,
          settings,
          log,
          onTask: (o) => opts.quiet || log(`taosim worker: task ${o.spec.index} ${o.status}\n`),
        });
      } catch (err) {
        if (!(err instanceof RedisUnreachableError)) throw err;
        log(`${err.format()}\n`);
        throw new CommandExit(err.exitCode);
      }
      if (!opts.quiet) log("taosim worker: ready\n");
      // Exits the process itself: Redis clients left reconnecting must not keep it alive.
      exit(await serveUntilSignal(handle, signals, settings.shutdownTimeoutMs, log, exit));
    });
}
