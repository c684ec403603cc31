// Starts a throwaway `redis-server` on loopback for the queue tests. Missing prerequisites are test
// failures with a clear message (never a silent skip): the Debian package `redis-server` and the npm
// package `bullmq` must be installed.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export interface RedisServer {
  url: string;
  port: number;
  /** SIGTERM (or SIGKILL: a crash, nothing saved) and wait for the exit. */
  stop(signal?: "SIGTERM" | "SIGKILL"): Promise<void>;
}

export async function requireQueuePrerequisites(): Promise<void> {
  const probe = spawnSync("redis-server", ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new Error("the queue tests need redis-server on PATH (Debian/Ubuntu: apt-get install redis-server); it was not found");
  }
  try {
    const specifier = "bullmq";
    await import(specifier);
  } catch {
    throw new Error("the queue tests need the npm package bullmq (npm install bullmq@^5); it is not installed");
  }
}

/** A fresh, empty redis-server on 127.0.0.1 (on `port` when given: a restart after a crash). */
export async function startRedisServer(port?: number): Promise<RedisServer> {
  port ??= await freePort();
  const child: ChildProcess = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    let log = "";
    const timer = setTimeout(() => reject(new Error(`redis-server did not start on port ${port}: ${log}`)), 10_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      log += chunk.toString();
      if (/ready to accept connections/i.test(log)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on("exit", (code) => reject(new Error(`redis-server exited with ${code}: ${log}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: (signal = "SIGTERM") =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}

/** A loopback port nothing listens on (just released by the OS). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
