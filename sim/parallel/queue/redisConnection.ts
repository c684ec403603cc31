// `--queue redis://[:password@]HOST:PORT[/db]` → the ioredis connection options BullMQ takes.
import { TaosimInputError } from "../../cli/errors.js";
import { reconnectDelayMs, type QueueSettings } from "./queueSettings.js";

export interface RedisConnectionOptions {
  host: string;
  port: number;
  password?: string;
  username?: string;
  db?: number;
  /** Required by BullMQ workers (blocking commands must not give up). */
  maxRetriesPerRequest: null;
  /** ioredis: one connection attempt's limit, and the back-off between reconnection attempts. */
  connectTimeout?: number;
  retryStrategy?: (times: number) => number;
}

/** The connection options with the settings' timeout and a capped exponential reconnection back-off. */
export function bullConnection(url: string, settings: QueueSettings): RedisConnectionOptions {
  return {
    ...redisConnection(url),
    connectTimeout: settings.connectTimeoutMs,
    retryStrategy: (times) => reconnectDelayMs(times, settings.reconnectMaxDelayMs),
  };
}

/** The URL as messages show it: any password replaced by `***`. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString().replace(/\/$/, "");
  } catch {
    return url;
  }
}

export function redisConnection(url: string): RedisConnectionOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw queueOptionError(url);
  }
  if (parsed.protocol !== "redis:" || parsed.hostname === "") throw queueOptionError(url);
  const port = parsed.port === "" ? 6379 : Number(parsed.port);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : undefined;
  if (db !== undefined && !Number.isInteger(db)) throw queueOptionError(url);
  const options: RedisConnectionOptions = { host: parsed.hostname.replace(/^\[|\]$/g, ""), port, maxRetriesPerRequest: null };
  if (parsed.password) options.password = decodeURIComponent(parsed.password);
  if (parsed.username) options.username = decodeURIComponent(parsed.username);
  if (db !== undefined) options.db = db;
  return options;
}

function queueOptionError(url: string): TaosimInputError {
  return new TaosimInputError({ file: "<args>", line: 1, col: 1, path: "--queue", expected: "redis://HOST:PORT", found: JSON.stringify(url), code: "cli-option" });
}
