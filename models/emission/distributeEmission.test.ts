// Distribution at drain (emission.md §5): chain tests CB::* and hand-checked cases.
import { describe, expect, it } from "vitest";
import { type ChainEconomy, registerUid } from "./chainEconomy.js";
import { type DistributionReport, distributeEmission, dividendDistribution } from "./distributeEmission.js";
import { U64_MAX, toU64From96, u96 } from "./fixedPoint.js";
import { ledger } from "./ledger.js";
import { addNetwork, emissionVectors, epochOf, mintDrained, mintStake, mockNet } from "../../test/helpers/emissionTestNet.js";

/** Subnet 1 (stable) with hotkeys 0..n−1 at UIDs 0..n−1, each owned by coldkey 100 + hk. */
function net(n: number): ChainEconomy {
  const s = mockNet(2, 8);
  addNetwork(s, 1, 360);
  for (let u = 0; u < n; u++) {
    registerUid(s, 1, u, u);
    s.keys.owner[u] = 100 + u;
  }
  return s;
}

function drain(s: ChainEconomy, S: bigint, V: bigint, R: bigint, O: bigint, server: number[], validator: number[]): DistributionReport {
  mintDrained(s, 1, S + V + R + O);
  const rep = distributeEmission(s, 1, S, V, R, O, epochOf(server, validator));
  for (const a of ledger(s).alpha) expect(a.outstandingImbalance).toBe(0n);
  return rep;
}

const near = (a: bigint, b: bigint, eps: number): void => expect(Math.abs(Number(a - b))).toBeLessThanOrEqual(eps);

describe("calculate_dividend_distribution (emission.md §5.4)", () => {
  const v = emissionVectors.dividendDistributionTotals;
  const run = (vv: bigint, r: bigint, w: bigint) =>
    dividendDistribution(vv, r, w, v.alphaStake.map(BigInt), v.rootStake.map(BigInt), v.dividends.map((d: string) => u96(BigInt(d))));

  it("CB::test_calculate_dividend_distribution_totals: Σα = Vv, Σroot = R (±1000); [emu] per hotkey exact", () => {
    const out = run(BigInt(v.validatorAlpha), BigInt(v.rootAlpha), BigInt(v.wTaoRaw));
    expect(out.alpha.map(toU64From96)).toEqual(v.expectAlpha.map(BigInt));
    expect(out.root.map(toU64From96)).toEqual(v.expectRoot.map(BigInt));
    near(out.alpha.map(toU64From96).reduce((a, b) => a + b), BigInt(v.validatorAlpha), 1000);
    near(out.root.map(toU64From96).reduce((a, b) => a + b), BigInt(v.rootAlpha), 1000);
  });

  it("CB::test_calculate_dividend_distribution_total_no_tao_weight / _only_tao / _only_alpha", () => {
    const noW = run(BigInt(v.validatorAlpha), 0n, 0n);
    expect(noW.alpha.map(toU64From96)).toEqual(v.expectAlphaNoTaoWeight.map(BigInt));
    expect(noW.root.map(toU64From96)).toEqual([0n, 0n]);
    const onlyTao = run(0n, BigInt(v.rootAlpha), BigInt(v.wTaoRaw));
    near(onlyTao.root.map(toU64From96).reduce((a, b) => a + b), BigInt(v.rootAlpha), 1000);
    const onlyAlpha = run(BigInt(v.validatorAlpha), 0n, BigInt(v.wTaoRaw));
    near(onlyAlpha.alpha.map(toU64From96).reduce((a, b) => a + b), BigInt(v.validatorAlpha), 1000);
  });
});

describe("distribute_emission (emission.md §5.1–§5.5)", () => {
  it("CB::test_calculate_dividends_and_incentives: incentive + dividend = 806_508_712 exactly", () => {
    const s = net(1);
    s.keys.take[0] = 0; // the chain test checks the split before the delegate take's floors
    mintStake(s, 1, 0, 1_000_000_000n);
    const rep = drain(s, 683_051_923n, 123_456_789n, 0n, 0n, [683_051_923], [123_456_789]);
    expect(rep.miners + rep.validatorTake + rep.nominators).toBe(806_508_712n);
    expect(rep.unowned).toBe(0n);
  });

  it("CB::test_calculate_dividends_and_incentives_only_validators / _only_miners pass through exactly", () => {
    const a = net(1);
    a.keys.take[0] = 0;
    mintStake(a, 1, 0, 1n);
    drain(a, 0n, 123_456_789n, 0n, 0n, [0], [123_456_789]);
    expect(a.validatorAlphaTotal[1]).toBe(123_456_789n);
    const b = net(1);
    const rep = drain(b, 683_051_923n, 0n, 0n, 0n, [683_051_923], [0]);
    expect(rep.miners).toBe(683_051_923n);
  });

  it("CB::test_drain_base_with_subnet_with_single_staker_registered: stake 2e9 (±10), Vv = S + V", () => {
    const s = net(1);
    mintStake(s, 1, 0, 1_000_000_000n);
    drain(s, 500_000_000n, 500_000_000n, 0n, 0n, [0], [1_000_000_000]);
    near(s.keys.stake[1][0], 2_000_000_000n, 10);
  });

  it("CB::test_drain_base_with_subnet_with_single_staker_not_registered: stake unchanged", () => {
    const s = net(0);
    mintStake(s, 1, 0, 1_000_000_000n);
    const rep = drain(s, 500_000_000n, 500_000_000n, 0n, 0n, [0], [0]);
    expect(s.keys.stake[1][0]).toBe(1_000_000_000n);
    expect(rep.unowned).toBe(1_000_000_000n);
  });

  it("CB::test_drain_base_with_subnet_with_single_staker_registered_root_weight: α 2e9, root 1e9, R claimable", () => {
    const s = net(1);
    s.params.taoWeight = U64_MAX;
    s.keys.take[0] = 0;
    mintStake(s, 1, 0, 1_000_000_000n);
    mintStake(s, 0, 0, 1_000_000_000n);
    const rep = drain(s, 500_000_000n, 500_000_000n, 1_000_000_000n, 0n, [0], [2_000_000_000]);
    near(s.keys.stake[1][0], 2_000_000_000n, 10);
    near(s.keys.stake[0][0], 1_000_000_000n, 10);
    near(rep.rootClaimable, 1_000_000_000n, 10);
  });

  it("CB::test_drain_base_with_subnet_with_two_stakers_registered(_and_root): each 1.5e9 (±10)", () => {
    // the epoch's validator emission follows inherited stake alpha + root·w (yuma.md §4.3)
    const cases: [bigint, bigint, bigint, number[]][] = [
      [0n, 0n, 0n, [500_000_000, 500_000_000]],
      [U64_MAX, 2_000_000_000n, 1_000_000_000n, [600_000_000, 400_000_000]],
      [U64_MAX / 2n + 1n, 2_000_000_000n, 1_000_000_000n, [571_428_571, 428_571_428]],
    ];
    for (const [w, r0, r1, div] of cases) {
      const s = net(2);
      s.params.taoWeight = w;
      s.keys.take.fill(0);
      mintStake(s, 1, 0, 1_000_000_000n);
      mintStake(s, 1, 1, 1_000_000_000n);
      if (r0 > 0n) mintStake(s, 0, 0, r0);
      if (r1 > 0n) mintStake(s, 0, 1, r1);
      drain(s, 500_000_000n, 500_000_000n, 0n, 0n, [0, 0], div);
      near(s.keys.stake[1][0], 1_500_000_000n, 10);
      near(s.keys.stake[1][1], 1_500_000_000n, 10);
    }
  });

  it("CB::test_get_root_children_drain: Alice and Bob +5e8 exactly; Bob take 100% ⇒ Bob gets 1e9 (±1)", () => {
    for (const take of [0, 65_535]) {
      const s = net(2);
      s.params.taoWeight = U64_MAX;
      s.keys.take.fill(0);
      for (const hk of [0, 1]) {
        mintStake(s, 1, hk, 1_000_000_000n);
        mintStake(s, 0, hk, 1_000_000_000n);
      }
      s.keys.parents[1].set(1, [{ proportion: U64_MAX, hotkey: 0 }]);
      s.keys.children[1].set(0, [{ proportion: U64_MAX, hotkey: 1 }]);
      s.keys.childkeyTake[1][1] = take;
      drain(s, 500_000_000n, 500_000_000n, 0n, 0n, [0, 0], [0, 1_000_000_000]);
      if (take === 0) {
        expect(s.keys.stake[1][0]).toBe(1_500_000_000n);
        expect(s.keys.stake[1][1]).toBe(1_500_000_000n);
      } else {
        expect(s.keys.stake[1][0]).toBe(1_000_000_000n);
        near(s.keys.stake[1][1], 2_000_000_000n, 1);
      }
      expect(s.keys.stake[0][0]).toBe(1_000_000_000n);
    }
  });

  it("CB::test_drain_alpha_childkey_parentkey: parent 1.9e9, child 1e8 (±10_000)", () => {
    const s = net(2);
    mintStake(s, 1, 0, 1_000_000_000n);
    s.keys.parents[1].set(1, [{ proportion: U64_MAX, hotkey: 0 }]);
    s.keys.children[1].set(0, [{ proportion: U64_MAX, hotkey: 1 }]);
    s.keys.childkeyTake[1][1] = 6553;
    drain(s, 500_000_000n, 500_000_000n, 0n, 0n, [0, 0], [0, 1_000_000_000]);
    near(s.keys.stake[1][0], 1_900_000_000n, 10_000);
    near(s.keys.stake[1][1], 100_000_000n, 10_000);
  });

  it("CB::test_incentive_to_subnet_owner_is_burned / owners_hotkey: owner keys get 0, others > 0", () => {
    const s = net(3);
    s.subnetOwnerColdkey[1] = 100;
    s.subnetOwnerHotkey[1] = 0;
    s.keys.owner[1] = 100; // a second hotkey of the owner coldkey, with a UID
    const rep = drain(s, 30_000_000n, 0n, 0n, 0n, [10_000_000, 10_000_000, 10_000_000], [0, 0, 0]);
    expect(s.keys.stake[1][0]).toBe(0n);
    expect(s.keys.stake[1][1]).toBe(0n);
    expect(s.keys.stake[1][2]).toBe(10_000_000n);
    expect(rep.burned).toBe(20_000_000n);
    expect(s.minerBurned[1]).toBe((2n << 32n) / 3n);
  });

  it("CB::test_distribute_emission_no_miners_all_drained: stake 1 → 1_000_001 (±1)", () => {
    const s = net(1);
    mintStake(s, 1, 0, 1n);
    drain(s, 500_000n, 500_000n, 0n, 0n, [0], [1_000_000]);
    near(s.keys.stake[1][0], 1_000_001n, 1);
  });
});

describe("distribution, hand-checked (emission.md §5)", () => {
  it("owner cut goes to the owner hotkey; without an owner it stays unowned", () => {
    const a = net(1);
    a.subnetOwnerColdkey[1] = 7;
    a.subnetOwnerHotkey[1] = 5;
    expect(drain(a, 0n, 0n, 0n, 180_000n, [0], [0]).ownerCut).toBe(180_000n);
    expect(a.keys.stake[1][5]).toBe(180_000n);
    const b = net(1);
    expect(drain(b, 0n, 0n, 0n, 180_000n, [0], [0]).unowned).toBe(180_000n);
  });

  it("delegate take 0 % pays all to nominators, 100 % all to the owner coldkey", () => {
    for (const take of [0, 65_535]) {
      const s = net(1);
      s.keys.take[0] = take;
      mintStake(s, 1, 0, 1_000_000n);
      const toOwner: bigint[] = [];
      const toAll: bigint[] = [];
      mintDrained(s, 1, 1_000_000n);
      distributeEmission(s, 1, 500_000n, 500_000n, 0n, 0n, epochOf([0], [1_000_000]), {
        toColdkey: (_n, _h, ck, x) => { expect(ck).toBe(100); toOwner.push(x); },
        toNominators: (_n, _h, x) => toAll.push(x),
      });
      if (take === 0) expect([toOwner, toAll]).toEqual([[], [1_000_000n]]);
      else expect([toOwner, toAll]).toEqual([[1_000_000n], []]);
    }
  });

  it("a hotkey with 3 parents splits its dividend by contribution, child keeps the takes", () => {
    const s = net(4);
    s.keys.take.fill(0);
    mintStake(s, 1, 0, 1_000_000_000n); // parents 0,1,2 with 1e9, 2e9, 1e9 giving 1/2, 1/2, 1
    mintStake(s, 1, 1, 2_000_000_000n);
    mintStake(s, 1, 2, 1_000_000_000n);
    mintStake(s, 1, 3, 1_000_000_000n); // child's own
    const half = U64_MAX / 2n + 1n;
    s.keys.parents[1].set(3, [{ proportion: half, hotkey: 0 }, { proportion: half, hotkey: 1 }, { proportion: U64_MAX, hotkey: 2 }]);
    s.keys.childkeyTake[1][3] = 6553; // ≈ 10 %
    const rep = drain(s, 0n, 4_000_000_000n, 0n, 0n, [0, 0, 0, 0], [0, 0, 0, 4_000_000_000]);
    // contributions ≈ 0.5e9, 1e9, 1e9 and self 1e9 of 3.5e9; parents pay 10 % take
    const got = [0, 1, 2, 3].map((h) => Number(s.keys.stake[1][h]));
    const base = [1e9, 2e9, 1e9, 1e9];
    const share = [0.5, 1, 1].map((c) => (4e9 * c) / 3.5 * (1 - 6553 / 65535));
    const child = 4e9 - share.reduce((x, y) => x + y);
    [...share, child].forEach((x, h) => expect(Math.abs(got[h] - base[h] - x)).toBeLessThan(1_000));
    expect(rep.unowned).toBeLessThan(10n);
  });

  it("no dividend hotkey with root stake ⇒ R is unpaid and stays unowned", () => {
    const s = net(1);
    s.params.taoWeight = U64_MAX;
    mintStake(s, 1, 0, 1_000n);
    const rep = drain(s, 0n, 1_000_000n, 700_000n, 0n, [0], [1_000_000]);
    expect(rep.rootClaimable + rep.rootFallback).toBe(0n);
    near(rep.unowned, 700_000n, 10); // R plus the floor of Vv's payout
  });

  it("refuses an epoch output paying more than S + V + R", () => {
    const s = net(1);
    expect(() => distributeEmission(s, 1, 1n, 1n, 0n, 0n, epochOf([2], [1]))).toThrow(RangeError);
  });
});
