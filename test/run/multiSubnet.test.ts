// Many subnets with one tempo: MaxEpochsPerBlock (2) defers epochs to the next blocks; every subnet
// still runs every epoch, and neuron rows carry the block where each epoch actually ran.
import { describe, expect, it } from "vitest";
import { resolveScenario } from "../../scenarios/schema.js";
import { executeRun } from "../../sim/run/runTask.js";

describe("multi-subnet epochs", () => {
  it("five subnets of tempo 100 each run 9 epochs in 1000 blocks, at most 2 per block", () => {
    const sc = resolveScenario({
      name: "m",
      duration: { blocks: 1000 },
      subnets: Array.from({ length: 5 }, (_, k) => ({ netuid: k + 1, tempo: 100, validators: [{ count: 2 }], miners: [{ count: 3 }] })),
    });
    const r = executeRun({ index: 0, point: 0, replicate: 0, seed: 1, params: {} }, sc);
    const t = r.tables.neurons;
    const [net, ep, blk, uid] = ["netuid", "epoch", "block", "uid"].map((c) => t.names.indexOf(c));
    const epochBlocks = new Map<number, number[]>();
    for (let k = 0; k < t.rows; k++) {
      if (t.cell(k, uid) !== 0) continue;
      const n = Number(t.cell(k, net));
      epochBlocks.set(n, [...(epochBlocks.get(n) ?? []), Number(t.cell(k, blk))]);
      expect(t.cell(k, ep)).toBe(epochBlocks.get(n)!.length);
    }
    expect([...epochBlocks.keys()].sort()).toEqual([1, 2, 3, 4, 5]);
    for (const blocks of epochBlocks.values()) expect(blocks.length).toBe(9);
    expect(epochBlocks.get(1)!.slice(0, 2)).toEqual([100, 200]);
    expect(epochBlocks.get(5)![0]).toBe(102); // deferred twice at block 100
    const perBlock = new Map<number, number>();
    for (const blocks of epochBlocks.values()) for (const b of blocks) perBlock.set(b, (perBlock.get(b) ?? 0) + 1);
    expect(Math.max(...perBlock.values())).toBe(2);
  });
});
