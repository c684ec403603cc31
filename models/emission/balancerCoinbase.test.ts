// The coinbase on the chain's balancer pool (spec/pools-staking-registration.md §2, emission.md §3.2):
// injection re-weights the pool (adjust_protocol_liquidity), the chain buy runs at the new weights on
// the pre-injection reserves, max_price cuts a buy, and NetworkRegistrationAllowed switches emission off.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_PRICE_RAO, makePool } from "../pool/pool.js";
import { doSwap, limitPriceFromRao } from "../pool/swap.js";
import { type ChainEconomy, addSubnet, createChainEconomy, stakeRoot } from "./chainEconomy.js";
import { buyWithExcess, injectAndMaybeSwap } from "./emitToSubnets.js";
import { ledger } from "./ledger.js";
import { balancerPool } from "./poolModel.js";
import { coinbase, runCoinbase, updateMovingPrices } from "./stepBlock.js";
import { subnetsToEmitTo } from "./subnetShares.js";

const RAO = 1_000_000_000n;
const TWO64 = 2 ** 64;
const price = (s: ChainEconomy, i: number): number => Number(balancerPool.currentPrice(s, i)) / TWO64;

/** One dynamic subnet with reserves (y, x) at weights 0.5/0.5; TAO issued to match. */
function onePool(y: bigint, x: bigint): ChainEconomy {
  const s = createChainEconomy({ netuids: 2, hotkeys: 1 });
  addSubnet(s, { netuid: 1, taoReserve: y, alphaReserve: x });
  return s;
}

/** inject_and_maybe_swap for netuid 1 with integer (tao_in, alpha_in, excess); returns the credit left. */
function inject(s: ChainEconomy, t: bigint, a: bigint, x: bigint): bigint {
  const sc = s.scratch;
  sc.nEmit = 1;
  sc.emit[0] = 1;
  sc.taoIn[0] = t << 32n; // U96F32
  sc.alphaIn[0] = a << 32n;
  sc.excess[0] = x << 32n;
  const credit = t + x;
  s.totalIssuance += credit;
  const left = injectAndMaybeSwap(s, balancerPool, credit);
  s.totalIssuance -= left; // recycle_credit
  return left;
}

describe("injection re-weights the pool (adjust_protocol_liquidity)", () => {
  // spec vector 11: w2 = 0.5, y = 1e12, x = 4e12 (price 0.25)
  const cases: [bigint, bigint, bigint][] = [
    [RAO, RAO, 500_187_382_885_696_439n],
    [RAO, 0n, 500_249_875_062_468_765n],
    [0n, RAO, 499_937_507_811_523_559n],
    [RAO, 4n * RAO, 500_000_000_000_000_000n],
  ];
  it.each(cases)("(Δy, Δx) = (%s, %s): quote weight %s, reserves grow, price stays 0.25 (±p/1e12)", (dy, dx, w) => {
    const s = onePool(1_000n * RAO, 4_000n * RAO);
    expect(inject(s, dy, dx, 0n)).toBe(0n);
    expect(s.quoteWeight[1]).toBe(w);
    expect(s.subnetTao[1]).toBe(1_000n * RAO + dy);
    expect(s.alphaIn[1]).toBe(4_000n * RAO + dx);
    expect(s.taoInEmission[1]).toBe(dy);
    expect(s.alphaInEmission[1]).toBe(dx);
    expect(Math.abs(price(s, 1) - 0.25)).toBeLessThan(0.25 / 1e12);
  });

  it("a weight that would leave [0.01, 0.99] injects nothing, keeps the weights and returns the TAO to the credit", () => {
    const s = onePool(1_000n, 1_000n);
    expect(inject(s, 1_000_000n, 0n, 0n)).toBe(1_000_000n);
    expect(s.quoteWeight[1]).toBe(500_000_000_000_000_000n);
    expect([s.subnetTao[1], s.alphaIn[1], s.taoInEmission[1], s.alphaInEmission[1]]).toEqual([1_000n, 1_000n, 0n, 0n]);
    expect(ledger(s).tao.imbalance).toBe(0n);
  });
});

describe("the chain buy of excess TAO (swap_tao_for_alpha, drop_fees)", () => {
  it("runs at the re-weighted weights on the pre-injection reserves, then the injection is added", () => {
    const s = onePool(1_000n * RAO, 4_000n * RAO);
    const excess = 500_000_000n;
    inject(s, RAO, RAO, excess);
    const w = 500_187_382_885_696_439n;
    const r = doSwap(makePool(1_000n * RAO, 4_000n * RAO, { quoteWeight: w }), "buy", excess, limitPriceFromRao(MAX_PRICE_RAO), true);
    if (!r.ok) throw new Error("swap refused");
    // x·(1 − (y/(y+Δy))^(w2/w1)) in floats: the exact result within 1e-9
    const wr = Number(w) / Number(10n ** 18n - w);
    const approx = 4e12 * (1 - (1e12 / (1e12 + 5e8)) ** wr);
    expect(Math.abs(Number(r.amountPaidOut) - approx) / approx).toBeLessThan(1e-9);
    expect(s.protocolAlpha[1]).toBe(r.amountPaidOut);
    expect(s.alphaOut[1]).toBe(r.amountPaidOut);
    expect(s.alphaIn[1]).toBe(4_000n * RAO - r.amountPaidOut + RAO);
    expect(s.subnetTao[1]).toBe(1_000n * RAO + excess + RAO);
    expect(s.excessTao[1]).toBe(excess);
    expect(s.quoteWeight[1]).toBe(w);
  });

  it("max_price (1e6 TAO per alpha) cuts a buy: SubnetExcessTao = amount_paid_in, the rest stays in the subnet account", () => {
    const s = onePool(900n * RAO, 1_000_000n); // price 9e5 TAO per alpha
    const stake0 = s.totalStake;
    const x = 100n * RAO;
    s.totalIssuance += x;
    buyWithExcess(s, balancerPool, 1, x);
    // at 0.5/0.5 the fill stops where (y + Δy)²/(x·y) = 1e6: Δy = y·(√(1e6/9e5) − 1)
    const paid = s.excessTao[1];
    expect(Math.abs(Number(paid) / (9e11 * (Math.sqrt(1e6 / 9e5) - 1)) - 1)).toBeLessThan(1e-9);
    expect(paid < x).toBe(true);
    expect(s.accountTao[1]).toBe(x - paid);
    expect(s.subnetTao[1]).toBe(900n * RAO + paid);
    expect(s.totalStake - stake0).toBe(x); // TotalStake += tao (the chain's bookkeeping, not amount_paid_in)
    expect(ledger(s).tao.imbalance).toBe(0n);
  });
});

describe("NetworkRegistrationAllowed switches off emission (get_subnets_to_emit_to)", () => {
  it("a subnet emits iff netuid ≠ 0, added, start_call made, SubtokenEnabled and NetworkRegistrationAllowed", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 8 }), (flags) => {
      const s = createChainEconomy({ netuids: flags.length + 1, hotkeys: 1 });
      const want: number[] = [];
      flags.forEach(([added, started, subtoken, allowed], k) => {
        const i = k + 1;
        s.added[i] = added ? 1 : 0;
        s.firstEmissionBlock[i] = started ? 5 : -1;
        s.subtokenEnabled[i] = subtoken ? 1 : 0;
        s.registrationAllowed[i] = allowed ? 1 : 0;
        if (added && started && subtoken && allowed) want.push(i);
      });
      const out = new Int32Array(flags.length + 1);
      expect(Array.from(out.subarray(0, subnetsToEmitTo(s, out)))).toEqual(want);
    }), { numRuns: 300 });
  });

  it("registration off: no TAO, no alpha, no moving-price update; the other subnet takes the whole block; pending still drains", () => {
    const s = createChainEconomy({ netuids: 3, hotkeys: 1 });
    for (const i of [1, 2]) addSubnet(s, { netuid: i, taoReserve: 1_000n * RAO, alphaReserve: 1_000n * RAO, tempo: 10, movingPrice: 1n << 31n });
    s.registrationAllowed[2] = 0;
    s.pendingServer[2] = 777n;
    const before = [s.subnetTao[2], s.alphaIn[2], s.alphaOut[2], s.movingPrice[2]];
    s.totalIssuance += RAO;
    const drained = runCoinbase(s, 100_000, RAO);
    updateMovingPrices(s, 100_000);
    expect([s.subnetTao[2], s.alphaIn[2], s.alphaOut[2], s.movingPrice[2]]).toEqual(before);
    expect([s.taoInEmission[2], s.alphaInEmission[2], s.alphaOutEmission[2]]).toEqual([0n, 0n, 0n]);
    expect(s.taoInEmission[1] + s.excessTao[1]).toBe(RAO); // share 1: tao_emission = E (no root stake: all chain-bought)
    expect(s.alphaOutEmission[1]).toBe(RAO);
    expect(s.movingPrice[1]).not.toBe(1n << 31n);
    expect(Array.from(s.scratch.drained.subarray(0, drained))).toEqual([1, 2]); // drain_pending runs over all subnets
    expect(s.scratch.drainedServer[1]).toBe(777n);
  });
});

describe("conservation with re-weighted pools", () => {
  it("random pools and weights: TAO and alpha to the rao after every block", () => {
    const w = fc.bigInt({ min: 10n ** 16n, max: 99n * 10n ** 16n });
    const amt = fc.bigInt({ min: 1_000_000n, max: 10n ** 16n });
    fc.assert(fc.property(fc.array(fc.tuple(amt, amt, w), { minLength: 1, maxLength: 4 }), fc.bigInt({ min: 0n, max: 10n ** 16n }), (pools, root) => {
      const s = createChainEconomy({ netuids: pools.length + 1, hotkeys: 1 });
      if (root > 0n) stakeRoot(s, 0, root);
      pools.forEach(([y, x, q], k) => {
        addSubnet(s, { netuid: k + 1, taoReserve: y, alphaReserve: x, alphaOutstanding: x / 3n, tempo: 0, movingPrice: 1n << 30n });
        s.quoteWeight[k + 1] = q;
      });
      for (let b = 1; b <= 6; b++) {
        const ti = s.totalIssuance;
        coinbase(s, b);
        updateMovingPrices(s, b);
        const l = ledger(s);
        expect(l.tao.imbalance).toBe(0n);
        // TotalStake counts a chain buy's whole TAO; a max_price cut leaves part of it in the account
        expect(l.tao.totalStake >= l.tao.poolTao && l.tao.totalStake <= l.tao.poolTao + l.tao.subnetAccounts).toBe(true);
        for (const a of l.alpha) expect([a.issuanceImbalance, a.outstandingImbalance]).toEqual([0n, 0n]);
        expect(s.totalIssuance - ti <= s.blockEmission).toBe(true);
      }
    }), { numRuns: 60 });
  });
});
