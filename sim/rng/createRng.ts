// Named random streams of one run (architecture.md "Randomness has a name"). Each stream is an
// independent seedrandom xor4096 generator seeded from (root seed, task index, stream name), so adding
// a stream or an agent never changes the numbers of another stream.
import seedrandom from "seedrandom";
import { streamSeed } from "./streamSeed.js";

/** A uniform generator on [0, 1) (53-bit resolution via `double`). */
export interface Stream {
  (): number;
  /** Uniform on [0, 1) with 53 bits of randomness. */
  double(): number;
  /** Uniform signed 32-bit integer. */
  int32(): number;
  /** The stream's name, as given to `Rng.stream`. */
  readonly streamName: string;
}

export interface Rng {
  readonly rootSeed: number;
  readonly taskIndex: number;
  /** The stream called `name`; repeated calls with one name return the same (stateful) generator. */
  stream(name: string): Stream;
  /** A fresh generator for `name` positioned at its first number (does not touch `stream(name)`). */
  fork(name: string): Stream;
}

function newStream(rootSeed: number, taskIndex: number, name: string): Stream {
  const prng = seedrandom.xor4096(streamSeed(rootSeed, taskIndex, name));
  const s = (() => prng()) as Stream;
  s.double = () => prng.double();
  s.int32 = () => prng.int32();
  Object.defineProperty(s, "streamName", { value: name, enumerable: true });
  return s;
}

/**
 * The random source of one task. Engines call `createRng(spec.seed)` with the planner's derived seed;
 * `taskIndex` lets several runs share one root seed and still draw different numbers.
 */
export function createRng(rootSeed: number, taskIndex = 0): Rng {
  if (!Number.isSafeInteger(rootSeed)) throw new RangeError(`rng root seed must be a safe integer, got ${rootSeed}`);
  if (!Number.isSafeInteger(taskIndex) || taskIndex < 0) {
    throw new RangeError(`rng task index must be a non-negative integer, got ${taskIndex}`);
  }
  const streams = new Map<string, Stream>();
  return {
    rootSeed,
    taskIndex,
    stream(name: string): Stream {
      let s = streams.get(name);
      if (s === undefined) {
        s = newStream(rootSeed, taskIndex, name);
        streams.set(name, s);
      }
      return s;
    },
    fork(name: string): Stream {
      return newStream(rootSeed, taskIndex, name);
    },
  };
}
