// Progress of a sweep on stderr: a cli-progress bar on a TTY (tasks done/total, ETA, failures),
// a plain line at most every `intervalMs` otherwise (and at the end), nothing when quiet.
import cliProgress from "cli-progress";
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
    { stream, format: "tasks {bar} {value}/{total} | ETA {eta_formatted} | failed {failed}", hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      if (!started) bar.start(p.total, p.done, { failed: p.failed });
      else bar.update(p.done, { failed: p.failed });
      started = true;
    },
    stop: () => started && bar.stop(),
  };
}

function lineReporter(stream: NodeJS.WriteStream, intervalMs: number, now: () => number): ProgressReporter {
  let last: TaskProgress | null = null;
  let printedAt = -Infinity;
  let printed: TaskProgress | null = null;
  const print = (p: TaskProgress) => {
    stream.write(`taosim: tasks ${p.done}/${p.total}, failed ${p.failed}${p.skipped ? `, resumed ${p.skipped}` : ""}\n`);
    printed = p;
    printedAt = now();
  };
  return {
    update(p) {
      last = p;
      if (now() - printedAt >= intervalMs) print(p);
    },
    stop() {
      if (last !== null && last !== printed) print(last);
    },
  };
}
