import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makePool } from "../pool/pool.js";
import { addStake, addStakeLimit, removeStake, removeStakeLimit, unstakeAll } from "./stakeOps.js";
import { moveStake, swapStake, transferStake } from "./moveOps.js";
import { StakingState } from "./stakingState.js";

const TAO = 1_000_000_000n;
/** Coldkeys 1 and 2, hotkeys 10 and 11 (owned by 1), subnets 0 (root, stable), 1 and 2 (dynamic). */
function world(): StakingState {
  const s = new StakingState();
  s.addSubnet(0, makePool(0n, 0n, { mechanism: 0 }));
  s.addSubnet(1, makePool(100n * TAO, 100n * TAO));
  s.addSubnet(2, makePool(400n * TAO, 100n * TAO));
  s.hotkeyOwner.set(10, 1);
  s.hotkeyOwner.set(11, 1);
  s.freeBalance.set(1, 1000n * TAO);
  s.freeBalance.set(2, 1000n * TAO);
  return s;
}
const snap = (s: StakingState) =>
  JSON.stringify([s.totalStake, [...s.freeBalance].sort(), [...s.subnets].map(([n, x]) => [n, x.pool]), [...s.sharePools].map(([k, p]) => [k, p.sharedValue, p.denominator, [...p.shares]]).sort()], (_k, v) =>
    typeof v === "bigint" ? v.toString() : v,
  );

describe("staking operations", () => {
  it("add_stake buys alpha at the pool price, charges the swap fee, credits the share", () => {
    const s = world();
    const r = addStake(s, 2, 10, 1, TAO);
    // fee = floor(1e9·33/65535) = 503_547; out = floor(1e11·999_496_453/(1e11 + 999_496_453)) = 989_605_382
    expect(r).toEqual({ ok: true, taoStaked: TAO, alpha: 989_605_382n, fee: 503_547n });
    expect(s.stakeOf(10, 2, 1)).toBe(989_605_382n);
    expect(s.balance(2)).toBe(999n * TAO);
    expect(s.subnets.get(1)!.pool).toMatchObject({ taoReserve: 100n * TAO + 999_496_453n, alphaReserve: 100n * TAO - 989_605_382n, alphaOut: 989_605_382n });
  });

  it("root stake is 1:1 without fee", () => {
    const s = world();
    expect(addStake(s, 2, 10, 0, TAO)).toEqual({ ok: true, taoStaked: TAO, alpha: TAO, fee: 0n });
  });

  it("refusals: AmountTooLow (min 2_001_007 incl. fee), NotEnoughBalanceToStake, HotKeyAccountNotExists, SubtokenDisabled, SubnetNotExists, SlippageTooHigh", () => {
    const s = world();
    const before = snap(s);
    expect(addStake(s, 2, 10, 1, 2_001_006n)).toEqual({ ok: false, error: "AmountTooLow" });
    expect(addStake(s, 2, 10, 1, 2_001_007n).ok).toBe(true);
    const s2 = world();
    expect(addStake(s2, 2, 10, 1, 2000n * TAO)).toEqual({ ok: false, error: "NotEnoughBalanceToStake" });
    expect(addStake(s2, 2, 99, 1, TAO)).toEqual({ ok: false, error: "HotKeyAccountNotExists" });
    expect(addStake(s2, 2, 10, 7, TAO)).toEqual({ ok: false, error: "SubnetNotExists" });
    s2.subnets.get(2)!.subtokenEnabled = false;
    expect(addStake(s2, 2, 10, 2, TAO)).toEqual({ ok: false, error: "SubtokenDisabled" });
    expect(addStakeLimit(s2, 2, 10, 1, 10n * TAO, 1_010_000_000n, false)).toEqual({ ok: false, error: "SlippageTooHigh" });
    expect(addStakeLimit(s2, 2, 10, 1, 10n * TAO, 500_000_000n, true)).toEqual({ ok: false, error: "PriceLimitExceeded" });
    expect(snap(s2)).toBe(snap((() => { const w = world(); w.subnets.get(2)!.subtokenEnabled = false; return w; })()));
    expect(before).not.toBe(snap(s));
  });

  it("add_stake_limit with allow_partial fills up to the limit price", () => {
    const s = world();
    const r = addStakeLimit(s, 2, 10, 1, 10n * TAO, 1_010_000_000n, true);
    expect(r.ok && r.taoStaked).toBeGreaterThan(0n);
    expect(r.ok && r.taoStaked).toBeLessThan(10n * TAO);
  });

  it("remove_stake sells alpha; unstaking more than held is capped; partial exits must keep ≥ DefaultMinStake value", () => {
    const s = world();
    addStake(s, 2, 10, 1, 10n * TAO);
    const held = s.stakeOf(10, 2, 1);
    expect(removeStake(s, 2, 10, 1, 1_000n)).toEqual({ ok: false, error: "AmountTooLow" });
    const r = removeStake(s, 2, 10, 1, held * 10n);
    expect(r.ok && r.alphaUnstaked).toBe(held);
    expect(s.stakeOf(10, 2, 1)).toBe(0n);
    expect(removeStake(s, 2, 10, 1, 1n)).toEqual({ ok: false, error: "AmountTooLow" });
    expect(removeStakeLimit(s, 2, 10, 1, 1n, 2n * TAO, false)).toEqual({ ok: false, error: "PriceLimitExceeded" });
  });

  it("unstake_all sells every subnet's stake; refuses with AmountTooLow when nothing is staked", () => {
    const s = world();
    addStake(s, 2, 10, 1, TAO);
    addStake(s, 2, 10, 0, TAO);
    const r = unstakeAll(s, 2, 10);
    expect(r).toMatchObject({ ok: true, netuids: [0, 1] });
    expect(unstakeAll(s, 2, 10)).toEqual({ ok: false, error: "AmountTooLow" });
  });

  it("move / transfer / swap stake: fee once, SameNetuid, TransferDisallowed", () => {
    const s = world();
    addStake(s, 2, 10, 1, 10n * TAO);
    const a = s.stakeOf(10, 2, 1);
    expect(moveStake(s, 2, 10, 10, 1, 1, a)).toEqual({ ok: false, error: "SameNetuid" });
    const m = moveStake(s, 2, 10, 11, 1, 1, a / 2n);
    expect(m).toMatchObject({ ok: true, alphaMoved: a / 2n, restaked: false });
    expect(s.stakeOf(11, 2, 1)).toBe(a / 2n);
    s.subnets.get(2)!.transferToggle = false;
    expect(transferStake(s, 2, 1, 11, 1, 2, a / 4n)).toEqual({ ok: false, error: "TransferDisallowed" });
    const sw = swapStake(s, 2, 11, 1, 2, a / 4n);
    expect(sw).toMatchObject({ ok: true, restaked: true });
    expect(s.stakeOf(11, 2, 2)).toBeGreaterThan(0n);
  });

  it("nominators keep proportional claims when emission is added to the hotkey", () => {
    const s = world();
    addStake(s, 1, 10, 1, 30n * TAO);
    addStake(s, 2, 10, 1, 10n * TAO);
    const a1 = s.stakeOf(10, 1, 1);
    const a2 = s.stakeOf(10, 2, 1);
    s.addHotkeyEmission(10, 1, 1_000_000_000n);
    const g1 = s.stakeOf(10, 1, 1) - a1;
    const g2 = s.stakeOf(10, 2, 1) - a2;
    expect(Number(g1) / Number(g2)).toBeCloseTo(Number(a1) / Number(a2), 6);
  });
});

describe("staking properties", () => {
  it("random operation sequences: balances and reserves never negative; refusals leave the state unchanged; claims sum to the hotkey stake", () => {
    const op = fc.record({ kind: fc.integer({ min: 0, max: 4 }), ck: fc.integer({ min: 1, max: 2 }), hk: fc.constantFrom(10, 11), net: fc.integer({ min: 0, max: 2 }), net2: fc.integer({ min: 0, max: 2 }), amt: fc.bigInt({ min: 0n, max: 50n * TAO }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const s = world();
        for (const o of ops) {
          const before = snap(s);
          const r =
            o.kind === 0 ? addStake(s, o.ck, o.hk, o.net, o.amt)
            : o.kind === 1 ? removeStake(s, o.ck, o.hk, o.net, o.amt)
            : o.kind === 2 ? swapStake(s, o.ck, o.hk, o.net, o.net2, o.amt)
            : o.kind === 3 ? moveStake(s, o.ck, o.hk, o.hk === 10 ? 11 : 10, o.net, o.net2, o.amt)
            : (s.addHotkeyEmission(o.hk, o.net, o.amt / 1000n), { ok: true });
          if (!r.ok) expect(snap(s)).toBe(before);
        }
        for (const [, b] of s.freeBalance) expect(b >= 0n).toBe(true);
        for (const [, x] of s.subnets) expect(x.pool.taoReserve >= 0n && x.pool.alphaReserve >= 0n).toBe(true);
        for (const [, p] of s.sharePools) {
          const keys = p.coldkeys();
          if (keys.length === 0) continue;
          const sum = keys.reduce((t, k) => t + p.getValue(k), 0n);
          expect(p.sharedValue - sum >= 0n && p.sharedValue - sum <= BigInt(keys.length)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("a stake then an immediate full unstake never returns more than was put in", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 3_000_000n, max: 500n * TAO }), (tao) => {
        const s = world();
        const b0 = s.balance(2);
        if (!addStake(s, 2, 10, 1, tao).ok) return;
        removeStake(s, 2, 10, 1, s.stakeOf(10, 2, 1));
        expect(s.balance(2) <= b0).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
