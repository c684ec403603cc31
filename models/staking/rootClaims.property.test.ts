// Conservation of TAO and alpha to the rao under random root-claim sequences (distributions, Swap /
// Keep / KeepSubnets claims, manual and automatic, root stake added and removed) on StakingState.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makePool } from "../pool/pool.js";
import { runAutoClaimRootDivs } from "./autoClaimRoot.js";
import {
  type ClaimEffect, afterRootStakeAdded, afterRootStakeRemoved, claimRoot, increaseRootClaimable, setRootClaimType,
} from "./rootClaims.js";
import { stakingStateClaimPort } from "./rootClaimStakingPort.js";
import { RootClaimsState, type RootClaimType } from "./rootClaimsState.js";
import { addStake, removeStake } from "./stakeOps.js";
import { StakingState } from "./stakingState.js";

const TAO = 1_000_000_000n;
const HOTKEYS = [10, 11];
const COLDKEYS = [1, 2, 3];
const SUBNETS = [1, 2];

type Op =
  | { k: "dist"; hk: number; net: number; alpha: bigint }
  | { k: "add"; ck: number; hk: number; tao: bigint }
  | { k: "remove"; ck: number; hk: number; permille: number }
  | { k: "type"; ck: number; t: number }
  | { k: "claim"; ck: number; nets: number[] }
  | { k: "auto"; hash: Uint8Array };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ k: fc.constant("dist" as const), hk: fc.constantFrom(...HOTKEYS), net: fc.constantFrom(...SUBNETS), alpha: fc.bigInt(0n, 50n * TAO) }),
  fc.record({ k: fc.constant("add" as const), ck: fc.constantFrom(...COLDKEYS), hk: fc.constantFrom(...HOTKEYS), tao: fc.bigInt(3_000_000n, 20n * TAO) }),
  fc.record({ k: fc.constant("remove" as const), ck: fc.constantFrom(...COLDKEYS), hk: fc.constantFrom(...HOTKEYS), permille: fc.integer({ min: 1, max: 1000 }) }),
  fc.record({ k: fc.constant("type" as const), ck: fc.constantFrom(...COLDKEYS), t: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ k: fc.constant("claim" as const), ck: fc.constantFrom(...COLDKEYS), nets: fc.subarray(SUBNETS, { minLength: 1 }) }),
  fc.record({ k: fc.constant("auto" as const), hash: fc.uint8Array({ minLength: 32, maxLength: 32 }) }),
);

const TYPES: RootClaimType[] = [{ kind: "Swap" }, { kind: "Keep" }, { kind: "KeepSubnets", subnets: new Set([2]) }];

describe("root claims conserve TAO and alpha", () => {
  const stats = { swaps: 0, keeps: 0 };
  it("random claim sequences: Σ free + Σ SubnetTAO constant; alpha_in + alpha_out = minted; alpha_out = stakes + unclaimed ≥ 0", () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
        const s = new StakingState();
        s.addSubnet(0, makePool(0n, 0n, { mechanism: 0 }));
        for (const n of SUBNETS) s.addSubnet(n, makePool(1000n * TAO, 2000n * TAO));
        HOTKEYS.forEach((hk, j) => s.hotkeyOwner.set(hk, 100 + j));
        for (const ck of COLDKEYS) s.freeBalance.set(ck, 1000n * TAO);
        const claims = new RootClaimsState();
        claims.setThreshold(1, 0n); // subnet 1 claims any amount, subnet 2 keeps the default threshold
        const port = stakingStateClaimPort(s);
        for (const ck of COLDKEYS) for (const hk of HOTKEYS) {
          addStake(s, ck, hk, 0, BigInt(ck + hk) * TAO);
          claims.maybeAddColdkeyIndex(ck);
        }
        const taoTotal = (): bigint => [...s.freeBalance.values()].reduce((a, b) => a + b, 0n) + [...s.subnets.values()].reduce((a, x) => a + x.pool.taoReserve, 0n);
        const tao0 = taoTotal();
        const minted = new Map<number, bigint>(SUBNETS.map((n) => [n, 0n]));
        const unclaimed = new Map<number, bigint>(SUBNETS.map((n) => [n, 0n]));
        const onClaim = (e: ClaimEffect): void => {
          unclaimed.set(e.netuid, unclaimed.get(e.netuid)! - e.alpha);
          (e.tao > 0n ? stats.swaps++ : stats.keeps++);
        };
        for (const o of ops) {
          if (o.k === "dist") {
            s.subnets.get(o.net)!.pool.alphaOut += o.alpha; // the coinbase minted it into SubnetAlphaOut
            minted.set(o.net, minted.get(o.net)! + o.alpha);
            if (increaseRootClaimable(claims, port, o.hk, o.net, o.alpha) === "claimable") unclaimed.set(o.net, unclaimed.get(o.net)! + o.alpha);
          } else if (o.k === "add") {
            const r = addStake(s, o.ck, o.hk, 0, o.tao);
            if (r.ok) {
              afterRootStakeAdded(claims, o.hk, o.ck, r.alpha);
            }
          } else if (o.k === "remove") {
            const have = s.stakeOf(o.hk, o.ck, 0);
            const amt = (have * BigInt(o.permille)) / 1000n;
            if (amt > 0n && removeStake(s, o.ck, o.hk, 0, amt).ok) {
              afterRootStakeRemoved(claims, port, o.hk, o.ck, amt);
              expect(claims.indexOf(o.ck) === undefined).toBe(HOTKEYS.every((hk) => s.stakeOf(hk, o.ck, 0) === 0n));
            }
          } else if (o.k === "type") setRootClaimType(claims, o.ck, TYPES[o.t]);
          else if (o.k === "claim") claimRoot(claims, port, o.ck, new Set(o.nets), onClaim);
          else runAutoClaimRootDivs(claims, port, o.hash, onClaim);
          // invariants, to the rao
          expect(taoTotal()).toBe(tao0);
          const root = s.subnets.get(0)!.pool;
          const rootShares = HOTKEYS.reduce((a, hk) => a + s.hotkeyAlpha(hk, 0), 0n);
          expect(root.taoReserve).toBe(root.alphaOut);
          expect(root.alphaOut).toBe(rootShares);
          for (const n of SUBNETS) {
            const p = s.subnets.get(n)!.pool;
            expect(p.alphaReserve + p.alphaOut).toBe(2000n * TAO + minted.get(n)!);
            const staked = HOTKEYS.reduce((a, hk) => a + s.hotkeyAlpha(hk, n), 0n);
            expect(unclaimed.get(n)!).toBeGreaterThanOrEqual(0n);
            expect(p.alphaOut).toBe(staked + unclaimed.get(n)!);
          }
        }
      }),
      { numRuns: 150, seed: 1313 },
    );
    // the sequences do claim both ways (a property that never claims would prove nothing)
    expect(stats.swaps).toBeGreaterThan(20);
    expect(stats.keeps).toBeGreaterThan(5);
  });
});
