import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { immuneOwnerUids, isImmune, neuronToPrune, type PruneInput } from "./pruning.js";
import { networkLockCost } from "./lockCost.js";

const base = (over: Partial<PruneInput>): PruneInput => ({
  now: 100, emission: [], blockAtRegistration: [], hotkey: [], ownerHotkeys: [], subnetOwnerHotkey: -1,
  immunityPeriod: 10, immuneOwnerUidsLimit: 0, minNonImmuneUids: 0, ...over,
});

describe("get_neuron_to_prune (spec §4.4)", () => {
  it("test_registration_get_uid_to_prune_*: two uids, emission [100, 110] → uid 0 (both immune or both not)", () => {
    expect(neuronToPrune(base({ emission: [100n, 110n], blockAtRegistration: [0, 0], hotkey: [1, 2] }))).toBe(0);
    expect(neuronToPrune(base({ emission: [100n, 110n], blockAtRegistration: [95, 95], hotkey: [1, 2] }))).toBe(0);
  });

  it("test_registration_get_uid_to_prune_owner_immortality: limit 1 → uid 1, limit 2 → uid 2", () => {
    const inp = base({ emission: [0n, 0n, 1n], blockAtRegistration: [0, 1, 2], hotkey: [1, 2, 3], ownerHotkeys: [1, 2], subnetOwnerHotkey: 1 });
    expect(neuronToPrune({ ...inp, immuneOwnerUidsLimit: 1 })).toBe(1);
    expect(neuronToPrune({ ...inp, immuneOwnerUidsLimit: 2 })).toBe(2);
  });

  it("…_all_immune variant: reg blocks 12/11/10, limit 2 → uid 2", () => {
    expect(neuronToPrune(base({ now: 13, immunityPeriod: 100, emission: [0n, 0n, 1n], blockAtRegistration: [12, 11, 10], hotkey: [1, 2, 3], ownerHotkeys: [1, 2], subnetOwnerHotkey: 1, immuneOwnerUidsLimit: 2 }))).toBe(2);
  });

  it("prefers the oldest then lowest uid on equal emission; respects MinNonImmuneUids", () => {
    const inp = base({ emission: [5n, 5n, 5n, 9n], blockAtRegistration: [3, 1, 1, 99], hotkey: [1, 2, 3, 4] });
    expect(neuronToPrune(inp)).toBe(1);
    expect(neuronToPrune({ ...inp, minNonImmuneUids: 3 })).toBe(3); // only 3 non-immune ⇒ best immune (uid 3)
    expect(neuronToPrune(base({}))).toBeNull();
  });

  it("a pruned uid is never immune-owner protected, and non-immune whenever more than MinNonImmuneUids are free", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ e: fc.bigInt({ min: 0n, max: 5n }), r: fc.integer({ min: 0, max: 100 }) }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 5 }), (rows, limit, minFree) => {
        const inp = base({ emission: rows.map((x) => x.e), blockAtRegistration: rows.map((x) => x.r), hotkey: rows.map((_, i) => i + 1), ownerHotkeys: [1, 2, 3], subnetOwnerHotkey: 1, immuneOwnerUidsLimit: limit, minNonImmuneUids: minFree, immunityPeriod: 30 });
        const uid = neuronToPrune(inp);
        if (uid === null) return;
        expect(immuneOwnerUids(inp).has(uid)).toBe(false);
        const free = rows.filter((x, i) => !immuneOwnerUids(inp).has(i) && !isImmune(100, x.r, 30)).length;
        if (free > minFree) expect(isImmune(100, rows[uid].r, 30)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe("get_network_lock_cost (spec §5.1, calc)", () => {
  const TAO = 1_000_000_000n;
  const i = { reductionInterval: 100_800n, minLock: 1000n * TAO };
  it("doubles then decays linearly", () => {
    expect(networkLockCost({ ...i, lastLock: 1000n * TAO, lastLockBlock: 100n, now: 100n })).toBe(2000n * TAO);
    expect(networkLockCost({ ...i, lastLock: 1000n * TAO, lastLockBlock: 100n, now: 50_500n })).toBe(1_500_000_046_400n);
    expect(networkLockCost({ ...i, lastLock: 1500n * TAO, lastLockBlock: 100n, now: 50_500n })).toBe(2_250_000_019_200n);
    expect(networkLockCost({ ...i, lastLock: 1500n * TAO, lastLockBlock: 100n, now: 100_900n })).toBe(1_500_000_038_400n);
    expect(networkLockCost({ ...i, lastLock: 1000n * TAO, lastLockBlock: 0n, now: 5n })).toBe(1000n * TAO);
  });
});
