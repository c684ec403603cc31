import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ChainEconomy, addSubnet, assignAlphaStake, createChainEconomy, registerUid, stakeRoot } from "./chainEconomy.js";
import { digit64, digitSmall, divDigit, frac64, mul32, mulShr32, mulWide, rem, res } from "./exactSplit.js";
import { emitToSubnetsFast } from "./fastCoinbase.js";
import { priceSpot } from "./fastPrice.js";
import { drainPending } from "./epochScheduler.js";
import { fastViews } from "./u64Views.js";
import { balancerPool } from "./poolModel.js";
import { subnetsToEmitTo } from "./subnetShares.js";
import { coinbase, coinbaseReference, mintBlockEmission, updateMovingPrices, updateMovingPricesReference } from "./stepBlock.js";

const TWO32 = 4294967296;
const big = (h: number, l: number): bigint => (BigInt(h) << 32n) + BigInt(l);
const splitOf = (x: bigint): [number, number] => [Number(x >> 32n), Number(x & 0xffffffffn)];

describe("exactSplit primitives agree with BigInt", () => {
  const u = (bits: number) => fc.bigInt({ min: 0n, max: (1n << BigInt(bits)) - 1n });
  it("mul32: a·b as hi·2^32 + lo", () => {
    fc.assert(fc.property(u(53), fc.bigInt({ min: 0n, max: 1n << 32n }), (a, b) => {
      fc.pre(a * b < 1n << 85n);
      mul32(Number(a), Number(b));
      expect(big(res[0], res[1])).toBe(a * b);
      expect(res[1]).toBeLessThan(TWO32);
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
      expect(big(res[0], res[1])).toBe(n % D);
    }), { numRuns: 5000 });
  });
  it("mulShr32: ⌊x·y/2^32⌋", () => {
    fc.assert(fc.property(u(84), fc.bigInt({ min: 0n, max: 1n << 32n }), (x, y) => {
      const [xH, xL] = splitOf(x);
      mulShr32(xH, xL, Number(y));
      expect(big(res[0], res[1])).toBe((x * y) >> 32n);
    }), { numRuns: 3000 });
  });
  it("mulWide: exact 32×32 products (Math.imul low word, float high word)", () => {
    const w = fc.oneof(u(32), fc.constantFrom(0n, 1n, (1n << 32n) - 1n, 1n << 32n));
    fc.assert(fc.property(w, w, (a, b) => {
      mulWide(Number(a), Number(b));
      expect(big(res[0], res[1])).toBe(a * b);
      expect(res[1]).toBeLessThan(TWO32);
    }), { numRuns: 5000 });
  });
  it("digit64 and frac64: divisors up to 2^64", () => {
    fc.assert(fc.property(u(64), u(64), u(32), (r0, d0, limb) => {
      const d = d0 >> BigInt(Number(d0 % 64n)); // spread divisor sizes
      const D = d === 0n ? 1n : d;
      const R = r0 % D;
      const [rH, rL] = splitOf(R);
      const [dH, dL] = splitOf(D);
      const q = digit64(rH, rL, Number(limb), dH, dL);
      const n = (R << 32n) + limb;
      expect(BigInt(q)).toBe(n / D);
      expect(big(res[0], res[1])).toBe(n % D);
      frac64(rH, rL, dH, dL);
      expect(big(res[0], res[1])).toBe((R << 64n) / D);
    }), { numRuns: 5000 });
    const [tH, tL] = splitOf(1n << 64n);
    frac64(tH, tL, tH, tL); // x = d = 2^64
    expect(big(res[0], res[1])).toBe(1n << 64n);
  });
  it("digitSmall: ⌊(n·2^32 + limb)/D⌋ for n ≤ D < 2^50, exact quotients included", () => {
    const d = fc.oneof(u(50), fc.bigInt({ min: 1n, max: 1000n }), fc.constantFrom(1n << 32n, 3n << 32n, (1n << 50n) - 1n));
    fc.assert(fc.property(d, u(50), fc.boolean(), u(32), (d0, n0, equal, limb0) => {
      const D = d0 === 0n ? 1n : d0;
      const n = equal ? D : n0 % D;
      const limb = equal ? 0n : limb0; // n·2^32 + limb < (2^32 + 1)·D
      const q = digitSmall(Number(n), Number(D), 1 / Number(D), Number(limb));
      expect(BigInt(q)).toBe(((n << 32n) + limb) / D);
      expect(BigInt(rem[0])).toBe(((n << 32n) + limb) % D);
    }), { numRuns: 5000 });
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
  { arbitrary: fc.bigInt({ min: 4_000_000n * RAO, max: 6_000_000n * RAO }), weight: 1 }, // around 2^52
  { arbitrary: fc.bigInt({ min: 1n << 52n, max: 1n << 56n }), weight: 4 }, // mainnet alpha supply: up to 21M alpha > 2^53
  { arbitrary: fc.bigInt({ min: 0n, max: 1n << 62n }), weight: 1 }, // beyond any chain state
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
  minerBurned: fc.oneof(
    { arbitrary: fc.constant(0n), weight: 6 }, // all zero: the renormalisation's small-δ path
    { arbitrary: fc.bigInt({ min: 0n, max: 1n << 32n }), weight: 2 },
    { arbitrary: fc.bigInt({ min: 0n, max: 16n }), weight: 1 },
    { arbitrary: fc.bigInt({ min: 0n, max: 1n << 36n }), weight: 1 },
  ),
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
    { arbitrary: fc.bigInt({ min: 0n, max: 1n << 60n }), weight: 1 }, // root TAO beyond 2^53
  ),
  // rootTao = the first subnet's alpha supply: with TaoWeight u64::MAX the root proportion is exactly 1/2
  mirrorRoot: fc.integer({ min: 0, max: 7 }),
  taoWeight: fc.oneof(
    { arbitrary: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), weight: 4 },
    { arbitrary: fc.constantFrom(0n, (1n << 64n) - 1n), weight: 1 },
  ),
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
  const rootTao = p.mirrorRoot === 0 ? p.subnets[0].alpha + p.subnets[0].out : p.rootTao;
  if (rootTao > 0n) stakeRoot(s, 0, rootTao);
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

describe("fast coinbase ≡ BigInt reference (differential)", () => {
  it("random multi-subnet states stepped block by block give identical columns and ledgers", () => {
    fc.assert(fc.property(netArb, fc.integer({ min: 0, max: 5_000 }), (p, start) => {
      const fast = buildNet(p);
      const ref = buildNet(p);
      for (let b = start; b < start + 25; b++) {
        coinbase(fast, b);
        updateMovingPrices(fast, b);
        coinbaseReference(ref, b);
        updateMovingPricesReference(ref, b);
        expect(snapshot(fast)).toEqual(snapshot(ref));
      }
    }), { numRuns: 500 });
  });
});

describe("fast coinbase range", () => {
  /** A network at mainnet magnitudes: alpha supply up to 21M alpha (> 2^53 rao), pools up to 1M TAO. */
  function mainnetNet(seed: number): ChainEconomy {
    const s = createChainEconomy({ netuids: 9, hotkeys: 9, maxUids: 1 });
    stakeRoot(s, 0, 3_000_000n * RAO);
    for (let i = 1; i <= 8; i++) {
      const x = BigInt(seed + i);
      const tao = (1_000_000n * RAO * x) / 17n; // ≤ 1M TAO
      const alphaIn = 2_000_000n * RAO + x * 1_000_000n * RAO; // up to 10M alpha in the pool
      const out = 21_000_000n * RAO - alphaIn - x * 123_456_789n; // supply just under 21M alpha
      addSubnet(s, { netuid: i, taoReserve: tao, alphaReserve: alphaIn, alphaOutstanding: out, movingPrice: (tao << 32n) / alphaIn });
      s.minerBurned[i] = i % 3 === 0 ? 1n << 31n : 0n;
      assignAlphaStake(s, i, i, out);
    }
    return s;
  }

  it("mainnet magnitudes (alpha supply > 2^53 rao) stay on the fast path, block after block", () => {
    for (const seed of [0, 5, 9]) {
      const fast = mainnetNet(seed);
      const ref = mainnetNet(seed);
      const v = fastViews(fast);
      for (let b = 1; b <= 40; b++) {
        // coinbase(fast, b) step by step, asserting that no subnet left the fast path
        const sc = fast.scratch;
        sc.nEmit = subnetsToEmitTo(fast, sc.emit);
        const left = emitToSubnetsFast(fast, balancerPool, mintBlockEmission(fast));
        expect(left).not.toBeNull();
        if (left !== null && left > 0n) {
          fast.totalIssuance -= left;
          fast.recycledTaoTotal += left;
        }
        drainPending(fast, b);
        for (let i = 1; i <= 8; i++) expect(priceSpot(v, i)).toBe(true); // moving prices: fast too
        updateMovingPrices(fast, b);
        coinbaseReference(ref, b);
        updateMovingPricesReference(ref, b);
        expect(snapshot(fast)).toEqual(snapshot(ref));
      }
      expect(fast.alphaIn[8] + fast.alphaOut[8]).toBeGreaterThan(1n << 53n);
    }
  });

  it("a root proportion exactly on an integer (the float guard's BigInt decision) matches the reference", () => {
    const make = (): ChainEconomy => {
      const s = createChainEconomy({ netuids: 3, hotkeys: 3, maxUids: 1, params: { taoWeight: (1n << 64n) - 1n } });
      // pools at price exactly 1: the injection is exactly price-proportional, so the weights stay 0.5/0.5
      addSubnet(s, { netuid: 1, taoReserve: 1_000_000n * RAO, alphaReserve: 1_000_000n * RAO, alphaOutstanding: 3_000_000n * RAO, movingPrice: 1n << 28n });
      addSubnet(s, { netuid: 2, taoReserve: 700_000n * RAO, alphaReserve: 700_000n * RAO, alphaOutstanding: 1_000_000n * RAO, movingPrice: 1n << 27n });
      stakeRoot(s, 0, 4_000_000n * RAO); // tw = A of subnet 1: root_proportion = 1/2 exactly
      return s;
    };
    const probe = make();
    probe.scratch.nEmit = subnetsToEmitTo(probe, probe.scratch.emit);
    expect(emitToSubnetsFast(probe, balancerPool, 1_000_000_000n)).not.toBeNull();
    const fast = make();
    const ref = make();
    for (let b = 1; b <= 5; b++) {
      coinbase(fast, b);
      updateMovingPrices(fast, b);
      coinbaseReference(ref, b);
      updateMovingPricesReference(ref, b);
      expect(snapshot(fast)).toEqual(snapshot(ref));
    }
  });
});
