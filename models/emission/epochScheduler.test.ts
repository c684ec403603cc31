// should_run_epoch / drain_pending (emission.md §4.3–§4.4).
import { describe, expect, it } from "vitest";
import { addSubnet, createChainEconomy } from "./chainEconomy.js";
import { drainPending, nextEpochStartBlock, shouldRunEpoch, triggerEpoch } from "./epochScheduler.js";

function net(subnets: number, tempo: number) {
  const s = createChainEconomy({ netuids: subnets + 1, hotkeys: 1 });
  for (let i = 1; i <= subnets; i++) addSubnet(s, { netuid: i, tempo });
  return s;
}

function firingBlocks(s: ReturnType<typeof net>, netuid: number, to: number): number[] {
  const out: number[] = [];
  for (let b = 1; b <= to; b++) {
    const n = drainPending(s, b);
    for (let k = 0; k < n; k++) if (s.scratch.drained[k] === netuid) out.push(b);
  }
  return out;
}

describe("epoch scheduler", () => {
  it("fires at LastEpochBlock + tempo, then every tempo blocks", () => {
    expect(firingBlocks(net(1, 360), 1, 1100)).toEqual([360, 720, 1080]);
  });

  it("tempo 0 never fires", () => {
    expect(firingBlocks(net(1, 0), 1, 1000)).toEqual([]);
  });

  it("an owner trigger fires at PendingEpochAt and re-anchors the period", () => {
    const s = net(1, 360);
    triggerEpoch(s, 1, 100);
    expect(nextEpochStartBlock(s, 1)).toBe(100);
    expect(firingBlocks(s, 1, 500)).toEqual([100, 460]);
  });

  it("MaxEpochsPerBlock defers the third due subnet by one block without advancing its schedule", () => {
    const s = net(3, 10);
    expect(drainPending(s, 10)).toBe(2);
    expect(Array.from(s.scratch.drained.subarray(0, 2))).toEqual([1, 2]);
    expect(s.pendingEpochAt[3]).toBe(11);
    expect(s.lastEpochBlock[3]).toBe(0);
    expect(drainPending(s, 11)).toBe(1);
    expect(s.scratch.drained[0]).toBe(3);
    expect(s.lastEpochBlock[3]).toBe(11);
    expect(s.pendingEpochAt[3]).toBe(0);
  });

  it("MAX_TEMPO safety net fires once BlocksSinceLastStep exceeds 50_400", () => {
    const s = net(1, 65_535);
    s.blocksSinceLastStep[1] = 50_400;
    expect(shouldRunEpoch(s, 1, 5)).toBe(false);
    expect(drainPending(s, 5)).toBe(1); // incremented to 50_401 first
  });

  it("an inconsistent epoch input consumes the slot but keeps the pending buckets", () => {
    const s = net(1, 10);
    s.epochInputConsistent[1] = 0;
    s.pendingServer[1] = 123n;
    expect(drainPending(s, 10)).toBe(0);
    expect(s.pendingServer[1]).toBe(123n);
    expect(s.lastEpochBlock[1]).toBe(10);
    expect(s.epochIndex[1]).toBe(1);
    expect(s.blocksSinceLastStep[1]).toBe(1);
  });
});
