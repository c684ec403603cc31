// Child processes for the queue fault tests: `taosim worker` and `taosim run` from the TypeScript
// source (always the source, never a stale dist/; one command loaded, see cliCommandMain.ts), with
// their stderr collected, a wait for a line, and a bounded wait for the exit (a process still alive after `limitMs` is killed and the
// test fails on its exit code instead of hanging).
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const MAIN = fileURLToPath(new URL("./cliCommandMain.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface CliProcess {
  child: ChildProcess;
  /** stderr so far. */
  readonly stderr: string;
  /** Resolves when a stderr line matches (rejects if the process exits first). */
  waitFor(pattern: RegExp): Promise<void>;
  /** Resolves with the exit code (or signal name) and the ms it took from `since`. */
  exited(limitMs: number, since?: number): Promise<{ code: number | string; ms: number }>;
}

const started: ChildProcess[] = [];

export function startCli(args: readonly string[]): CliProcess {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CI: "1" } });
  started.push(child);
  let stderr = "";
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const w of [...waiters]) if (w.pattern.test(stderr)) (waiters.splice(waiters.indexOf(w), 1), w.resolve());
  });
  child.stdout!.resume();
  const exit = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? "?")));
  return {
    child,
    get stderr() {
      return stderr;
    },
    waitFor(pattern) {
      if (pattern.test(stderr)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        waiters.push({ pattern, resolve });
        void exit.then((code) => reject(new Error(`exited (${code}) before ${pattern}: ${stderr}`)));
      });
    },
    async exited(limitMs, since = Date.now()) {
      const timer = setTimeout(() => child.kill("SIGKILL"), limitMs);
      const code = await exit;
      clearTimeout(timer);
      return { code, ms: Date.now() - since };
    },
  };
}

/** Kills every child still running (afterAll). */
export function killAllCli(): void {
  for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
}

const TEST_WORKER = fileURLToPath(new URL("./queueWorkerMain.ts", import.meta.url));

export interface TestWorker {
  child: ChildProcess;
  /** Task indices it has finished, in order. */
  tasks: number[];
  ready: Promise<void>;
}

/** An in-process queue worker (queueWorkerMain.ts): short locks, fast start. */
export function startTestWorker(url: string): TestWorker {
  const child = spawn(process.execPath, ["--import", "tsx", TEST_WORKER, url], { stdio: ["ignore", "pipe", "inherit"] });
  started.push(child);
  const tasks: number[] = [];
  const ready = new Promise<void>((resolve) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) {
        if (line === "ready") resolve();
        const match = /^task (\d+)$/.exec(line);
        if (match) tasks.push(Number(match[1]));
      }
    });
  });
  return { child, tasks, ready };
}
