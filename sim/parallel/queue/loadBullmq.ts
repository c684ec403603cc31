// BullMQ is an optional dependency, loaded only by the queue executor and `taosim worker`, so the
// rest of taosim runs without it. The types below are the small part of its API used here
// (https://api.docs.bullmq.io, v5).
import type { RedisConnectionOptions } from "./redisConnection.js";

export interface BullJob<T = unknown> {
  id?: string;
  data: T;
  attemptsMade: number;
  opts: { attempts?: number };
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
  close(): Promise<void>;
}

export interface BullWorkerOptions {
  connection: RedisConnectionOptions;
  concurrency?: number;
  lockDuration?: number;
  stalledInterval?: number;
  maxStalledCount?: number;
}

export interface BullWorker {
  on(event: "failed", listener: (job: BullJob | undefined, err: Error) => void): this;
  on(event: "error", listener: (err: Error) => void): this;
  waitUntilReady(): Promise<unknown>;
  close(force?: boolean): Promise<void>;
}

export interface BullQueueEvents {
  on(event: "failed", listener: (args: { jobId: string; failedReason: string }) => void): this;
  waitUntilReady(): Promise<unknown>;
  close(): Promise<void>;
}

export interface Bullmq {
  Queue: new (name: string, opts: { connection: RedisConnectionOptions }) => BullQueue;
  Worker: new (name: string, processor: (job: BullJob) => Promise<unknown>, opts: BullWorkerOptions) => BullWorker;
  QueueEvents: new (name: string, opts: { connection: RedisConnectionOptions }) => BullQueueEvents;
  Job: { fromId(queue: BullQueue, id: string): Promise<BullJob | undefined> };
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
