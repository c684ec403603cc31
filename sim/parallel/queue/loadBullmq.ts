// BullMQ is an optional dependency, loaded only by the queue executor and `taosim worker`, so the
// rest of taosim runs without it. The types below are the small part of its API used here
// (https://api.docs.bullmq.io, v5).
import type { RedisConnectionOptions } from "./redisConnection.js";

export interface BullJob<T = unknown> {
  id?: string;
  data: T;
  attemptsMade: number;
  opts: { attempts?: number };
  /** Returns the active job to the wait list (its lock `token` released): another worker takes it. */
  moveToWait(token?: string): Promise<number>;
}

/** The part of an ioredis client used here (a transaction of reads). */
export interface RedisMulti {
  hmget(key: string, ...fields: string[]): RedisMulti;
  exists(key: string): RedisMulti;
  exec(): Promise<[Error | null, unknown][] | null>;
}

export interface RedisClient {
  multi(): RedisMulti;
  on(event: "ready" | "error", listener: (arg?: unknown) => void): unknown;
}

export interface BullJobsOptions {
  jobId?: string;
  attempts?: number;
  removeOnComplete?: boolean;
  removeOnFail?: boolean;
}

export interface BullQueue {
  add(name: string, data: unknown, opts?: BullJobsOptions): Promise<BullJob>;
  addBulk(jobs: { name: string; data: unknown; opts?: BullJobsOptions }[]): Promise<BullJob[]>;
  obliterate(opts?: { force?: boolean }): Promise<void>;
  remove(jobId: string): Promise<number>;
  getWorkersCount(): Promise<number>;
  on(event: "error", listener: (err: Error) => void): this;
  readonly client: Promise<RedisClient>;
  close(): Promise<void>;
}

export interface BullWorkerOptions {
  connection: RedisConnectionOptions;
  concurrency?: number;
  lockDuration?: number;
  stalledInterval?: number;
  maxStalledCount?: number;
  /** Shown by `CLIENT LIST` (`bull:<queue>:w:<name>`). */
  name?: string;
}

export interface BullWorker {
  on(event: "failed", listener: (job: BullJob | undefined, err: Error) => void): this;
  on(event: "error", listener: (err: Error) => void): this;
  waitUntilReady(): Promise<unknown>;
  readonly client: Promise<RedisClient>;
  close(force?: boolean): Promise<void>;
}

export interface Bullmq {
  Queue: new (name: string, opts: { connection: RedisConnectionOptions }) => BullQueue;
  Worker: new (name: string, processor: (job: BullJob, token?: string) => Promise<unknown>, opts: BullWorkerOptions) => BullWorker;
  /** Thrown by a processor whose job it moved back to wait itself (BullMQ then leaves the job alone). */
  WaitingError: new () => Error;
}

export class BullmqMissingError extends Error {
  override readonly name = "BullmqMissingError";
  readonly code = "BULLMQ_MISSING";
}

export async function loadBullmq(): Promise<Bullmq> {
  const specifier = "bullmq"; // a variable, so TypeScript does not require the package at build time
  try {
    return (await import(specifier)) as Bullmq;
  } catch (err) {
    throw new BullmqMissingError(`the queue executor needs the bullmq package (npm install bullmq@^5): ${(err as Error).message}`);
  }
}
