// Differential: with the chain's balancer pool the `number` fast path runs at any quote weight (the
// injections re-weight the pools every block); on those blocks (and on the few out-of-range ones,
// where the reference runs) every column is identical to the BigInt reference after every block.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ChainEconomy, addSubnet, assignAlphaStake, createChainEconomy, registerUid, stakeRoot } from "./chainEconomy.js";
import { drainPending } from "./epochScheduler.js";
import { emitToSubnetsFast } from "./fastCoinbase.js";
import { balancerPool } from "./poolModel.js";
import {
  coinbase, coinbaseReference, mintBlockEmission, runCoinbaseReference, updateMovingPrices, updateMovingPricesReference,
} from "./stepBlock.js";
import { subnetsToEmitTo } from "./subnetShares.js";

const RAO = 1_000_000_000n;
const HALF = 500_000_000_000_000_000n;

/** Every typed-array column and scalar of the state, comparable with toEqual. */
function snapshot(s: ChainEconomy): Record<string, unknown> {
  const out: Record<string, unknown> = { ti: s.totalIssuance, ts: s.totalStake, rec: s.recycledTaoTotal, be: s.blockEmission };
  for (const [k, col] of Object.entries(s)) {
    if (col instanceof BigUint64Array || col instanceof Float64Array || col instanceof Uint8Array) out[k] = Array.from(col as ArrayLike<unknown>);
  }
  out.drained = Array.from(s.scratch.drained.subarray(0, s.scratch.nDrained));
  out.buckets = [s.scratch.drainedServer, s.scratch.drainedValidator, s.scratch.drainedRoot, s.scratch.drainedOwnerCut].map((b) => b.slice(0, s.scratch.nDrained));
  return out;
}

const amount = fc.oneof(
  { arbitrary: fc.bigInt({ min: 0n, max: 10n * RAO }), weight: 2 },
  { arbitrary: fc.bigInt({ min: 1_000_000n, max: 2_000_000n * RAO }), weight: 10 },
  { arbitrary: fc.bigInt({ min: 1n << 52n, max: 1n << 56n }), weight: 2 },
);
const subnetArb = fc.record({
  kind: fc.constantFrom("price1", "price1", "any", "weighted", "uninitialised"),
  mechanism: fc.constantFrom<0 | 1>(1, 1, 1, 0),
  tao: amount,
  alpha: amount,
  out: amount,
  quote: fc.bigInt({ min: 10n ** 16n, max: 99n * 10n ** 16n }),
  movingPrice: fc.bigInt({ min: 0n, max: 1n << 32n }),
  disabled: fc.integer({ min: 0, max: 5 }), // 0 ⇒ emission disabled (tao_emission 0: no injection)
  tempo: fc.integer({ min: 1, max: 20 }),
});
const netArb = fc.record({
  subnets: fc.array(subnetArb, { minLength: 1, maxLength: 5 }),
  rootTao: fc.oneof({ arbitrary: fc.constant(0n), weight: 2 }, { arbitrary: fc.bigInt({ min: 0n, max: 1_000_000n * RAO }), weight: 3 }),
  taoWeight: fc.oneof({ arbitrary: fc.constant(0n), weight: 1 }, { arbitrary: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), weight: 3 }),
  ownerCut: fc.integer({ min: 0, max: 65_535 }),
});
type Net = typeof netArb extends fc.Arbitrary<infer T> ? T : never;

function build(p: Net): ChainEconomy {
  const s = createChainEconomy({ netuids: p.subnets.length + 1, hotkeys: p.subnets.length + 1, maxUids: 1, params: { taoWeight: p.taoWeight, subnetOwnerCut: p.ownerCut } });
  if (p.rootTao > 0n) stakeRoot(s, 0, p.rootTao);
  p.subnets.forEach((q, k) => {
    const i = k + 1;
    const tao = q.kind === "price1" ? q.alpha : q.tao; // price exactly 1: injections stay price-proportional
    addSubnet(s, {
      netuid: i, mechanism: q.mechanism, taoReserve: tao, alphaReserve: q.alpha, alphaOutstanding: q.out,
      tempo: q.tempo, movingPrice: q.movingPrice, emissionEnabled: q.disabled !== 0, lastEpochBlock: k,
    });
    if (q.kind === "weighted") s.quoteWeight[i] = q.quote;
    if (q.kind === "uninitialised") s.balancerInitialized[i] = 0;
    registerUid(s, i, 0, i);
    assignAlphaStake(s, i, i, q.out);
  });
  return s;
}

/** coinbase, taking the fast path by hand where it applies; true when it did. */
function coinbaseCounting(s: ChainEconomy, block: number): boolean {
  const credit = mintBlockEmission(s);
  const sc = s.scratch;
  sc.nEmit = subnetsToEmitTo(s, sc.emit);
  const left = sc.nEmit > 0 ? emitToSubnetsFast(s, balancerPool, credit) : null;
  if (left === null) {
    runCoinbaseReference(s, block, credit);
    return false;
  }
  if (left > 0n) {
    s.totalIssuance -= left;
    s.recycledTaoTotal += left;
  }
  drainPending(s, block);
  return true;
}

describe("fast coinbase ≡ reference with the chain's balancer pool (differential)", () => {
  it("random networks, 20 blocks each: every column identical after every block, both paths exercised", () => {
    let fastBlocks = 0;
    let refBlocks = 0;
    fc.assert(fc.property(netArb, fc.integer({ min: 0, max: 5_000 }), (p, start) => {
      const probe = build(p);
      const prod = build(p);
      const ref = build(p);
      for (let b = start; b < start + 20; b++) {
        if (coinbaseCounting(probe, b)) fastBlocks++;
        else refBlocks++;
        updateMovingPrices(probe, b);
        coinbase(prod, b);
        updateMovingPrices(prod, b);
        coinbaseReference(ref, b);
        updateMovingPricesReference(ref, b);
        const want = snapshot(ref);
        expect(snapshot(probe)).toEqual(want);
        expect(snapshot(prod)).toEqual(want);
      }
    }), { numRuns: 150 });
    expect(fastBlocks).toBeGreaterThan(2_000); // the fast path really ran, re-weighted pools included
    expect(refBlocks).toBeLessThan(fastBlocks); // out-of-range states only (e.g. price ≥ 2^20 TAO per alpha)
  });

  it("a block whose injection moves the weights off 0.5 stays on the fast path and re-weights as the reference", () => {
    const mk = (): ChainEconomy => {
      const s = createChainEconomy({ netuids: 2, hotkeys: 1 });
      stakeRoot(s, 0, 1_000_000n * RAO);
      addSubnet(s, { netuid: 1, taoReserve: 1_234_567_890_123n, alphaReserve: 3_456_789_012_347n, movingPrice: 1n << 31n });
      return s;
    };
    const s = mk();
    const ref = mk();
    for (let b = 1; b <= 30; b++) {
      const credit = mintBlockEmission(s);
      s.scratch.nEmit = subnetsToEmitTo(s, s.scratch.emit);
      const left = emitToSubnetsFast(s, balancerPool, credit);
      expect(left).not.toBeNull();
      if (left! > 0n) {
        s.totalIssuance -= left!;
        s.recycledTaoTotal += left!;
      }
      drainPending(s, b);
      updateMovingPrices(s, b);
      coinbaseReference(ref, b);
      updateMovingPricesReference(ref, b);
      expect(snapshot(s)).toEqual(snapshot(ref));
    }
    expect(s.quoteWeight[1]).not.toBe(HALF); // the injections' rounding residue: the chain re-weights
  });

  it("mainnet-like pools with root stake: excess TAO chain-bought at uneven weights every block, identical columns", () => {
    const mk = (): ChainEconomy => {
      const s = createChainEconomy({ netuids: 4, hotkeys: 4, maxUids: 1 });
      stakeRoot(s, 0, 3_000_000n * RAO);
      for (let i = 1; i <= 3; i++) {
        const tao = BigInt(5_000 + 9_000 * i) * RAO;
        const alpha = (tao * 1000n) / BigInt(4 + 13 * i); // 0.017–0.043 TAO per alpha
        const out = 20_000_000n * RAO - alpha; // supply near 21M: the root cap binds, the rest is excess
        addSubnet(s, { netuid: i, taoReserve: tao, alphaReserve: alpha, alphaOutstanding: out, tempo: 5 + i, movingPrice: (tao << 32n) / alpha, lastEpochBlock: i });
        registerUid(s, i, 0, i);
        assignAlphaStake(s, i, i, out);
      }
      return s;
    };
    const fast = mk();
    const ref = mk();
    for (let b = 1; b <= 25; b++) {
      expect(coinbaseCounting(fast, b)).toBe(true); // the number path ran the block
      updateMovingPrices(fast, b);
      coinbaseReference(ref, b);
      updateMovingPricesReference(ref, b);
      expect(snapshot(fast)).toEqual(snapshot(ref));
    }
    for (let i = 1; i <= 3; i++) {
      expect(fast.quoteWeight[i]).not.toBe(HALF); // re-weighted by the injections
      expect(fast.excessTaoTotal[i]).toBeGreaterThan(0n); // and chain buys ran at those weights
      expect(fast.protocolAlpha[i]).toBeGreaterThan(0n);
    }
  });
});
