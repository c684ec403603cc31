import { describe, expect, it } from "vitest";
import { EventQueue } from "./EventQueue.js";
import { Phase } from "./phases.js";

const drain = (q: EventQueue) => {
  const out: string[] = [];
  for (let e = q.pop(); e !== undefined; e = q.pop()) out.push(`${e.block}/${e.phase}/${e.seq}/${e.kind}`);
  return out;
};

describe("EventQueue", () => {
  it("orders events by block, then phase (chain block order), then scheduling order", () => {
    const q = new EventQueue();
    q.push(5, Phase.sample, { kind: "sample", table: "chain" });
    q.push(5, Phase.extrinsic, { kind: "scheduled", index: 0 });
    q.push(3, Phase.extrinsic, { kind: "scheduled", index: 1 });
    q.push(5, Phase.epoch, { kind: "epoch", netuid: 1 });
    q.push(5, Phase.extrinsic, { kind: "scheduled", index: 2 });
    q.push(5, Phase.epoch, { kind: "epoch", netuid: 2 });
    expect(drain(q)).toEqual([
      "3/2/2/scheduled",
      "5/1/3/epoch",
      "5/1/5/epoch",
      "5/2/1/scheduled",
      "5/2/4/scheduled",
      "5/3/0/sample",
    ]);
  });

  it("keeps the order of 1000 same-block events and scopes seq to the queue", () => {
    const a = new EventQueue();
    for (let i = 0; i < 1000; i++) a.push(7, Phase.extrinsic, { kind: "scheduled", index: 999 - i });
    const got: number[] = [];
    for (let e = a.pop(); e !== undefined; e = a.pop()) if (e.kind === "scheduled") got.push(e.index);
    expect(got).toEqual(Array.from({ length: 1000 }, (_, i) => 999 - i));
    const b = new EventQueue();
    expect(b.push(0, Phase.sample, { kind: "sample", table: "subnets" }).seq).toBe(0);
  });

  it("reports +Infinity as the next block when empty and refuses negative blocks", () => {
    const q = new EventQueue();
    expect(q.peekBlock()).toBe(Infinity);
    expect(() => q.push(-1, Phase.epoch, { kind: "epoch", netuid: 1 })).toThrow("non-negative integer");
  });
});
