// Root claims against subtensor tests/claim_root.rs (14bc6f9f): the chain tests' expected numbers
// (within their epsilons) plus the exact values of the fixed-point rules, computed by hand.
import { describe, expect, it } from "vitest";
import { makePool } from "../pool/pool.js";
import { blockHashToIndices, runAutoClaimRootDivs } from "./autoClaimRoot.js";
import {
  claimRoot, increaseRootClaimable, rootOwed, setRootClaimType, type RootClaimPort,
} from "./rootClaims.js";
import { stakingStateClaimPort } from "./rootClaimStakingPort.js";
import { DEFAULT_ROOT_CLAIMABLE_THRESHOLD, RootClaimsState } from "./rootClaimsState.js";
import { StakingState } from "./stakingState.js";

const HK = 1002;
const OWNER = 1001;
const CK = 1003;
const NET = 1;
const hex = (h: string): Uint8Array => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));

/** Mock world of claim_root.rs: root (stable) and one dynamic subnet; hotkey HK owned by OWNER. */
function world(tao = 0n, alpha = 0n) {
  const s = new StakingState();
  s.addSubnet(0, makePool(0n, 0n, { mechanism: 0 }));
  s.addSubnet(NET, makePool(tao, alpha));
  s.hotkeyOwner.set(HK, OWNER);
  const claims = new RootClaimsState();
  const port = stakingStateClaimPort(s);
  return { s, claims, port };
}

/** mock_increase_stake_for_hotkey_and_coldkey_on_subnet on root (TAO into the root pool). */
function rootStake(s: StakingState, hk: number, ck: number, amount: bigint): void {
  s.sharePool(hk, 0).updateValueForOne(ck, amount);
  const p = s.subnets.get(0)!.pool;
  p.taoReserve += amount;
  p.alphaOut += amount;
}

/** distribute_emission(netuid, 0, 0, R, 0) with a single root-staked validator: take 11796/65535 to the owner, the rest claimable. */
function distributeRoot(w: ReturnType<typeof world>, R: bigint): bigint {
  const take96 = (((11_796n << 32n) << 32n) / (65_535n << 32n)) * R; // U96F32 take · R
  const take = take96 >> 32n;
  const x = ((R << 32n) - take96) >> 32n; // tou64!(root_alpha − take)
  w.s.subnets.get(NET)!.pool.alphaOut += R;
  w.port.increaseStake(HK, OWNER, NET, take);
  increaseRootClaimable(w.claims, w.port, HK, NET, x);
  return x;
}

describe("block_hash_to_indices (test_claim_root_block_hash_indices)", () => {
  it("keccak_256 hashes give the chain's precomputed indices", () => {
    // keccak_256(b"zero"), (b"some"), (b"some2")
    expect(blockHashToIndices(hex("29319238daf40223d6021718c846ac2a0c0ef028ecc765972e999a8ac79662a8"), 0n, 15_000n)).toEqual([]);
    expect(blockHashToIndices(hex("4e7e8301f5d206748d1c4f822e3564ddb1124f86591a839f58dfc2f007983b61"), 15n, 15_000n).map(Number)).toEqual([
      265, 630, 1286, 1558, 4496, 4861, 5517, 5789, 6803, 8096, 9092, 11034, 11399, 12055, 12327,
    ]);
    expect(blockHashToIndices(hex("c357a61b4f8af02f92c4f354b4839925d8c5a18c9c017f80efab7efcb363aed7"), 15n, 15_000n).map(Number)).toEqual([
      61, 246, 1440, 2855, 3521, 5236, 6130, 6615, 8511, 9405, 9890, 11786, 11971, 13165, 14580,
    ]);
  });
  it("n = 0 maps every pick to index 0", () => {
    expect(blockHashToIndices(new Uint8Array(32).fill(7), 5n, 0n)).toEqual([0n]);
  });
});

describe("root claims (tests/claim_root.rs)", () => {
  it("test_claim_root_with_drain_emissions: rate, Keep claim, RootClaimed, second round", () => {
    const w = world();
    w.claims.setThreshold(NET, 0n);
    rootStake(w.s, HK, CK, 2_000_000n);
    w.port.increaseStake(HK, OWNER, NET, 10_000_000n);
    expect(distributeRoot(w, 1_000_000n)).toBe(820_004n); // take 179_995
    expect(w.s.stakeOf(HK, OWNER, NET)).toBe(10_179_995n); // chain: 0.18·R + 10M ± 100
    const rate = w.claims.claimableRate(HK, NET);
    expect(rate).toBe(1_760_945_181n); // ⌊820_004·2^64 / (2e6·2^32)⌋ = 0.41000199…
    expect(Math.abs(Number(rate) / 2 ** 32 - 0.41)).toBeLessThan(0.001);
    expect(setRootClaimType(w.claims, CK, { kind: "Keep" })).toEqual({ ok: true });
    expect(claimRoot(w.claims, w.port, CK, new Set([NET]))).toEqual({ ok: true });
    expect(w.s.stakeOf(HK, CK, NET)).toBe(820_003n); // ⌊rate·2e6⌋
    expect(w.claims.claimed(NET, HK, CK)).toBe(820_003n);
    distributeRoot(w, 1_000_000n);
    expect(w.claims.claimableRate(HK, NET)).toBe(2n * 1_760_945_181n);
    expect(claimRoot(w.claims, w.port, CK, new Set([NET]))).toEqual({ ok: true });
    expect(w.s.stakeOf(HK, CK, NET)).toBe(1_640_007n);
    expect(w.claims.claimed(NET, HK, CK)).toBe(1_640_007n);
  });

  it("test_claim_root_adding_stake_(dis)proportionally_for_two_stakers: claims follow root stake", () => {
    for (const [alice, bob, other] of [[1_000_000n, 1_000_000n, 8_000_000n], [1_000_000n, 2_000_000n, 7_000_000n]] as const) {
      const w = world();
      w.claims.setThreshold(NET, 0n);
      rootStake(w.s, HK, 1, alice);
      rootStake(w.s, HK, 2, bob);
      rootStake(w.s, HK, 3, other);
      w.port.increaseStake(HK, OWNER, NET, 10_000_000n); // initial_total_hotkey_alpha
      setRootClaimType(w.claims, 1, { kind: "Keep" });
      setRootClaimType(w.claims, 2, { kind: "Keep" });
      distributeRoot(w, 10_000_000n);
      claimRoot(w.claims, w.port, 1, new Set([NET]));
      claimRoot(w.claims, w.port, 2, new Set([NET]));
      const a = w.s.stakeOf(HK, 1, NET);
      const b = w.s.stakeOf(HK, 2, NET);
      expect(b).toBe((bob / alice) * a);
      expect(Math.abs(Number(a) - 10_000_000 * 0.82 * 0.1)).toBeLessThanOrEqual(100);
    }
  });

  it("test_claim_root_with_drain_emissions_and_swap_claim_type: Swap sells at price 0.5 and stakes the TAO on root", () => {
    const w = world(50_000_000_000n, 100_000_000_000n);
    rootStake(w.s, HK, CK, 2_000_000n);
    rootStake(w.s, HK, 10_010, 18_000_000n);
    let newStake = 2_000_000;
    let otherTotal = 20_000_000;
    for (let round = 0; round < 3; round++) {
      distributeRoot(w, 10_000_000n);
      const rateShare = newStake / otherTotal;
      expect(claimRoot(w.claims, w.port, CK, new Set([NET]))).toEqual({ ok: true });
      const est = 10_000_000 * (1 - 0.18) * 0.5 * rateShare;
      const got = Number(w.s.stakeOf(HK, CK, 0));
      expect(Math.abs(got - (newStake + est))).toBeLessThanOrEqual(10_000);
      otherTotal += got - newStake;
      newStake = got;
    }
    expect(w.claims.subnetRootSellTao(NET)).toBe(BigInt(newStake - 2_000_000));
  });

  it("test_claim_root_swap_failure_does_not_consume_claim: a refused transfer rolls everything back", () => {
    const s = new StakingState();
    s.addSubnet(0, makePool(0n, 0n, { mechanism: 0 }));
    s.addSubnet(NET, makePool(50_000_000_000n, 100_000_000_000n));
    s.hotkeyOwner.set(HK, OWNER);
    const claims = new RootClaimsState();
    const port: RootClaimPort = stakingStateClaimPort(s, { transferRefusal: () => "InsufficientBalance" });
    const w = { s, claims, port };
    rootStake(s, HK, CK, 2_000_000n);
    rootStake(s, HK, 10_010, 18_000_000n);
    distributeRoot(w, 10_000_000n);
    const before = JSON.stringify([...s.subnets].map(([n, x]) => [n, x.pool]), (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    const stakeBefore = s.stakeOf(HK, CK, 0);
    expect(claimRoot(claims, port, CK, new Set([NET]))).toEqual({ ok: false, error: "InsufficientBalance" });
    expect(claims.indexOf(CK)).toBeUndefined(); // the extrinsic's index entry is rolled back too
    expect(claims.claimed(NET, HK, CK)).toBe(0n);
    expect(claims.subnetRootSellTao(NET)).toBe(0n);
    expect(s.stakeOf(HK, CK, 0)).toBe(stakeBefore);
    expect(JSON.stringify([...s.subnets].map(([n, x]) => [n, x.pool]), (_k, v) => (typeof v === "bigint" ? v.toString() : v))).toBe(before);
    expect(rootOwed(claims, port, HK, CK, NET)).toBe(820_004n); // x = 8_200_045, rate = ⌊x·2^32/20e6⌋, ⌊rate·2e6 / 2^32⌋
  });

  it("test_claim_root_threshold: owed below RootClaimableThreshold (default 500_000) is not claimed", () => {
    const w = world();
    expect(w.claims.threshold(NET)).toBe(DEFAULT_ROOT_CLAIMABLE_THRESHOLD);
    expect(DEFAULT_ROOT_CLAIMABLE_THRESHOLD).toBe(500_000n << 32n);
    rootStake(w.s, HK, CK, 1_000_000n);
    rootStake(w.s, HK, 5, 3_000_000n);
    setRootClaimType(w.claims, CK, { kind: "Keep" });
    distributeRoot(w, 2_000_000n); // owed to CK ≈ 410_000 < 500_000
    expect(claimRoot(w.claims, w.port, CK, new Set([NET]))).toEqual({ ok: true });
    expect(w.s.stakeOf(HK, CK, NET)).toBe(0n);
    distributeRoot(w, 2_000_000n); // ≈ 820_000 ≥ 500_000
    claimRoot(w.claims, w.port, CK, new Set([NET]));
    expect(w.s.stakeOf(HK, CK, NET)).toBe(w.claims.claimed(NET, HK, CK));
    expect(Number(w.s.stakeOf(HK, CK, NET))).toBeCloseTo(820_000, -2);
  });

  it("test_claim_root_subnet_limits: 0 or more than 5 subnets is InvalidSubnetNumber; KeepSubnets must list one", () => {
    const w = world();
    expect(claimRoot(w.claims, w.port, CK, new Set())).toEqual({ ok: false, error: "InvalidSubnetNumber" });
    expect(claimRoot(w.claims, w.port, CK, new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))).toEqual({ ok: false, error: "InvalidSubnetNumber" });
    expect(setRootClaimType(w.claims, CK, { kind: "KeepSubnets", subnets: new Set() })).toEqual({ ok: false, error: "InvalidSubnetNumber" });
    expect(w.claims.claimType(CK)).toEqual({ kind: "Swap" }); // test_claim_root_default_mode
  });

  it("increase_root_claimable fallback: more alpha than root stake is staked to the owner", () => {
    const w = world();
    rootStake(w.s, HK, CK, 100n);
    expect(increaseRootClaimable(w.claims, w.port, HK, NET, 101n)).toBe("fallback");
    expect(w.s.stakeOf(HK, OWNER, NET)).toBe(101n);
    expect(w.claims.claimableOf(HK)).toEqual([]);
    expect(increaseRootClaimable(w.claims, w.port, HK, NET, 100n)).toBe("claimable");
    expect(w.claims.claimableRate(HK, NET)).toBe(1n << 32n);
  });

  it("staking-coldkey index: dense after removal; run_auto_claim_root_divs claims the picked coldkeys", () => {
    const w = world();
    w.claims.setThreshold(NET, 0n);
    for (const ck of [1, 2, 3]) {
      rootStake(w.s, HK, ck, 1_000_000n);
      w.claims.maybeAddColdkeyIndex(ck);
      setRootClaimType(w.claims, ck, { kind: "Keep" });
    }
    w.claims.maybeRemoveColdkeyIndex(1);
    expect([w.claims.numStakingColdkeys, w.claims.coldkeyAt(0n), w.claims.coldkeyAt(1n), w.claims.coldkeyAt(2n)]).toEqual([2n, 3, 2, undefined]);
    w.claims.maybeAddColdkeyIndex(1);
    distributeRoot(w, 3_000_000n);
    const hash = new Uint8Array(32); // all zero: every pick is index 0 → coldkey 3
    const out = runAutoClaimRootDivs(w.claims, w.port, hash);
    expect(out.map((o) => o.coldkey)).toEqual([3]);
    expect(w.s.stakeOf(HK, 3, NET)).toBeGreaterThan(0n);
    expect(w.s.stakeOf(HK, 2, NET)).toBe(0n);
  });
});
