// How `taosim worker` ends: the first SIGTERM/SIGINT shuts the worker down within the deadline
// (current tasks finish or are handed back; Kubernetes' and systemd's grace periods are ≥ 10 s),
// a second one exits at once. A hard timer guarantees the exit even if a close never returns.
import type { QueueWorkerHandle } from "./queueWorker.js";

const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/** Resolves with the exit code: 0 when nothing was left behind, 1 when a task was abandoned. */
export async function serveUntilSignal(handle: QueueWorkerHandle, deadlineMs: number, log: (line: string) => void, exit: (code: number) => void): Promise<number> {
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
  log(`taosim worker: ${signal}: taking no more tasks; finishing or handing back the current ones (up to ${deadlineMs / 1000} s; ${signal} again exits now)\n`);
  const now = (s: NodeJS.Signals) => () => {
    log(`taosim worker: second ${s}: exiting now\n`);
    exit(SIGNAL_EXIT[s] ?? 1);
  };
  process.once("SIGINT", now("SIGINT"));
  process.once("SIGTERM", now("SIGTERM"));
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
