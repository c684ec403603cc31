// Progress of a sweep on stderr: a cli-progress bar on a TTY (tasks done/total, ETA, failures; for
// a queue run also workers seen and tasks waiting), a plain line at most every `intervalMs`
// otherwise (and at the end), nothing when quiet.
import cliProgress from "cli-progress";
import { describeQueueStatus, type QueueStatus } from "./queue/QueueStatus.js";
import type { TaskProgress } from "./runTasksOptions.js";

export interface ProgressReporter {
  update(progress: TaskProgress): void;
  stop(): void;
}

export interface ProgressReporterOptions {
  quiet?: boolean;
  stream?: NodeJS.WriteStream;
  /** Minimum time between plain lines (non-TTY). */
  intervalMs?: number;
  /** Injected clock for tests. */
  now?: () => number;
}

export function createProgressReporter(options: ProgressReporterOptions = {}): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  if (options.quiet) return { update: () => undefined, stop: () => undefined };
  if (stream.isTTY) return barReporter(stream);
  return lineReporter(stream, options.intervalMs ?? 5000, options.now ?? Date.now);
}

function barReporter(stream: NodeJS.WriteStream): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: "tasks {bar} {value}/{total} | ETA {eta_formatted} | failed {failed}{queue}",
      hideCursor: true,
      clearOnComplete: false,
      // Before the first result (e.g. a queue with no workers yet) cli-progress's ETA is "INF"/"NULL".
      formatTime: (t: number, o: cliProgress.Options, round: number) => (Number.isFinite(t) ? cliProgress.Format.TimeFormat(t, o, round) : "unknown"),
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let queue: QueueStatus | undefined;
  return {
    update(p) {
      queue = p.queue ?? queue; // task updates do not repeat the last queue status (waiting: from the counts)
      const payload = { failed: p.failed, queue: queue === undefined ? "" : ` | ${describeQueueStatus({ ...queue, waiting: p.total - p.done })}` };
      if (!started) bar.start(p.total, p.done, payload);
      else bar.update(p.done, payload);
      started = true;
    },
    stop: () => started && bar.stop(),
  };
}

function lineReporter(stream: NodeJS.WriteStream, intervalMs: number, now: () => number): ProgressReporter {
  let last: TaskProgress | null = null;
  let printedAt = -Infinity;
  let printed: TaskProgress | null = null;
  let queue: QueueStatus | undefined;
  const print = (p: TaskProgress) => {
    const q = queue === undefined ? "" : `, ${describeQueueStatus({ ...queue, waiting: p.total - p.done })}`;
    stream.write(`taosim: tasks ${p.done}/${p.total}, failed ${p.failed}${p.skipped ? `, resumed ${p.skipped}` : ""}${q}\n`);
    printed = p;
    printedAt = now();
  };
  return {
    update(p) {
      queue = p.queue ?? queue;
      last = p;
      if (now() - printedAt >= intervalMs) print(p);
    },
    stop() {
      if (last !== null && last !== printed) print(last);
    },
  };
}
