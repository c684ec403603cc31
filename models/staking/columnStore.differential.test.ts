// Differential: the same random operation sequences through the engine's store (ColumnStakingStore
// over ChainEconomy columns) and through the plain in-memory StakingState must give identical
// results, refusals and state, and conserve TAO and alpha to the rao after every step.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addSubnet, assignAlphaStake, createChainEconomy, stakeRoot, type ChainEconomy } from "../emission/chainEconomy.js";
import { ledger } from "../emission/ledger.js";
import { makePool } from "../pool/pool.js";
import { ColumnStakingStore } from "./columnStore.js";
import { moveStake, swapStake, transferStake } from "./moveOps.js";
import { addStake, addStakeLimit, removeStake, removeStakeLimit, unstakeAll } from "./stakeOps.js";
import { StakingState } from "./stakingState.js";
import type { StakingStore } from "./stakingStore.js";

const TAO = 1_000_000_000n;
const NETUIDS = 3; // root (stable) + two dynamic subnets
const HOTKEYS = 4;
const COLDKEYS = 4;
const OWNER = [0, 0, 1, 2]; // hotkey → owner coldkey

interface Setup {
  reserves: { tao: bigint; alpha: bigint; fee: number }[]; // netuids 1, 2
  genesis: { hk: number; n: number; alpha: bigint }[];
  rootStake: bigint[];
  balances: bigint[];
  author: number | null;
}

interface Pair {
  econ: ChainEconomy;
  col: ColumnStakingStore;
  ref: StakingState;
  taoTotal: bigint; // reference: Σ every TAO place at setup
}

function build(s: Setup): Pair {
  const econ = createChainEconomy({ netuids: NETUIDS, hotkeys: HOTKEYS });
  econ.keys.owner.set(OWNER);
  const col = new ColumnStakingStore(econ, COLDKEYS);
  const ref = new StakingState();
  col.blockAuthor = ref.blockAuthor = s.author;
  col.feeRateOf = (n) => (n === 0 ? 0 : s.reserves[n - 1].fee);
  OWNER.forEach((ck, hk) => ref.hotkeyOwner.set(hk, ck));
  ref.addSubnet(0, makePool(0n, 0n, { mechanism: 0, feeRate: 0 }));
  s.reserves.forEach((r, k) => {
    const alphaOut = s.genesis.filter((g) => g.n === k + 1).reduce((a, g) => a + g.alpha, 0n);
    addSubnet(econ, { netuid: k + 1, taoReserve: r.tao, alphaReserve: r.alpha, alphaOutstanding: alphaOut });
    ref.addSubnet(k + 1, makePool(r.tao, r.alpha, { alphaOut, feeRate: r.fee }));
    ref.totalStake += r.tao;
  });
  for (const g of s.genesis) {
    assignAlphaStake(econ, g.n, g.hk, g.alpha);
    ref.sharePool(g.hk, g.n).updateValueForOne(OWNER[g.hk], g.alpha);
  }
  s.rootStake.forEach((tao, hk) => {
    if (tao === 0n) return;
    stakeRoot(econ, hk, tao);
    ref.sharePool(hk, 0).updateValueForOne(OWNER[hk], tao);
    ref.subnets.get(0)!.pool.taoReserve += tao;
    ref.subnets.get(0)!.pool.alphaOut += tao;
    ref.totalStake += tao;
  });
  s.balances.forEach((b, ck) => {
    econ.totalIssuance += b;
    col.addBalance(ck, b);
    ref.freeBalance.set(ck, b);
  });
  return { econ, col, ref, taoTotal: refTao(ref) };
}

function refTao(ref: StakingState): bigint {
  let t = ref.burnedTao;
  for (const b of ref.freeBalance.values()) t += b;
  for (const [n, sub] of ref.subnets) t += sub.pool.taoReserve + (ref.subnetAccount.get(n) ?? 0n);
  return t;
}

type Amount = { abs: bigint } | { permille: number };
type Op =
  | { k: "add"; ck: number; hk: number; n: number; tao: Amount }
  | { k: "addLimit"; ck: number; hk: number; n: number; tao: Amount; limit: bigint; partial: boolean }
  | { k: "remove"; ck: number; hk: number; n: number; alpha: Amount }
  | { k: "removeLimit"; ck: number; hk: number; n: number; alpha: Amount; limit: bigint; partial: boolean }
  | { k: "unstakeAll"; ck: number; hk: number }
  | { k: "move"; ck: number; hk: number; hk2: number; n: number; n2: number; alpha: Amount }
  | { k: "transfer"; ck: number; ck2: number; hk: number; n: number; n2: number; alpha: Amount }
  | { k: "swap"; ck: number; hk: number; n: number; n2: number; alpha: Amount; limit: bigint | null; partial: boolean }
  | { k: "emission"; hk: number; n: number; alpha: bigint; toOwner: boolean };

// −1: the owner of the operation's hotkey (who holds the genesis stake), so that many calls can succeed
const ck = fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: COLDKEYS - 1 }));
const hk = fc.oneof({ arbitrary: fc.integer({ min: 0, max: HOTKEYS - 1 }), weight: 9 }, { arbitrary: fc.constant(HOTKEYS), weight: 1 }); // HOTKEYS: no such hotkey
const netuid = fc.oneof({ arbitrary: fc.integer({ min: 0, max: NETUIDS - 1 }), weight: 9 }, { arbitrary: fc.constant(NETUIDS), weight: 1 }); // NETUIDS: no such subnet
const amount: fc.Arbitrary<Amount> = fc.oneof(
  fc.record({ abs: fc.oneof(fc.bigInt({ min: 0n, max: 5_000_000n }), fc.bigInt({ min: 0n, max: 500n * TAO }), fc.constantFrom(2_001_006n, 2_001_007n, 2_000_000n)) }),
  { arbitrary: fc.record({ permille: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constantFrom(1000, 1200)) }), weight: 2 },
);
const limit = fc.bigInt({ min: 1_000n, max: 4n * TAO });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ k: fc.constant("add" as const), ck, hk, n: netuid, tao: amount }),
  fc.record({ k: fc.constant("addLimit" as const), ck, hk, n: netuid, tao: amount, limit, partial: fc.boolean() }),
  fc.record({ k: fc.constant("remove" as const), ck, hk, n: netuid, alpha: amount }),
  fc.record({ k: fc.constant("removeLimit" as const), ck, hk, n: netuid, alpha: amount, limit, partial: fc.boolean() }),
  fc.record({ k: fc.constant("unstakeAll" as const), ck, hk }),
  fc.record({ k: fc.constant("move" as const), ck, hk, hk2: hk, n: netuid, n2: netuid, alpha: amount }),
  fc.record({ k: fc.constant("transfer" as const), ck, ck2: ck, hk, n: netuid, n2: netuid, alpha: amount }),
  fc.record({ k: fc.constant("swap" as const), ck, hk, n: netuid, n2: netuid, alpha: amount, limit: fc.option(limit), partial: fc.boolean() }),
  fc.record({ k: fc.constant("emission" as const), hk: fc.integer({ min: 0, max: HOTKEYS - 1 }), n: fc.integer({ min: 1, max: NETUIDS - 1 }), alpha: fc.bigInt({ min: 0n, max: 10n * TAO }), toOwner: fc.boolean() }),
);

/** Resolves an amount against the reference (balance for TAO, stake for alpha). */
const resolve = (a: Amount, base: bigint): bigint => ("abs" in a ? a.abs : (base * BigInt(a.permille)) / 1000n);

/** The operation with its amounts resolved against the state before it (identical in both stores). */
function call(op: Exclude<Op, { k: "emission" }>, ref: StakingState): (s: StakingStore) => unknown {
  const o = op.ck < 0 ? { ...op, ck: OWNER[op.hk] ?? 0 } : op;
  if (o.k === "transfer" && o.ck2 < 0) o.ck2 = (o.ck + 1) % COLDKEYS;
  const stake = "alpha" in o ? resolve(o.alpha, ref.stakeOf(o.hk, o.ck, o.n)) : 0n;
  const tao = "tao" in o ? resolve(o.tao, ref.balance(o.ck)) : 0n;
  switch (o.k) {
    case "add":
      return (s) => addStake(s, o.ck, o.hk, o.n, tao);
    case "addLimit":
      return (s) => addStakeLimit(s, o.ck, o.hk, o.n, tao, o.limit, o.partial);
    case "remove":
      return (s) => removeStake(s, o.ck, o.hk, o.n, stake);
    case "removeLimit":
      return (s) => removeStakeLimit(s, o.ck, o.hk, o.n, stake, o.limit, o.partial);
    case "unstakeAll":
      return (s) => unstakeAll(s, o.ck, o.hk);
    case "move":
      return (s) => moveStake(s, o.ck, o.hk, o.hk2, o.n, o.n2, stake);
    case "transfer":
      return (s) => transferStake(s, o.ck, o.ck2, o.hk, o.n, o.n2, stake);
    case "swap":
      return (s) => swapStake(s, o.ck, o.hk, o.n, o.n2, stake, o.limit ?? undefined, o.limit === null ? undefined : o.partial);
  }
}

/** Emission to a hotkey as the coinbase pays it: minted alpha, then the share pool's credit. */
function emit(p: Pair, o: Extract<Op, { k: "emission" }>): void {
  p.econ.alphaOut[o.n] += o.alpha;
  p.econ.alphaIssuance[o.n] += o.alpha;
  p.econ.keys.stake[o.n][o.hk] += o.alpha;
  p.ref.subnets.get(o.n)!.pool.alphaOut += o.alpha;
  if (o.toOwner) {
    p.col.toColdkey(o.n, o.hk, OWNER[o.hk], o.alpha);
    p.ref.sharePool(o.hk, o.n).updateValueForOne(OWNER[o.hk], o.alpha);
  } else {
    p.col.toNominators(o.n, o.hk, o.alpha);
    p.ref.addHotkeyEmission(o.hk, o.n, o.alpha);
  }
}

function expectSame(p: Pair, step: string): void {
  const { econ, col, ref } = p;
  for (let n = 0; n < NETUIDS; n++) {
    const pool = ref.subnets.get(n)!.pool;
    expect([econ.subnetTao[n], econ.alphaIn[n], econ.alphaOut[n]], `${step}: pool ${n}`).toEqual([pool.taoReserve, pool.alphaReserve, pool.alphaOut]);
    if (n > 0) expect(econ.quoteWeight[n], `${step}: quote weight ${n}`).toBe(pool.quoteWeight);
    expect(econ.burnedAlphaTotal[n], `${step}: burned alpha ${n}`).toBe(ref.burnedAlpha.get(n) ?? 0n);
    expect(econ.accountTao[n], `${step}: subnet account ${n}`).toBe(ref.subnetAccount.get(n) ?? 0n);
    for (let h = 0; h < HOTKEYS; h++) {
      expect(econ.keys.stake[n][h], `${step}: TotalHotkeyAlpha ${h}/${n}`).toBe(ref.hotkeyAlpha(h, n));
      for (let c = 0; c < COLDKEYS; c++) expect(col.stakeOf(h, c, n), `${step}: stake ${h}/${c}/${n}`).toBe(ref.stakeOf(h, c, n));
    }
  }
  for (let c = 0; c < COLDKEYS; c++) expect(col.balance(c), `${step}: balance ${c}`).toBe(ref.balance(c));
  expect(econ.totalStake, `${step}: TotalStake`).toBe(ref.totalStake);
  expect(econ.burnedTaoTotal, `${step}: burned TAO`).toBe(ref.burnedTao);
  // conservation to the rao: the engine's ledger, and the reference's own sums
  const l = ledger(econ);
  expect(l.tao.imbalance, `${step}: TAO ledger`).toBe(0n);
  for (const a of l.alpha) expect([a.issuanceImbalance, a.outstandingImbalance], `${step}: alpha ledger ${a.netuid}`).toEqual([0n, 0n]);
  expect(refTao(ref), `${step}: reference TAO`).toBe(p.taoTotal);
  for (let n = 1; n < NETUIDS; n++) {
    let held = ref.burnedAlpha.get(n) ?? 0n;
    for (let h = 0; h < HOTKEYS; h++) held += ref.hotkeyAlpha(h, n);
    expect(ref.subnets.get(n)!.pool.alphaOut, `${step}: reference alpha out ${n}`).toBe(held);
    expect(ref.subnets.get(n)!.pool.alphaReserve + ref.subnets.get(n)!.pool.alphaOut, `${step}: reference alpha issuance ${n}`).toBe(econ.alphaIssuance[n]);
  }
}

const reserve = fc.record({ tao: fc.bigInt({ min: 2n * TAO, max: 10_000n * TAO }), alpha: fc.bigInt({ min: 2n * TAO, max: 10_000n * TAO }), fee: fc.constantFrom(0, 33, 655, 10_000) });
const setup: fc.Arbitrary<Setup> = fc.record({
  reserves: fc.tuple(reserve, reserve),
  genesis: fc.array(fc.record({ hk: fc.integer({ min: 0, max: HOTKEYS - 1 }), n: fc.integer({ min: 1, max: 2 }), alpha: fc.bigInt({ min: 1n, max: 1000n * TAO }) }), { maxLength: 4 }),
  rootStake: fc.array(fc.bigInt({ min: 0n, max: 100n * TAO }), { minLength: HOTKEYS, maxLength: HOTKEYS }),
  balances: fc.array(fc.bigInt({ min: 0n, max: 1000n * TAO }), { minLength: COLDKEYS, maxLength: COLDKEYS }),
  author: fc.constantFrom(null, null, 3),
});

describe("staking differential: engine columns vs in-memory reference", () => {
  it("identical results, refusals and state; TAO and alpha conserved to the rao after every step", () => {
    fc.assert(
      fc.property(setup, fc.array(op, { minLength: 1, maxLength: 30 }), (s, ops) => {
        const p = build(s);
        expectSame(p, "setup");
        ops.forEach((o, k) => {
          const step = `${k} ${o.k}`;
          if (o.k === "emission") emit(p, o);
          else {
            const f = call(o, p.ref);
            const refResult = f(p.ref);
            expect(f(p.col), step).toEqual(refResult);
          }
          expectSame(p, step);
        });
      }),
      { numRuns: 300 },
    );
  });
});
