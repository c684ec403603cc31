import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makePool } from "../pool/pool.js";
import { currentPrice } from "../pool/swap.js";
import { StakingState } from "../staking/stakingState.js";
import { destroyAlphaInOutStakes, largestRemainderSplit, networkToPrune, type DissolveInput } from "./dissolveNetwork.js";
import { LEGACY_DEFAULTS, registrationBlockStep, upgradedBurn } from "./legacyBurn.js";
import {
  DEFAULT_NETWORK_PARAMS, lockReductionInterval, medianSubnetAlphaPrice, registerNetwork, startCall,
  type NetworkRegistrationContext, type NetworkRegistry,
} from "./registerNetwork.js";
import { DEFAULT_NEURON_REGISTRATION_PARAMS, newSubnetRegistrationState, registerNeuron, type NeuronRegistrationContext } from "./registerNeuron.js";
import { rootRegister, rootRegistrationBlockStep } from "./rootRegister.js";
import { createSubnetNeurons } from "./subnetNeurons.js";

const TAO = 1_000_000_000n;
const ONE = 1n << 64n;

function netCtx(block: number, over: Partial<typeof DEFAULT_NETWORK_PARAMS> = {}): NetworkRegistrationContext {
  const staking = new StakingState();
  const registry: NetworkRegistry = { subnets: new Map(), lastLockCost: 1000n * TAO, lastLockBlock: 0 };
  return { block, registry, staking, keys: { hotkeyOwner: staking.hotkeyOwner, ownedHotkeys: new Map(), freeBalance: staking.freeBalance }, params: { ...DEFAULT_NETWORK_PARAMS, ...over }, blockEmission: TAO };
}

const dissolveBase = (netuid: number): DissolveInput => ({
  netuid, registeredAt: 10, ownerColdkey: 99, locked: 0n, protocolAlpha: 0n, networkRegistrationStartBlock: 0,
  taoInRefundDeploymentBlock: 0, subnetOwnerCut: 11_796, alphaIssuance: 0n,
});

describe("legacy interval burn adjustment (selectable option)", () => {
  it("test_burn_adjustment (chain before 115c42049): two registrations over a target of 1 → burn ×1.5 next block", () => {
    const c: NeuronRegistrationContext = {
      block: 1, netuid: 1, neurons: createSubnetNeurons(1), reg: newSubnetRegistrationState(510_000n),
      params: { ...DEFAULT_NEURON_REGISTRATION_PARAMS, burnRule: "legacyInterval", legacy: { maxRegistrationsPerBlock: 3, targetRegistrationsPerInterval: 1, adjustmentInterval: 1, adjustmentAlpha: 58_000n } },
      pool: makePool(TAO * 1000n, TAO * 1000n), keys: { hotkeyOwner: new Map(), ownedHotkeys: new Map(), freeBalance: new Map([[1, 510_000n], [2, 510_000n]]) },
      subnetOwnerColdkey: -1, subnetOwnerHotkey: -1,
    };
    expect(registerNeuron(c, 1, 1).ok).toBe(true);
    expect(c.reg.burn).toBe(510_000n); // no bump under the legacy rule
    expect(registerNeuron(c, 2, 2).ok).toBe(true);
    registrationBlockStep(c.reg, 2, "legacyInterval", c.params.burn, c.params.legacy);
    expect(c.reg.burn).toBe(765_000n); // 510_000 · (2 + 1) / (2 · 1); alpha 58000/u64::MAX rounds to 0 in U110F18
    expect([c.reg.registrationsThisInterval, c.reg.registrationsThisBlock]).toEqual([0, 0]);
  });

  it("per-block and per-interval caps; upgraded_burn hand values", () => {
    const c: NeuronRegistrationContext = {
      block: 1, netuid: 1, neurons: createSubnetNeurons(1), reg: newSubnetRegistrationState(1_000_000n),
      params: { ...DEFAULT_NEURON_REGISTRATION_PARAMS, burnRule: "legacyInterval", legacy: { ...LEGACY_DEFAULTS, targetRegistrationsPerInterval: 1 } },
      pool: makePool(TAO * 1000n, TAO * 1000n), keys: { hotkeyOwner: new Map(), ownedHotkeys: new Map(), freeBalance: new Map([[1, 10n * TAO]]) },
      subnetOwnerColdkey: -1, subnetOwnerHotkey: -1,
    };
    expect(registerNeuron(c, 1, 1).ok).toBe(true);
    expect(registerNeuron(c, 1, 2)).toEqual({ ok: false, error: "TooManyRegistrationsThisBlock" });
    c.reg.registrationsThisBlock = 0;
    registerNeuron(c, 1, 2);
    c.reg.registrationsThisBlock = 0;
    registerNeuron(c, 1, 3);
    c.reg.registrationsThisBlock = 0;
    expect(registerNeuron(c, 1, 4)).toEqual({ ok: false, error: "TooManyRegistrationsThisInterval" });
    const p = { ...LEGACY_DEFAULTS };
    expect(upgradedBurn(1000n, 4, 2, p, 0n, 10n ** 12n)).toBe(1500n);
    expect(upgradedBurn(1000n, 0, 2, p, 0n, 10n ** 12n)).toBe(500n);
    expect(upgradedBurn(1000n, 0, 2, { ...p, adjustmentAlpha: 1n << 63n }, 0n, 10n ** 12n)).toBe(750n); // alpha = 0.5
    expect(upgradedBurn(1000n, 9, 1, p, 0n, 3000n)).toBe(3000n);
    expect(upgradedBurn(1000n, 0, 1, p, 600n, 3000n)).toBe(600n);
  });
});

describe("subnet registration (spec §5)", () => {
  it("lock reduction interval and median price", () => {
    expect(lockReductionInterval(100_800n, TAO)).toBe(100_800n);
    expect(lockReductionInterval(100_800n, TAO / 2n)).toBe(50_400n);
    expect(medianSubnetAlphaPrice([])).toBe(ONE);
    expect(medianSubnetAlphaPrice([3n * ONE, 0n, ONE, 2n * ONE])).toBe(2n * ONE);
    expect(medianSubnetAlphaPrice([4n * ONE, ONE, 3n * ONE, 2n * ONE])).toBe(5n * ONE / 2n);
  });

  it("first subnet: lock = min lock, whole lock becomes the pool at the median price, owner hotkey is uid 0", () => {
    const c = netCtx(100);
    c.staking.freeBalance.set(7, 1500n * TAO);
    const r = registerNetwork(c, 7, 70);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([r.netuid, r.lockCost, r.poolTao, r.poolAlpha, r.medianPrice]).toEqual([1, 1000n * TAO, 1000n * TAO, 1000n * TAO, ONE]);
    const rec = c.registry.subnets.get(1)!;
    expect([rec.neurons.n, rec.neurons.hotkey[0], rec.ownerColdkey, rec.emissionEnabled, rec.reg.burn, rec.lastEpochBlock]).toEqual([1, 70, 7, false, TAO, 99]);
    expect(c.staking.subnets.get(1)!.subtokenEnabled).toBe(false);
    expect(c.staking.totalStake).toBe(1000n * TAO);
    expect(c.staking.balance(7)).toBe(500n * TAO);
    expect(c.keys.hotkeyOwner.get(70)).toBe(7);
  });

  it("rate limit, doubling then linear decay of the lock, affordability; the second pool starts at the median price", () => {
    const c = netCtx(100);
    c.staking.freeBalance.set(7, 10_000n * TAO);
    expect(registerNetwork(c, 7, 70).ok).toBe(true);
    c.staking.subnets.get(1)!.pool.taoReserve = 2000n * TAO; // price 2
    c.block = 7299;
    expect(registerNetwork(c, 7, 71)).toEqual({ ok: false, error: "NetworkTxRateLimitExceeded" });
    c.block = 7300;
    c.staking.freeBalance.set(8, 1000n * TAO);
    expect(registerNetwork(c, 8, 80)).toEqual({ ok: false, error: "CannotAffordLockCost" });
    const r = registerNetwork(c, 7, 71);
    expect(r.ok && [r.netuid, r.lockCost, r.medianPrice]).toEqual([2, 2000n * TAO - 9_920_634n * 7200n, 2n * ONE]);
    expect(r.ok && r.poolAlpha).toBe((2000n * TAO - 9_920_634n * 7200n) / 2n);
    expect(c.registry.lastLockCost).toBe(1_928_571_435_200n);
    expect(registerNetwork(c, 8, 70)).toEqual({ ok: false, error: "NonAssociatedColdKey" });
  });

  it("subnet limit: refuse while all subnets are immune, then prune the lowest moving price and reuse its netuid", () => {
    const c = netCtx(100, { subnetLimit: 2, networkImmunityPeriod: 1000, networkRateLimit: 0 });
    c.staking.freeBalance.set(7, 100_000n * TAO);
    registerNetwork(c, 7, 70);
    registerNetwork(c, 7, 71);
    const before = JSON.stringify([...c.registry.subnets.keys()]);
    expect(registerNetwork(c, 7, 72)).toEqual({ ok: false, error: "SubnetLimitReached" });
    expect(JSON.stringify([...c.registry.subnets.keys()])).toBe(before);
    c.registry.subnets.get(1)!.movingPrice = 5n;
    c.registry.subnets.get(2)!.movingPrice = 3n;
    c.staking.sharePool(71, 2).updateValueForOne(3, 1_000n);
    c.block = 1100;
    const r = registerNetwork(c, 7, 72);
    expect(r.ok && r.pruned?.netuid).toBe(2);
    expect(r.ok && r.netuid).toBe(2);
    expect(c.registry.subnets.get(2)!.ownerHotkey).toBe(72);
    expect(c.staking.stakeOf(71, 3, 2)).toBe(0n);
  });

  it("start call: owner only, once, after StartCallDelay", () => {
    const c = netCtx(100);
    c.staking.freeBalance.set(7, 2000n * TAO);
    registerNetwork(c, 7, 70);
    expect(startCall(c.registry, c.staking, 8, 1, 100)).toEqual({ ok: false, error: "BadOrigin" });
    expect(startCall(c.registry, c.staking, 7, 5, 100)).toEqual({ ok: false, error: "SubnetNotExists" });
    expect(startCall(c.registry, c.staking, 7, 1, 105, 10)).toEqual({ ok: false, error: "NeedWaitingMoreBlocksToStarCall" });
    expect(startCall(c.registry, c.staking, 7, 1, 110, 10)).toEqual({ ok: true, firstEmissionBlock: 111 });
    expect(c.staking.subnets.get(1)!.subtokenEnabled).toBe(true);
    expect(startCall(c.registry, c.staking, 7, 1, 120)).toEqual({ ok: false, error: "FirstEmissionBlockNumberAlreadySet" });
  });

  it("a refused subnet registration leaves registry, pools and balances unchanged", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ ck: fc.integer({ min: 0, max: 2 }), hk: fc.integer({ min: 0, max: 5 }), dt: fc.integer({ min: 0, max: 9000 }), bal: fc.bigInt({ min: 0n, max: 3000n * TAO }) }), { maxLength: 8 }), (ops) => {
        const c = netCtx(1, { subnetLimit: 2, networkImmunityPeriod: 5000 });
        for (const op of ops) {
          c.block += op.dt;
          c.staking.freeBalance.set(op.ck, op.bal);
          const snap = () => JSON.stringify({ r: [...c.registry.subnets.keys()], l: [c.registry.lastLockCost, c.registry.lastLockBlock], b: [...c.staking.freeBalance], o: [...(c.keys.hotkeyOwner as Map<number, number>)], p: [...c.staking.subnets].map(([n, s]) => [n, { ...s.pool }]), t: c.staking.totalStake }, (_, v) => (typeof v === "bigint" ? v.toString() : v));
          const before = snap();
          const r = registerNetwork(c, op.ck, op.hk);
          if (!r.ok) expect(snap()).toBe(before);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("subnet pruning and dissolution (spec §5.4)", () => {
  it("get_network_to_prune: lowest moving price, tie → earliest registration, immune skipped, stable prices at 1", () => {
    const subs = [
      { netuid: 1, registeredAt: 0, mechanism: 1, movingPrice: 9n }, { netuid: 2, registeredAt: 5, mechanism: 1, movingPrice: 3n },
      { netuid: 3, registeredAt: 4, mechanism: 1, movingPrice: 3n }, { netuid: 4, registeredAt: 90, mechanism: 1, movingPrice: 0n },
      { netuid: 5, registeredAt: 0, mechanism: 0, movingPrice: 0n },
    ];
    expect(networkToPrune(subs, 100, 50)).toBe(3);
    expect(networkToPrune(subs, 100, 200)).toBeNull();
    expect(networkToPrune(subs, 150, 50)).toBe(4);
  });

  it("destroy_alpha_in_out_stakes vector 25: pot 10, three stakers of 1 alpha → 4, 3, 3", () => {
    const s = new StakingState();
    s.addSubnet(3, makePool(10n, 0n));
    s.totalStake = 10n;
    for (const [hk, ck] of [[1, 11], [2, 12], [3, 13]]) s.sharePool(hk, 3).updateValueForOne(ck, 1n);
    const r = destroyAlphaInOutStakes(s, dissolveBase(3));
    expect(r.ok && r.result.payouts.map((p) => p.tao)).toEqual([4n, 3n, 3n]);
    expect([s.balance(11), s.balance(12), s.balance(13), s.totalStake]).toEqual([4n, 3n, 3n, 0n]);
    expect(s.subnets.has(3)).toBe(false);
    expect(s.sharePools.size).toBe(0);
  });

  it("the protocol's alpha (SubnetAlphaIn + ProtocolAlpha) takes its share, which is recycled; legacy subnets refund the owner", () => {
    const s = new StakingState();
    s.addSubnet(4, makePool(1000n, 1n));
    s.sharePool(1, 4).updateValueForOne(11, 1n);
    s.sharePool(1, 4).updateValueForOne(12, 2n);
    const r = destroyAlphaInOutStakes(s, { ...dissolveBase(4), accountExtra: 7n });
    expect(r.ok && [r.result.payouts.map((p) => p.tao), r.result.protocolTao, r.result.recycled]).toEqual([[250n, 500n], 250n, 257n]);
    expect(largestRemainderSplit(10n, [1n, 1n, 1n])).toEqual([4n, 3n, 3n]);
    expect(largestRemainderSplit(10n, [1n, 2n, 4n])).toEqual([1n, 3n, 6n]); // 1.43, 2.86, 5.71: floors 1, 2, 5; leftover 2 → remainders 6/7, 5/7
    const t = new StakingState();
    t.addSubnet(5, makePool(100n, 0n));
    t.sharePool(1, 5).updateValueForOne(11, 1n);
    const legacy = destroyAlphaInOutStakes(t, { ...dissolveBase(5), registeredAt: 10, networkRegistrationStartBlock: 20, locked: 1000n, accountExtra: 40n });
    expect(legacy.ok && [legacy.result.ownerRefund, legacy.result.recycled]).toEqual([40n, 0n]);
    expect(t.balance(99)).toBe(40n);
    expect(currentPrice(makePool(2n * TAO, TAO))).toBe(2n * ONE);
  });
});

describe("root registration (root.rs::do_root_register)", () => {
  const rootCtx = (stakes: Map<number, bigint>) => ({
    block: 1, neurons: createSubnetNeurons(0, 2), reg: newSubnetRegistrationState(0n), maxRootValidators: 2,
    maxRegistrationsPerBlock: 1, targetRegistrationsPerInterval: 1,
    keys: { hotkeyOwner: new Map<number, number>(), ownedHotkeys: new Map<number, number[]>(), freeBalance: new Map<number, bigint>() },
    rootStake: (hk: number) => stakes.get(hk) ?? 0n,
  });

  it("per-block and per-interval caps (3 × target), lowest-stake replacement only for a strictly larger stake", () => {
    const stakes = new Map([[1, 50n], [2, 40n], [3, 40n], [4, 41n]]);
    const c = rootCtx(stakes);
    expect(rootRegister(c, 9, 1)).toEqual({ ok: true, uid: 0, replacedHotkey: -1 });
    expect(rootRegister(c, 9, 2)).toEqual({ ok: false, error: "TooManyRegistrationsThisBlock" });
    rootRegistrationBlockStep(c.reg, false);
    expect(rootRegister(c, 9, 2).ok).toBe(true);
    rootRegistrationBlockStep(c.reg, false);
    expect(rootRegister(c, 9, 3)).toEqual({ ok: false, error: "StakeTooLowForRoot" }); // 40 is not > 40
    expect(rootRegister(c, 9, 4)).toEqual({ ok: true, uid: 1, replacedHotkey: 2 });
    rootRegistrationBlockStep(c.reg, false);
    expect(rootRegister(c, 9, 5)).toEqual({ ok: false, error: "TooManyRegistrationsThisInterval" }); // checked before the hotkey
    rootRegistrationBlockStep(c.reg, true);
    expect(rootRegister(c, 9, 1)).toEqual({ ok: false, error: "HotKeyAlreadyRegisteredInSubNet" });
    stakes.set(5, 100n);
    expect(rootRegister(c, 9, 5)).toEqual({ ok: true, uid: 1, replacedHotkey: 4 });
  });
});

describe("a new subnet end to end", () => {
  it("register_network, then burned registrations on it; the owner hotkey (uid 0) is never pruned", () => {
    const c = netCtx(100);
    c.staking.freeBalance.set(7, 2000n * TAO);
    const r = registerNetwork(c, 7, 70);
    expect(r.ok).toBe(true);
    const rec = c.registry.subnets.get(1)!;
    const pool = c.staking.subnets.get(1)!.pool;
    const nctx: NeuronRegistrationContext = {
      block: 101, netuid: 1, neurons: rec.neurons, reg: rec.reg, params: { ...DEFAULT_NEURON_REGISTRATION_PARAMS, maxAllowedUids: 2, minNonImmuneUids: 0, immunityPeriod: 0 },
      pool, keys: c.keys, subnetOwnerColdkey: rec.ownerColdkey, subnetOwnerHotkey: rec.ownerHotkey,
    };
    c.staking.freeBalance.set(8, 10n * TAO);
    const a = registerNeuron(nctx, 8, 80);
    expect(a.ok && [a.uid, a.cost, a.swapFee]).toEqual([1, TAO, 503_547n]); // Burn = DefaultNeuronBurnCost
    expect(pool.taoReserve).toBe(1000n * TAO + 999_496_453n);
    expect(pool.balancerInitialized).toBe(true);
    const b = registerNeuron(nctx, 8, 81);
    expect(b.ok && [b.uid, b.replacedHotkey, b.cost]).toEqual([1, 80, 1_260_000_000n]);
    expect(rec.neurons.hotkey[0]).toBe(70);
  });
});
