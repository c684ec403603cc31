// Seed derivation for named random streams and for planned tasks. Everything goes through sha256 of a
// NUL-separated, versioned string, so the mapping is stable across platforms and Node versions and two
// different (seed, task, name) triples never share a stream except by a hash collision.
import { createHash } from "node:crypto";

const DOMAIN = "taosim/rng/1";

function sha256Hex(parts: readonly (string | number)[]): string {
  return createHash("sha256").update([DOMAIN, ...parts.map(String)].join("\u0000")).digest("hex");
}

/** The seedrandom seed string of stream `name` in task `taskIndex` of a run rooted at `rootSeed`. */
export function streamSeed(rootSeed: number, taskIndex: number, name: string): string {
  return sha256Hex(["stream", rootSeed, taskIndex, name]);
}

/** Largest seed a scenario may give (seeds are written to JSON, so they stay below 2^53). */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/**
 * The seed of one planned task: a 48-bit integer derived from (root seed, sweep point, replicate).
 * It depends on nothing else (not on worker count, shard, or the position of the task in a queue).
 */
export function taskSeed(rootSeed: number, point: number, replicate: number): number {
  const hex = sha256Hex(["task", rootSeed, point, replicate]);
  return Number.parseInt(hex.slice(0, 12), 16); // 48 bits, exact in a double
}
