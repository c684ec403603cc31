// Property tests (emission.md §6): random multi-subnet states, 10,000 random blocks in total;
// TAO and alpha conserved to the rao through the ledger, nothing negative, nothing paid to a
// hotkey without a UID (unless it is a parent or the owner hotkey).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EpochOutput } from "../consensus/types.js";
import {
  type ChainEconomy, addSubnet, assignAlphaStake, createChainEconomy, registerUid, stakeRoot,
} from "./chainEconomy.js";
import { ledger } from "./ledger.js";
import { stepBlock } from "./stepBlock.js";
import { epochOf } from "../../test/helpers/emissionTestNet.js";

const H = 12; // hotkeys; 0..7 hold UIDs somewhere, 8..11 never do (nominator-only / deregistered)
const UIDS = 4;

interface Setup {
  subnets: { tao: bigint; alphaIn: bigint; alphaOut: bigint; mech: 0 | 1; tempo: number; price: number; burned: number; enabled: boolean; owner: boolean }[];
  rootStake: bigint[];
  issuance: bigint;
  taoWeight: bigint;
  ownerCut: number;
  maxEpochs: number;
  parent: boolean;
  takes: number[];
}

const big = (max: bigint) => fc.bigInt({ min: 0n, max });
const setupArb: fc.Arbitrary<Setup> = fc.record({
  subnets: fc.array(
    fc.record({
      tao: big(10n ** 16n), alphaIn: big(10n ** 16n), alphaOut: big(10n ** 15n), mech: fc.constantFrom<0 | 1>(0, 1, 1),
      tempo: fc.integer({ min: 0, max: 6 }), price: fc.integer({ min: 0, max: 2 ** 32 }), burned: fc.integer({ min: 0, max: 2 ** 32 }),
      enabled: fc.boolean(), owner: fc.boolean(),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  rootStake: fc.array(big(10n ** 16n), { minLength: H, maxLength: H }),
  issuance: big(21_000_000_000_000_000n),
  taoWeight: big((1n << 64n) - 1n),
  ownerCut: fc.integer({ min: 0, max: 65_535 }),
  maxEpochs: fc.integer({ min: 1, max: 2 }),
  parent: fc.boolean(),
  takes: fc.array(fc.integer({ min: 0, max: 65_535 }), { minLength: H, maxLength: H }),
});

function build(x: Setup): ChainEconomy {
  const n = x.subnets.length;
  const s = createChainEconomy({ netuids: n + 1, hotkeys: H, maxUids: UIDS, params: { taoWeight: x.taoWeight, subnetOwnerCut: x.ownerCut, maxEpochsPerBlock: x.maxEpochs } });
  s.otherTao = x.issuance;
  s.totalIssuance = x.issuance;
  for (let h = 0; h < H; h++) {
    s.keys.take[h] = x.takes[h];
    s.keys.owner[h] = h % 5;
    if (x.rootStake[h] > 0n) stakeRoot(s, h, x.rootStake[h]);
  }
  x.subnets.forEach((c, k) => {
    const i = k + 1;
    addSubnet(s, { netuid: i, mechanism: c.mech, taoReserve: c.tao, alphaReserve: c.alphaIn, alphaOutstanding: c.alphaOut, tempo: c.tempo, emissionEnabled: c.enabled, movingPrice: BigInt(c.price), ownerColdkey: c.owner ? 0 : -1, ownerHotkey: c.owner ? 0 : -1 });
    s.minerBurned[i] = BigInt(c.burned);
    for (let u = 0; u < UIDS; u++) registerUid(s, i, u, (k * 3 + u) % 8);
    assignAlphaStake(s, i, (k * 3) % 8, c.alphaOut / 2n);
    assignAlphaStake(s, i, 9, c.alphaOut / 4n); // a hotkey that never holds a UID
    if (x.parent) {
      s.keys.parents[i].set((k * 3 + 1) % 8, [{ proportion: 1n << 63n, hotkey: 10 }, { proportion: (1n << 64n) - 1n, hotkey: (k * 3) % 8 }]);
      s.keys.childkeyTake[i][(k * 3 + 1) % 8] = 6553;
    }
  });
  return s;
}

/**
 * An epoch output shaped like Yuma's (yuma.md §8): incentives and dividends each ≤ T/2, or only
 * incentives ≤ T (no dividends), or only dividends ≤ T (no incentive); per-UID split from a seeded LCG.
 */
function randomEpoch(seed: number) {
  let r = seed >>> 0;
  const next = (): number => ((r = (Math.imul(r, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
  const spread = (total: number): number[] => {
    const w = Array.from({ length: UIDS }, () => (next() < 0.25 ? 0 : next()));
    const sum = w.reduce((a, b) => a + b, 0);
    return w.map((x) => (sum === 0 ? 0 : Math.floor((total * x) / sum)));
  };
  return (_netuid: number, t: bigint): EpochOutput => {
    const mode = next();
    const tn = Number(t);
    if (mode < 0.15) return epochOf(spread(tn), new Array<number>(UIDS).fill(0));
    if (mode < 0.3) return epochOf(new Array<number>(UIDS).fill(0), spread(tn));
    return epochOf(spread(tn / 2), spread(tn / 2));
  };
}

function check(s: ChainEconomy, before: bigint[][], hotkeysWithoutUid: number[]): void {
  const l = ledger(s);
  expect(l.tao.imbalance).toBe(0n);
  // TotalStake counts a chain buy's whole TAO (swap_tao_for_alpha); a max_price cut leaves part in the account
  expect(l.tao.totalStake >= l.tao.poolTao && l.tao.totalStake <= l.tao.poolTao + l.tao.subnetAccounts).toBe(true);
  for (const a of l.alpha) {
    expect(a.issuanceImbalance).toBe(0n);
    expect(a.outstandingImbalance).toBe(0n);
  }
  // u64 columns never wrapped (a negative value would show as ≥ 2^63)
  for (const col of [s.subnetTao, s.alphaIn, s.alphaOut, s.unownedAlpha, s.pendingServer, s.pendingValidator]) {
    for (const v of col) expect(v < 1n << 63n).toBe(true);
  }
  for (const h of hotkeysWithoutUid) for (let i = 1; i < s.netuids; i++) expect(s.keys.stake[i][h]).toBe(before[i][h]);
}

describe("coinbase conservation (emission.md §6)", () => {
  it("10,000 random blocks over random multi-subnet states conserve TAO and alpha to the rao", () => {
    fc.assert(
      fc.property(setupArb, fc.integer({ min: 0, max: 2 ** 31 }), (x, seed) => {
        const s = build(x);
        const l0 = ledger(s);
        expect(l0.tao.imbalance).toBe(0n);
        const before = s.keys.stake.map((c) => Array.from(c));
        const ti0 = s.totalIssuance;
        const runEpoch = randomEpoch(seed);
        for (let b = 1; b <= 100; b++) {
          const ti = s.totalIssuance;
          stepBlock(s, b, { runEpoch });
          expect(s.totalIssuance >= ti).toBe(true);
          expect(s.totalIssuance - ti <= s.blockEmission).toBe(true);
          check(s, before, [11]); // hotkey 11: no UID, no parent link, not an owner
        }
        expect(s.totalIssuance >= ti0).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
