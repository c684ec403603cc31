// Childkeys against subtensor tests/children.rs (14bc6f9f): exact inherited stakes, the pending
// cool-down, the consistency checks and the storage the chain writes.
import { describe, expect, it } from "vitest";
import {
  type ChildLink, type ChildkeyLinks, PendingChildKeys, checkChildkeyTake, doSetPendingChildren, persistChildren, scheduleChildren, trySetPendingChildren,
} from "./childkeys.js";
import { inheritedAlpha, inheritedTao, stakeWeightForHotkey } from "./stakeInheritance.js";

const U64_MAX = (1n << 64n) - 1n;
const NET = 1;
const links = (): ChildkeyLinks => ({ children: [new Map(), new Map()], parents: [new Map(), new Map()] });
const stakes = (m: Record<number, bigint>) => (hk: number): bigint => m[hk] ?? 0n;
const ctx = { block: 100, subtokenEnabled: true, mayHaveChildren: true };
const kids = (...c: Array<[bigint, number]>): ChildLink[] => c.map(([proportion, hotkey]) => ({ proportion, hotkey }));

describe("get_inherited_for_hotkey_on_subnet (tests/children.rs)", () => {
  it("test_children_stake_values: three children at u64::MAX/4 of 100_000 TAO", () => {
    const l = links();
    expect(persistChildren(l, NET, 2, kids([U64_MAX / 4n, 3], [U64_MAX / 4n, 4], [U64_MAX / 4n, 5]))).toBe(true);
    const alpha = stakes({ 2: 100_000_000_000_000n });
    expect(inheritedAlpha(l, 2, NET, alpha)).toBe(25_000_000_069_849n);
    for (const c of [3, 4, 5]) expect(inheritedAlpha(l, c, NET, alpha)).toBe(24_999_999_976_716n);
    const sum = [2, 3, 4, 5].reduce((a, h) => a + inheritedAlpha(l, h, NET, alpha), 0n);
    expect(sum).toBe(99_999_999_999_997n);
  });

  it("multiple parents, single child: 500 / 1000 / 1499 (±10)", () => {
    const l = links();
    persistChildren(l, NET, 1, kids([U64_MAX / 2n, 3]));
    persistChildren(l, NET, 2, kids([U64_MAX / 2n, 3]));
    const alpha = stakes({ 1: 1000n, 2: 2000n });
    for (const [hk, want] of [[1, 500], [2, 1000], [3, 1499]] as const) {
      expect(Math.abs(Number(inheritedAlpha(l, hk, NET, alpha)) - want)).toBeLessThanOrEqual(10);
    }
  });

  it("root stake moves the same way (get_tao_inherited); root netuid returns the own alpha; stake weight adds tao·w", () => {
    const l = links();
    persistChildren(l, NET, 1, kids([U64_MAX / 2n, 3]));
    const root = stakes({ 1: 1_000_000n });
    expect(inheritedTao(l, 3, NET, root)).toBe(499_999n); // ⌊1e6 · ⌊2^63−1 ·2^32 / (2^64−1)⌋ / 2^32⌋
    expect(inheritedAlpha(l, 1, 0, stakes({ 1: 7n }))).toBe(7n);
    const w = stakeWeightForHotkey(l, 3, NET, stakes({}), root, U64_MAX);
    expect(w.alpha).toBe(0n);
    expect(Number(w.total) / 2 ** 64).toBeCloseTo(499_999, 3);
  });
});

describe("pending childkeys (do_schedule_children, do_set_pending_children, try_set_pending_children)", () => {
  it("test_do_set_child_cooldown_period: nothing applies before cool-down block + 1, then ChildKeys and ParentKeys", () => {
    const l = links();
    const p = new PendingChildKeys();
    expect(p.cooldown).toBe(7_200);
    expect(scheduleChildren(l, p, 2, NET, kids([1000n, 3]), ctx)).toBeNull();
    expect(p.get(NET, 2)).toEqual({ children: kids([1000n, 3]), coolDownBlock: 7_300 });
    expect(doSetPendingChildren(l, p, NET, 7_300, true)).toEqual([]); // cool_down_block < block is strict
    expect(l.children[NET].get(2)).toBeUndefined();
    expect(doSetPendingChildren(l, p, NET, 7_301, true)).toEqual([2]);
    expect(l.children[NET].get(2)).toEqual(kids([1000n, 3]));
    expect(l.parents[NET].get(3)).toEqual(kids([1000n, 2]));
    expect(p.get(NET, 2)).toBeUndefined();
  });

  it("before start_call children apply at once; try_set_pending_children only runs where the epoch ran this block", () => {
    const l = links();
    const p = new PendingChildKeys();
    scheduleChildren(l, p, 2, NET, kids([5n, 3]), { ...ctx, subtokenEnabled: false });
    expect(l.children[NET].get(2)).toEqual(kids([5n, 3]));
    scheduleChildren(l, p, 2, NET, kids([6n, 4]), ctx);
    trySetPendingChildren(l, p, 9_000, [NET], () => 8_999, () => true);
    expect(l.children[NET].get(2)).toEqual(kids([5n, 3]));
    trySetPendingChildren(l, p, 9_000, [NET], () => 9_000, () => true);
    expect(l.children[NET].get(2)).toEqual(kids([6n, 4])); // the old child's ParentKeys edge is removed
    expect(l.parents[NET].get(3)).toBeUndefined();
    expect(l.parents[NET].get(4)).toEqual(kids([6n, 2]));
  });

  it("refusals: root netuid, duplicate child, self, more than 5, proportion sum above u64::MAX, child that is a parent, stake threshold", () => {
    const l = links();
    const p = new PendingChildKeys();
    expect(scheduleChildren(l, p, 2, 0, kids([1n, 3]), ctx)).toBe("RegistrationNotPermittedOnRootSubnet");
    expect(scheduleChildren(l, p, 2, NET, kids([1n, 3], [2n, 3]), ctx)).toBe("DuplicateChild");
    expect(scheduleChildren(l, p, 2, NET, kids([1n, 2]), ctx)).toBe("InvalidChild");
    expect(scheduleChildren(l, p, 2, NET, kids([1n, 3], [1n, 4], [1n, 5], [1n, 6], [1n, 7], [1n, 8]), ctx)).toBe("TooManyChildren");
    expect(scheduleChildren(l, p, 2, NET, kids([U64_MAX, 3], [1n, 4]), ctx)).toBe("ProportionOverflow");
    persistChildren(l, NET, 9, kids([1n, 2]));
    expect(scheduleChildren(l, p, 2, NET, kids([1n, 9]), ctx)).toBe("ChildParentInconsistency");
    expect(scheduleChildren(l, p, 2, NET, kids([1n, 3]), { ...ctx, mayHaveChildren: false })).toBe("NotEnoughStakeToSetChildkeys");
    expect(scheduleChildren(l, p, 2, NET, [], { ...ctx, mayHaveChildren: false })).toBeNull(); // revoking needs no stake
    expect(p.byNetuid.get(0)).toBeUndefined();
  });
});

describe("do_set_childkey_take range (test_do_set_childkey_take_invalid_take_value)", () => {
  it("takes in [effective min, 11_796] are accepted; 11_797 or below the subnet's min is InvalidChildkeyTake", () => {
    expect(checkChildkeyTake(11_796, 0)).toBeNull();
    expect(checkChildkeyTake(0, 0)).toBeNull();
    expect(checkChildkeyTake(11_797, 0)).toBe("InvalidChildkeyTake");
    expect(checkChildkeyTake(100, 655)).toBe("InvalidChildkeyTake");
  });
});
