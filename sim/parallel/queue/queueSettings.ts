// Connection and fault-handling settings of the queue (run and worker), with their defaults. The
// defaults keep every promise of docs/scale-out.md: an unreachable Redis is reported within 10 s
// (3 attempts × 2 s plus 0.75 s of back-off) and a worker exits within 10 s of SIGTERM.
import { TaosimInputError } from "../../cli/errors.js";

export interface QueueSettings {
  /** One connection attempt gives up after this long (`--redis-timeout`). */
  connectTimeoutMs: number;
  /** Further attempts before the first connection is declared impossible (`--redis-retries`). */
  connectRetries: number;
  /** Reconnection back-off after a lost connection: 250 ms doubling up to this. */
  reconnectMaxDelayMs: number;
  /** How often a run checks that every unfinished task still has a job or a result in Redis. */
  checkIntervalMs: number;
  /** A worker's whole shutdown after SIGTERM/SIGINT, hand-back included (`--shutdown-timeout`). */
  shutdownTimeoutMs: number;
  /** Repeated connection errors are logged at most once per interval. */
  logIntervalMs: number;
}

export const QUEUE_DEFAULTS: Readonly<QueueSettings> = {
  connectTimeoutMs: 2_000,
  connectRetries: 2,
  reconnectMaxDelayMs: 5_000,
  checkIntervalMs: 2_000,
  shutdownTimeoutMs: 8_000,
  logIntervalMs: 10_000,
};

export function resolveQueueSettings(settings: Partial<QueueSettings> = {}): QueueSettings {
  const out = { ...QUEUE_DEFAULTS };
  for (const [key, value] of Object.entries(settings) as [keyof QueueSettings, number | undefined][]) {
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Back-off before reconnection attempt `times` (1-based): 250 ms, 500 ms, … capped. */
export function reconnectDelayMs(times: number, maxDelayMs: number): number {
  return Math.min(250 * 2 ** Math.min(times - 1, 16), maxDelayMs);
}

/** A CLI integer option (`--redis-timeout 3000`), checked; undefined when absent. */
export function queueIntOption(flag: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw new TaosimInputError({ file: "<args>", line: 1, col: 1, path: flag, expected: `an integer ≥ ${min}`, found: JSON.stringify(text), code: "cli-option" });
  }
  return n;
}

/** The settings the CLI's queue flags give (shared by `taosim run` and `taosim worker`). */
export function queueSettingsFromFlags(opts: { redisTimeout?: string; redisRetries?: string; shutdownTimeout?: string }): Partial<QueueSettings> {
  return {
    connectTimeoutMs: queueIntOption("--redis-timeout", opts.redisTimeout, 100),
    connectRetries: queueIntOption("--redis-retries", opts.redisRetries, 0),
    shutdownTimeoutMs: queueIntOption("--shutdown-timeout", opts.shutdownTimeout, 0),
  };
}
