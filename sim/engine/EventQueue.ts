// Binary min-heap of events by (block, phase, seq). `seq` is a per-queue counter, so the order of two
// events in one block and phase is their scheduling order, and no state leaks between runs.
import { compareEvents, type SimEvent, type SimEventBody } from "./events.js";
import type { Phase } from "./phases.js";

export class EventQueue {
  private heap: SimEvent[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Schedules `body` at (block, phase); returns the event with its sequence number. */
  push(block: number, phase: Phase, body: SimEventBody): SimEvent {
    if (!Number.isSafeInteger(block) || block < 0) throw new RangeError(`event block must be a non-negative integer, got ${block}`);
    const e = { ...body, block, phase, seq: this.nextSeq++ } as SimEvent;
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (compareEvents(h[p], e) <= 0) break;
      h[i] = h[p];
      i = p;
    }
    h[i] = e;
    return e;
  }

  /** Block of the earliest event, or +Infinity when empty. */
  peekBlock(): number {
    return this.heap.length > 0 ? this.heap[0].block : Infinity;
  }

  peek(): SimEvent | undefined {
    return this.heap[0];
  }

  pop(): SimEvent | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop() as SimEvent;
    if (h.length > 0) {
      let i = 0;
      const n = h.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && compareEvents(h[r], h[l]) < 0 ? r : l;
        if (compareEvents(h[c], last) >= 0) break;
        h[i] = h[c];
        i = c;
      }
      h[i] = last;
    }
    return top;
  }
}
