import { describe, expect, it } from "vitest";
import { EventQueue } from "./EventQueue.js";
import type { SimEvent } from "./events.js";
import { Phase } from "./phases.js";
import { runEngine, type EngineWorld } from "./runEngine.js";

/** A world with one subnet whose epoch runs every `tempo` blocks (at block k·tempo, k ≥ 1). */
function fakeWorld(tempo: number): EngineWorld & { steps: number[] } {
  const steps: number[] = [];
  return {
    steps,
    blockStep(block) {
      steps.push(block);
      return block > 0 && block % tempo === 0 ? 1 : 0;
    },
    drainedNetuid: () => 1,
    nextEpochBlock: () => (Math.floor(steps.length / tempo) + 1) * tempo,
  };
}

describe("runEngine", () => {
  it("steps every block once and turns only epoch blocks and scheduled blocks into events", () => {
    const world = fakeWorld(10);
    const queue = new EventQueue();
    queue.push(13, Phase.extrinsic, { kind: "scheduled", index: 0 });
    const seen: string[] = [];
    const stats = runEngine({ world, queue, startBlock: 0, endBlock: 35, handle: (e: SimEvent) => seen.push(`${e.block}:${e.kind}`) });
    expect(world.steps).toEqual(Array.from({ length: 35 }, (_, b) => b));
    expect(seen).toEqual(["10:epoch", "13:scheduled", "20:epoch", "30:epoch"]);
    expect(stats).toEqual({ blocks: 35, eventBlocks: 4, events: 4 });
  });

  it("runs the epoch phase before extrinsics of the same block, and handlers may schedule more", () => {
    const world = fakeWorld(5);
    const queue = new EventQueue();
    queue.push(5, Phase.extrinsic, { kind: "scheduled", index: 0 });
    const seen: string[] = [];
    runEngine({
      world, queue, startBlock: 0, endBlock: 6,
      handle: (e, q) => {
        seen.push(`${e.block}:${e.phase}:${e.kind}`);
        if (e.kind === "epoch") q.push(e.block, Phase.sample, { kind: "sample", table: "chain" });
      },
    });
    expect(seen).toEqual(["5:1:epoch", "5:2:scheduled", "5:3:sample"]);
  });

  it("catches an epoch the lower bound missed (it still becomes an event at its block)", () => {
    const world = fakeWorld(4);
    world.nextEpochBlock = () => Infinity; // a world that cannot predict its epochs
    const seen: number[] = [];
    runEngine({ world, queue: new EventQueue(), startBlock: 0, endBlock: 13, handle: (e) => seen.push(e.block) });
    expect(seen).toEqual([4, 8, 12]);
    expect(world.steps.length).toBe(13);
  });

  it("still steps every block when the world's next-epoch bound lies in the past (deferred epochs)", () => {
    const world = fakeWorld(4);
    world.nextEpochBlock = () => 0;
    const seen: number[] = [];
    const stats = runEngine({ world, queue: new EventQueue(), startBlock: 0, endBlock: 10, handle: (e) => seen.push(e.block) });
    expect(world.steps).toEqual(Array.from({ length: 10 }, (_, b) => b));
    expect(seen).toEqual([4, 8]);
    expect(stats.eventBlocks).toBe(10);
  });
});
