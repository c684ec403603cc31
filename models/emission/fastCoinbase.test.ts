import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ChainEconomy, addSubnet, assignAlphaStake, createChainEconomy, registerUid, stakeRoot } from "./chainEconomy.js";
import { divDigit, mul32, mulShr32, mulSplitShr32, res } from "./exactSplit.js";
import { emitToSubnetsFast } from "./fastCoinbase.js";
import { balancedPoolModel } from "./poolModel.js";
import { subnetsToEmitTo } from "./subnetShares.js";
import { coinbase, coinbaseReference, updateMovingPrices, updateMovingPricesReference } from "./stepBlock.js";

const TWO32 = 4294967296;
const big = (h: number, l: number): bigint => (BigInt(h) << 32n) + BigInt(l);
const splitOf = (x: bigint): [number, number] => [Number(x >> 32n), Number(x & 0xffffffffn)];

describe("exactSplit primitives agree with BigInt", () => {
  const u = (bits: number) => fc.bigInt({ min: 0n, max: (1n << BigInt(bits)) - 1n });
  it("mul32: a·b as hi·2^32 + lo", () => {
    fc.assert(fc.property(u(53), fc.bigInt({ min: 0n, max: 1n << 32n }), (a, b) => {
      fc.pre(a * b < 1n << 85n);
      mul32(Number(a), Number(b));
      expect(big(res.hi, res.lo)).toBe(a * b);
      expect(res.lo).toBeLessThan(TWO32);
    }), { numRuns: 3000 });
  });
  it("divDigit: ⌊(R·2^32 + limb)/D⌋ and its remainder", () => {
    fc.assert(fc.property(u(85), u(85), u(32), (r0, d0, limb) => {
      const d = d0 === 0n ? 1n : d0 >> BigInt(Number(d0 % 80n)); // spread divisor sizes
      const D = d === 0n ? 1n : d;
      const R = r0 % D;
      const [rH, rL] = splitOf(R);
      const [dH, dL] = splitOf(D);
      const q = divDigit(rH, rL, Number(limb), dH, dL);
      const n = (R << 32n) + limb;
      expect(BigInt(q)).toBe(n / D);
      expect(big(res.hi, res.lo)).toBe(n % D);
    }), { numRuns: 5000 });
  });
  it("mulShr32 and mulSplitShr32: ⌊x·y/2^32⌋", () => {
    fc.assert(fc.property(u(84), fc.bigInt({ min: 0n, max: 1n << 32n }), u(52), (x, y, z) => {
      const [xH, xL] = splitOf(x);
      mulShr32(xH, xL, Number(y));
      expect(big(res.hi, res.lo)).toBe((x * y) >> 32n);
      const x2 = x >> 22n;
      const [x2H, x2L] = splitOf(x2);
      const [zH, zL] = splitOf(z);
      mulSplitShr32(x2H, x2L, zH, zL);
      expect(big(res.hi, res.lo)).toBe((x2 * z) >> 32n);
    }), { numRuns: 3000 });
  });
});

/** Every u64 column and scalar the coinbase touches, as one comparable snapshot. */
function snapshot(s: ChainEconomy): Record<string, unknown> {
  const out: Record<string, unknown> = {
    totalIssuance: s.totalIssuance, totalStake: s.totalStake, recycled: s.recycledTaoTotal, blockEmission: s.blockEmission,
  };
  for (const [k, col] of Object.entries(s)) {
    if (col instanceof BigUint64Array || col instanceof Float64Array) out[k] = Array.from(col as ArrayLike<unknown>);
  }
  out.drained = Array.from(s.scratch.drained.subarray(0, s.scratch.nDrained));
  out.drainedS = s.scratch.drainedServer.slice(0, s.scratch.nDrained);
  out.drainedV = s.scratch.drainedValidator.slice(0, s.scratch.nDrained);
  out.drainedR = s.scratch.drainedRoot.slice(0, s.scratch.nDrained);
  out.drainedO = s.scratch.drainedOwnerCut.slice(0, s.scratch.nDrained);
  return out;
}

const RAO = 1_000_000_000n;
const amount = fc.oneof(
  { arbitrary: fc.bigInt({ min: 0n, max: 10n * RAO }), weight: 10 },
  { arbitrary: fc.bigInt({ min: 0n, max: 2_000_000n * RAO }), weight: 20 },
  { arbitrary: fc.bigInt({ min: 4_000_000n * RAO, max: 6_000_000n * RAO }), weight: 1 }, // around the 2^52 bound
);
const subnetArb = fc.record({
  mechanism: fc.constantFrom<0 | 1>(1, 1, 1, 0),
  tao: amount,
  alpha: amount,
  out: amount,
  tempo: fc.integer({ min: 1, max: 40 }),
  movingPrice: fc.oneof(
    { arbitrary: fc.bigInt({ min: 0n, max: 1n << 32n }), weight: 30 },
    { arbitrary: fc.constantFrom(0n, 1n << 32n), weight: 3 },
    { arbitrary: fc.bigInt({ min: 0n, max: 1n << 34n }), weight: 1 }, // > 1: reference path
  ),
  minerBurned: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 1n << 32n }), fc.bigInt({ min: 0n, max: 1n << 36n })),
  disabled: fc.integer({ min: 0, max: 9 }), // 0 ⇒ emission disabled
  ownerCut: fc.boolean(),
  halfQuote: fc.integer({ min: 0, max: 49 }), // 0 ⇒ weights ≠ 0.5: reference path
  halving: fc.constantFrom(201_600, 0, 17),
  first: fc.integer({ min: -1, max: 30 }),
});
const netArb = fc.record({
  subnets: fc.array(subnetArb, { minLength: 1, maxLength: 6 }),
  rootTao: fc.oneof(
    { arbitrary: fc.constant(0n), weight: 3 },
    { arbitrary: fc.bigInt({ min: 0n, max: 1_000_000n * RAO }), weight: 10 },
    { arbitrary: fc.bigInt({ min: 0n, max: 5_000_000n * RAO }), weight: 1 },
  ),
  taoWeight: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
  ownerCut: fc.integer({ min: 0, max: 65_535 }),
  shareRule: fc.constantFrom<"priceEmaMinerBurned" | "priceEma">("priceEmaMinerBurned", "priceEma"),
  movingAlpha: fc.constantFrom(12_885n, 1n << 19n, 1n << 25n),
  issued: fc.bigInt({ min: 0n, max: 15_000_000n * RAO }),
});

type NetParams = typeof netArb extends fc.Arbitrary<infer T> ? T : never;

function buildNet(p: NetParams): ChainEconomy {
  const n = p.subnets.length;
  const s = createChainEconomy({
    netuids: n + 1, hotkeys: n * 2 + 1, maxUids: 2,
    params: { taoWeight: p.taoWeight, subnetOwnerCut: p.ownerCut, shareRule: p.shareRule, subnetMovingAlpha: p.movingAlpha },
  });
  s.otherTao = p.issued;
  s.totalIssuance = p.issued;
  if (p.rootTao > 0n) stakeRoot(s, 0, p.rootTao);
  p.subnets.forEach((q, k) => {
    const i = k + 1;
    addSubnet(s, {
      netuid: i, mechanism: q.mechanism, taoReserve: q.tao, alphaReserve: q.alpha, alphaOutstanding: q.out,
      tempo: q.tempo, firstEmissionBlock: q.first, movingPrice: q.movingPrice, emissionEnabled: q.disabled !== 0,
      lastEpochBlock: k,
    });
    s.minerBurned[i] = q.minerBurned;
    s.ownerCutEnabled[i] = q.ownerCut ? 1 : 0;
    s.emaPriceHalvingBlocks[i] = q.halving;
    if (q.halfQuote === 0) s.quoteWeight[i] = 400_000_000_000_000_000n;
    registerUid(s, i, 0, 2 * k + 1);
    assignAlphaStake(s, i, 2 * k + 1, q.out);
  });
  return s;
}

const cov: Record<string, number> = {};
describe("fast coinbase ≡ BigInt reference (differential)", () => {
  it("random multi-subnet states stepped block by block give identical columns and ledgers", () => {
    fc.assert(fc.property(netArb, fc.integer({ min: 0, max: 5_000 }), (p, start) => {
      const fast = buildNet(p);
      const ref = buildNet(p);
      for (let b = start; b < start + 25; b++) {
        if (process.env.COV) {
          fast.scratch.nEmit = subnetsToEmitTo(fast, fast.scratch.emit);
          const probe = buildNet(p);
          probe.scratch.nEmit = subnetsToEmitTo(probe, probe.scratch.emit);
          const r = probe.scratch.nEmit === 0 ? "none" : emitToSubnetsFast(probe, balancedPoolModel, 1_000_000_000n) === null ? "fallback" : "fast";
          cov[r] = (cov[r] ?? 0) + 1;
          cov.excess = (cov.excess ?? 0) + (probe.excessTaoTotal.some((x) => x > 0n) ? 1 : 0);
        }
        coinbase(fast, b);
        updateMovingPrices(fast, b);
        coinbaseReference(ref, b);
        updateMovingPricesReference(ref, b);
        expect(snapshot(fast)).toEqual(snapshot(ref));
      }
    }), { numRuns: 500 });
    if (process.env.COV) console.log(cov);
  });
});
