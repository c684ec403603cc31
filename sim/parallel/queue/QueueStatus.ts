// What a queue run shows beside its task counts: who is serving it and what Redis is doing.

export interface QueueStatus {
  /** `taosim worker` processes connected to the tasks queue now. */
  workers: number;
  /** Tasks of this run with no result yet. */
  waiting: number;
  /** Tasks enqueued again because Redis lost their jobs (restart, eviction). */
  requeued: number;
  /** null while Redis answers, else the last connection error (e.g. ECONNREFUSED). */
  redisError: string | null;
}

/** "0 workers, 12 tasks waiting" (+ re-enqueued count, + Redis trouble when there is any). */
export function describeQueueStatus(s: QueueStatus): string {
  let text = `${s.workers} worker${s.workers === 1 ? "" : "s"}, ${s.waiting} task${s.waiting === 1 ? "" : "s"} waiting`;
  if (s.requeued > 0) text += `, ${s.requeued} re-enqueued`;
  if (s.redisError !== null) text += `, Redis unreachable (${s.redisError}), retrying`;
  return text;
}
