// A queue run or worker that cannot reach its Redis: printed as one line (no stack), exit code 1.
// The cause is the socket error's code (ECONNREFUSED, ETIMEDOUT, ENOTFOUND, …) or Redis's own reply.
import { redactRedisUrl } from "./redisConnection.js";

export class RedisUnreachableError extends Error {
  override readonly name = "RedisUnreachableError";
  readonly code = "REDIS_UNREACHABLE";
  readonly exitCode = 1;

  constructor(readonly url: string, readonly reason: string) {
    super(`cannot reach Redis at ${redactRedisUrl(url)}: ${reason}`);
  }

  /** The line printed on stderr. */
  format(): string {
    return `taosim: ${this.message}`;
  }
}
