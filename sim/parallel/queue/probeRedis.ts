// Checks that Redis answers before a run creates its output folder or a worker takes jobs: a PING
// over a plain socket (after AUTH/SELECT when the URL has them), each attempt bounded by the
// connect timeout, a few attempts with back-off. BullMQ itself would retry forever in silence.
import { connect } from "node:net";
import { reconnectDelayMs, type QueueSettings } from "./queueSettings.js";
import { redisConnection } from "./redisConnection.js";
import { RedisUnreachableError } from "./RedisUnreachableError.js";

export type ProbeSettings = Pick<QueueSettings, "connectTimeoutMs" | "connectRetries" | "reconnectMaxDelayMs">;

/** Resolves when Redis at `url` answers PING; throws RedisUnreachableError with the last cause. */
export async function probeRedis(url: string, settings: ProbeSettings): Promise<void> {
  let cause = "";
  for (let attempt = 0; attempt <= settings.connectRetries; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, reconnectDelayMs(attempt, settings.reconnectMaxDelayMs)));
    cause = await pingOnce(url, settings.connectTimeoutMs);
    if (cause === "") return;
    if (/^(NOAUTH|WRONGPASS|ERR)/.test(cause)) break; // Redis answered: retrying will not help
  }
  throw new RedisUnreachableError(url, cause);
}

/** "" when Redis answered PING, else the cause (socket error code or Redis error reply). */
export function pingOnce(url: string, timeoutMs: number): Promise<string> {
  const c = redisConnection(url);
  const commands: string[][] = [];
  if (c.password !== undefined) commands.push(c.username !== undefined ? ["AUTH", c.username, c.password] : ["AUTH", c.password]);
  if (c.db !== undefined) commands.push(["SELECT", String(c.db)]);
  commands.push(["PING"]);
  return new Promise((resolve) => {
    const socket = connect({ host: c.host, port: c.port });
    let buffer = "";
    let answered = 0;
    const done = (cause: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(cause);
    };
    const timer = setTimeout(() => done(`ETIMEDOUT (no answer within ${timeoutMs} ms)`), timeoutMs);
    socket.on("error", (err: NodeJS.ErrnoException) => done(err.code ?? err.message));
    socket.on("close", () => done("ECONNRESET (connection closed before PING was answered)"));
    socket.on("connect", () => socket.write(commands.map(encodeCommand).join("")));
    socket.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      let end: number;
      while ((end = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (line.startsWith("-")) return done(line.slice(1));
        if (++answered === commands.length) return done("");
      }
    });
  });
}

function encodeCommand(args: readonly string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")}`;
}
