// How `taosim worker` ends: the first SIGTERM/SIGINT shuts the worker down within the deadline
// (current tasks finish or are handed back; Kubernetes' and systemd's grace periods are ≥ 10 s),
// a second one exits at once. A hard timer guarantees the exit even if a close never returns.
// The handlers are installed once, before the worker starts, and never removed: Node restores the
// default action (death) whenever a signal has no listener, so swapping listeners would open a
// window in which a signal kills the process without a shutdown.
import type { QueueWorkerHandle } from "./queueWorker.js";

const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export interface StopSignals {
  /** Resolves with the first SIGINT/SIGTERM. */
  readonly first: Promise<NodeJS.Signals>;
}

/** Starts listening for SIGINT/SIGTERM: the first resolves `first`, a second calls `exit` at once. */
export function watchStopSignals(log: (line: string) => void, exit: (code: number) => void): StopSignals {
  let received = 0;
  let resolveFirst!: (signal: NodeJS.Signals) => void;
  const first = new Promise<NodeJS.Signals>((resolve) => (resolveFirst = resolve));
  const onSignal = (signal: NodeJS.Signals) => {
    if (++received === 1) return resolveFirst(signal);
    log(`taosim worker: second ${signal}: exiting now\n`);
    exit(SIGNAL_EXIT[signal] ?? 1);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return { first };
}

/** Serves until the first signal, then shuts down; resolves with the exit code (0, or 1 when a task was abandoned). */
export async function serveUntilSignal(handle: QueueWorkerHandle, signals: StopSignals, deadlineMs: number, log: (line: string) => void, exit: (code: number) => void): Promise<number> {
  const signal = await signals.first;
  log(`taosim worker: ${signal}: taking no more tasks; finishing or handing back the current ones (up to ${deadlineMs / 1000} s; ${signal} again exits now)\n`);
  const hard = setTimeout(() => {
    log(`taosim worker: shutdown did not finish within ${deadlineMs / 1000} s; exiting\n`);
    exit(1);
  }, deadlineMs + 1_000);
  hard.unref();
  const result = await handle.shutdown(deadlineMs);
  clearTimeout(hard);
  if (result.handedBack.length > 0) log(`taosim worker: handed back task${result.handedBack.length === 1 ? "" : "s"} ${result.handedBack.join(", ")}\n`);
  if (result.abandoned.length > 0) log(`taosim worker: left task${result.abandoned.length === 1 ? "" : "s"} ${result.abandoned.join(", ")} to be retried when their lock expires\n`);
  log("taosim worker: stopped\n");
  return result.abandoned.length > 0 ? 1 : 0;
}
