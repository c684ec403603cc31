// Logs a client's Redis trouble without flooding: ioredis reports every failed reconnection attempt,
// so the first error is logged at once, later ones at most once per interval (with their count), and
// a reconnection once after any error was logged.
import { redactRedisUrl } from "./redisConnection.js";

export interface ConnectionLog {
  /** An error from any of the client's Redis connections. */
  error(err: Error): void;
  /** A connection became ready again. */
  ready(): void;
}

const CONNECTION_CODES = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EPIPE|EAI_AGAIN)$/;

export function connectionLog(who: string, url: string, write: (line: string) => void, intervalMs: number, now: () => number = Date.now): ConnectionLog {
  const where = redactRedisUrl(url);
  let down = false;
  let loggedAt = -Infinity;
  let unlogged = 0;
  const others = new Map<string, number>(); // other messages → when last logged
  return {
    error(err) {
      const code = (err as NodeJS.ErrnoException).code ?? "";
      const isConnection = CONNECTION_CODES.test(code) || /Connection is closed/i.test(err.message);
      if (!isConnection) {
        const lost = /(?:Missing key|Missing lock|Lock mismatch) for job (\S+?)\.? /.exec(err.message);
        const line = lost ? `job ${lost[1]} is no longer in Redis as this worker left it (Redis restarted or evicted it?); its run enqueues it again if needed` : err.message;
        if (now() - (others.get(line) ?? -Infinity) < intervalMs) return;
        others.set(line, now());
        return write(`${who}: ${line}\n`);
      }
      if (!down) {
        down = true;
        loggedAt = now();
        unlogged = 0;
        return write(`${who}: lost Redis at ${where} (${code || err.message}); reconnecting with back-off\n`);
      }
      unlogged++;
      if (now() - loggedAt < intervalMs) return;
      write(`${who}: still cannot reach Redis at ${where} (${code || err.message}; ${unlogged} failed attempts since the last message)\n`);
      loggedAt = now();
      unlogged = 0;
    },
    ready() {
      if (!down) return;
      down = false;
      write(`${who}: reconnected to Redis at ${where}\n`);
    },
  };
}
