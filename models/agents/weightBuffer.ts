// A reusable buffer for one validator's weight proposal (no allocation per epoch).
import type { WeightsAction } from "./types.js";

export class WeightBuffer {
  readonly action: WeightsAction;

  constructor(netuid: number, uid: number, capacity: number) {
    this.action = {
      kind: "set-weights",
      netuid,
      uid,
      uids: new Int32Array(capacity),
      weights: new Float64Array(capacity),
      len: 0,
    };
  }

  /** Grows the buffer for a subnet that now has `n` uids. */
  ensure(n: number): void {
    if (this.action.uids.length >= n) return;
    this.action.uids = new Int32Array(n);
    this.action.weights = new Float64Array(n);
  }

  /** Copies another proposal into this buffer. */
  copyFrom(a: WeightsAction): void {
    this.ensure(a.len);
    this.action.uids.set(a.uids.subarray(0, a.len));
    this.action.weights.set(a.weights.subarray(0, a.len));
    this.action.len = a.len;
  }

  clear(): void {
    this.action.len = 0;
  }

  push(uid: number, weight: number): void {
    const a = this.action;
    a.uids[a.len] = uid;
    a.weights[a.len] = weight;
    a.len++;
  }
}
