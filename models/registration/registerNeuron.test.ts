import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makePool } from "../pool/pool.js";
import { DEFAULT_BURN_PARAMS, u64f64FromF64 } from "./burn.js";
import { registrationBlockStep } from "./legacyBurn.js";
import { immuneOwnerUids, isImmune, neuronToPrune } from "./pruning.js";
import {
  DEFAULT_NEURON_REGISTRATION_PARAMS, newSubnetRegistrationState, pruneInputOf, registerNeuron, registerNeuronLimit,
  type NeuronRegistrationContext, type NeuronRegistrationParams,
} from "./registerNeuron.js";
import { cloneSubnetNeurons, createSubnetNeurons, rowsToCsr } from "./subnetNeurons.js";

const U64_MAX = (1n << 64n) - 1n;
const ONE = 1n << 64n;
const RESERVE = 1_000_000_000_000n;

function ctx(over: Partial<NeuronRegistrationParams> = {}, burn = 1_000n, netuid = 1): NeuronRegistrationContext {
  return {
    block: 1, netuid, neurons: createSubnetNeurons(netuid, 4), reg: newSubnetRegistrationState(burn),
    params: { ...DEFAULT_NEURON_REGISTRATION_PARAMS, ...over }, pool: makePool(RESERVE, RESERVE),
    keys: { hotkeyOwner: new Map(), ownedHotkeys: new Map(), freeBalance: new Map() },
    subnetOwnerColdkey: -1, subnetOwnerHotkey: -1,
  };
}

/** Everything registration may write, as plain data. */
function snapshot(c: NeuronRegistrationContext) {
  const s = cloneSubnetNeurons(c.neurons);
  return {
    n: s.n, hk: [...s.hotkey], uids: [...s.uidOf], bar: [...s.blockAtRegistration], lu: [...s.lastUpdate], perm: [...s.validatorPermit],
    em: [...s.emission], w: JSON.stringify(s.weights.map((r) => r && [[...r.uids], [...r.values]])), reg: { ...c.reg }, pool: { ...c.pool },
    owner: [...(c.keys.hotkeyOwner as Map<number, number>)], owned: [...(c.keys.ownedHotkeys as Map<number, number[]>)], bal: [...(c.keys.freeBalance as Map<number, bigint>)],
  };
}

describe("do_register (spec §4.2)", () => {
  it("test_registration_ok: uid 0, owner set, inflow = burn", () => {
    const c = ctx();
    c.keys.freeBalance.set(667, 50_000n);
    const r = registerNeuron(c, 667, 1);
    expect(r.ok && r.uid).toBe(0);
    expect(c.neurons.n).toBe(1);
    expect(c.keys.hotkeyOwner.get(1)).toBe(667);
    expect(r.ok && r.totalStakeDelta).toBe(1_000n); // SubnetTaoFlow = burn
    expect(c.keys.freeBalance.get(667)).toBe(49_000n);
  });

  it("test_registration_disabled / test_registration_root_not_permitted / test_registration_not_enough_balance", () => {
    expect(registerNeuron(ctx({ registrationAllowed: false }), 667, 1)).toEqual({ ok: false, error: "SubNetRegistrationDisabled" });
    expect(registerNeuron(ctx({}, 1000n, 0), 2, 1)).toEqual({ ok: false, error: "RegistrationNotPermittedOnRootSubnet" });
    const c = ctx({}, 10_000n);
    c.keys.freeBalance.set(667, 9_999n);
    expect(registerNeuron(c, 667, 1)).toEqual({ ok: false, error: "NotEnoughBalanceToStake" });
    expect(c.neurons.n).toBe(0);
  });

  it("test_registration_non_associated_coldkey and test_registration_without_neuron_slot_doesnt_burn", () => {
    const c = ctx();
    c.keys.hotkeyOwner.set(1, 111);
    c.keys.freeBalance.set(222, 50_000n);
    expect(registerNeuron(c, 222, 1)).toEqual({ ok: false, error: "NonAssociatedColdKey" });
    const d = ctx({ maxAllowedUids: 0 });
    d.keys.freeBalance.set(667, 10_000n);
    expect(registerNeuron(d, 667, 1)).toEqual({ ok: false, error: "NoNeuronIdAvailable" });
    expect(d.keys.freeBalance.get(667)).toBe(10_000n);
    expect(d.keys.hotkeyOwner.has(1)).toBe(false);
  });

  it("test_registration_already_active_hotkey_error", () => {
    const c = ctx();
    c.keys.freeBalance.set(667, 1_000_000n);
    expect(registerNeuron(c, 667, 1).ok).toBe(true);
    c.block = 2;
    expect(registerNeuron(c, 667, 1)).toEqual({ ok: false, error: "HotKeyAlreadyRegisteredInSubNet" });
  });

  it("test_registration_increases_recycled_rao_per_subnet", () => {
    const c = ctx({ burn: { ...DEFAULT_BURN_PARAMS, halfLife: 1, increaseMult: ONE, minBurn: 0n } });
    c.keys.freeBalance.set(667, 1_000_000n);
    const burn1 = c.reg.burn;
    expect(registerNeuron(c, 667, 1).ok).toBe(true);
    expect(c.reg.raoRecycledForRegistration).toBe(burn1);
    c.block = 2;
    registrationBlockStep(c.reg, 2, "decay", c.params.burn, c.params.legacy);
    const burn2 = c.reg.burn;
    expect(burn2).toBe(500n); // half-life 1: decay_factor_q32(1) = 2^31
    expect(registerNeuron(c, 667, 2).ok).toBe(true);
    expect(c.reg.raoRecycledForRegistration).toBe(burn1 + burn2);
  });

  it("the burn buys alpha and burns it: pool y=1e9, x=4e9, burn 1 TAO (spec vector 3 amounts)", () => {
    const c = ctx({}, 1_000_000_000n);
    c.pool = makePool(1_000_000_000n, 4_000_000_000n, { alphaOut: 77n });
    c.keys.freeBalance.set(5, 2_000_000_000n);
    const r = registerNeuron(c, 5, 9);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([r.swapFee, r.alphaBurned, r.taoPaid]).toEqual([503_547n, 1_999_496_326n, 1_000_000_000n]);
    expect(c.pool.taoReserve).toBe(1_000_000_000n + 999_496_453n);
    expect(c.pool.alphaReserve).toBe(4_000_000_000n - 1_999_496_326n);
    expect(c.pool.alphaOut).toBe(77n); // bought then burned
    expect(r.newBurn).toBe(1_260_000_000n); // bump ×1.26
  });

  it("register_limit refuses when Burn > limit", () => {
    const c = ctx();
    c.keys.freeBalance.set(5, 10_000n);
    expect(registerNeuronLimit(c, 5, 9, 999n)).toEqual({ ok: false, error: "RegistrationPriceLimitExceeded" });
    expect(registerNeuronLimit(c, 5, 9, 1_000n).ok).toBe(true);
  });

  it("test_registration_pruning: full subnet replaces the oldest non-immune lowest-emission uid (uid 1)", () => {
    const c = ctx({ maxAllowedUids: 3, immuneOwnerUidsLimit: 0, immunityPeriod: 100, minNonImmuneUids: 0 });
    for (const [i, hk] of [30_001, 30_002, 30_003].entries()) {
      c.keys.freeBalance.set(20_001 + i, 10n ** 12n);
      expect(registerNeuron(c, 20_001 + i, hk).ok).toBe(true);
    }
    c.block = 1000;
    c.neurons.blockAtRegistration.set([850, 800, 990]);
    c.neurons.emission.set([10n, 10n, 1n]);
    expect(neuronToPrune(pruneInputOf(c))).toBe(1);
    c.keys.freeBalance.set(50_000, 10n ** 12n);
    const r = registerNeuron(c, 50_000, 40_000);
    expect(r.ok && [r.uid, r.replacedHotkey]).toEqual([1, 30_002]);
    expect(c.neurons.n).toBe(3);
    expect(c.neurons.uidOf.has(30_002)).toBe(false);
    expect([c.neurons.uidOf.get(30_001), c.neurons.uidOf.get(40_000), c.neurons.uidOf.get(30_003)]).toEqual([0, 1, 2]);
  });

  it("a replaced uid resets: weights row gone, others' weights to it zeroed, bonds row gone, permit off, LastUpdate = block", () => {
    const c = ctx({ maxAllowedUids: 2, immuneOwnerUidsLimit: 1, minNonImmuneUids: 0, immunityPeriod: 10 });
    c.keys.freeBalance.set(1, 10n ** 12n);
    registerNeuron(c, 1, 100);
    registerNeuron(c, 1, 101);
    const s = c.neurons;
    s.weights[0] = { uids: Uint16Array.of(0, 1), values: Uint16Array.of(5, 65535) };
    s.weights[1] = { uids: Uint16Array.of(0), values: Uint16Array.of(65535) };
    s.bonds[1] = { uids: Uint16Array.of(0), values: Uint16Array.of(9) };
    s.bonds[0] = { uids: Uint16Array.of(1), values: Uint16Array.of(7) };
    s.validatorPermit.set([1, 1]);
    s.emission.set([5n, 3n]);
    s.incentive.set([4, 4]);
    c.block = 500;
    c.keys.freeBalance.set(2, 10n ** 12n);
    const r = registerNeuron(c, 2, 200);
    expect(r.ok && r.uid).toBe(1);
    expect(s.weights[1]).toBeUndefined();
    expect([...s.weights[0]!.values]).toEqual([5, 0]); // entry kept, value 0
    expect(s.bonds[1]).toBeUndefined();
    expect([...s.bonds[0]!.values]).toEqual([7]); // others' bonds toward it stay
    expect([s.validatorPermit[1], s.emission[1], s.incentive[1], s.lastUpdate[1], s.blockAtRegistration[1]]).toEqual([0, 0n, 0, 500, 500]);
    const w = rowsToCsr(s.weights, s.n);
    expect([...w.rowPtr]).toEqual([0, 2, 2]);
  });

  it("the owner hotkey is never replaced; with ImmuneOwnerUidsLimit 0 the call succeeds without registering", () => {
    const c = ctx({ maxAllowedUids: 1, immuneOwnerUidsLimit: 0, minNonImmuneUids: 0, immunityPeriod: 0 });
    c.keys.freeBalance.set(1, 10n ** 12n);
    registerNeuron(c, 1, 100);
    c.subnetOwnerColdkey = 1;
    c.subnetOwnerHotkey = 100;
    c.keys.freeBalance.set(2, 10n ** 12n);
    const price = c.reg.burn; // 1000 × 1.26 clamped up to MinBurn 500_000
    expect(price).toBe(500_000n);
    const r = registerNeuron(c, 2, 200);
    expect(r.ok && [r.registered, r.uid]).toEqual([false, 0]);
    expect(c.neurons.hotkey[0]).toBe(100);
    expect(c.keys.freeBalance.get(2)).toBe(10n ** 12n - price); // burned all the same
    c.params = { ...c.params, immuneOwnerUidsLimit: 1 };
    expect(registerNeuron(c, 2, 201)).toEqual({ ok: false, error: "NoNeuronIdAvailable" });
  });

  it("test_burned_register_immediately_bumps_price_many_multipliers_and_same_block_registrations", () => {
    const cases: [bigint, bigint, bigint, bigint, number][] = [
      [0n, 0n, 100_000n, U64_MAX, 7], [5n, 0n, 1n, U64_MAX, 7], [0n, 1n, 100_000n, U64_MAX, 7], [7n, 1n, 1n, U64_MAX, 7],
      [2n, 2n, 1n, 400n, 8], [3n, 3n, 1n, U64_MAX, 6], [4n, 4n, 1n, U64_MAX, 6], [7n, 10n, 1n, 500_000n, 5],
      [1n, 100n, 1n, 5_000_000_000n, 5], [1n, 1000n, 1n, 50_000_000_000n, 4], [5n, 1n, 1n, U64_MAX, 32], [1n, 2n, 1n, U64_MAX, 20],
    ];
    const refBump = (prev: bigint, mult: bigint, min: bigint, max: bigint) => {
      const n = prev * (mult > 1n ? mult : 1n);
      return n < min ? min : n > max ? max : n;
    };
    for (const [initial, mult, minBurn, maxBurn, regs] of cases) {
      const c = ctx({ burn: { halfLife: 0, increaseMult: mult * ONE, minBurn, maxBurn } }, initial);
      c.pool = makePool(10n ** 15n, 10n ** 15n);
      c.reg.registrationsThisInterval = 99;
      let expected = initial;
      let recycled = 0n;
      for (let i = 0; i < regs; i++) {
        c.keys.freeBalance.set(7, expected + 11n);
        expect(c.reg.burn).toBe(expected);
        const r = registerNeuron(c, 7, 1000 + i);
        expect(r.ok && r.uid).toBe(i);
        expect(c.keys.freeBalance.get(7)).toBe(11n);
        recycled += expected;
        expected = refBump(expected, mult, minBurn, maxBurn);
        expect(c.reg.registrationsThisBlock).toBe(i + 1);
      }
      expect(c.reg.burn).toBe(expected);
      expect(c.reg.raoRecycledForRegistration).toBe(recycled);
      expect(c.reg.registrationsThisInterval).toBe(99); // untouched for non-root
    }
  });

  it("test_update_registration_prices_for_networks_runs_on_next_block_step: 1000 → 999, counter reset", () => {
    const reg = newSubnetRegistrationState(1_000n);
    reg.registrationsThisBlock = 3;
    registrationBlockStep(reg, 2, "decay", { halfLife: 1000, increaseMult: 2n * ONE, minBurn: 0n, maxBurn: U64_MAX }, DEFAULT_NEURON_REGISTRATION_PARAMS.legacy);
    expect([reg.burn, reg.registrationsThisBlock]).toEqual([999n, 0]);
    expect(u64f64FromF64(3)).toBe(3n * ONE);
  });
});

describe("registration properties", () => {
  const arb = fc.record({
    maxUids: fc.integer({ min: 0, max: 6 }), immunity: fc.integer({ min: 0, max: 50 }), minFree: fc.integer({ min: 0, max: 3 }),
    ownerLimit: fc.integer({ min: 0, max: 2 }), allowed: fc.boolean(), rule: fc.constantFrom("decay" as const, "legacyInterval" as const),
    ops: fc.array(fc.record({ ck: fc.integer({ min: 0, max: 3 }), hk: fc.integer({ min: 0, max: 9 }), dt: fc.integer({ min: 0, max: 20 }), bal: fc.bigInt({ min: 0n, max: 3_000_000n }), em: fc.bigInt({ min: 0n, max: 3n }) }), { maxLength: 25 }),
  });

  it("a refusal leaves the state unchanged; a replaced uid is never owner-immortal, and non-immune while more than MinNonImmuneUids are free; burn stays in [min, max]", () => {
    fc.assert(
      fc.property(arb, (a) => {
        const c = ctx({ maxAllowedUids: a.maxUids, immunityPeriod: a.immunity, minNonImmuneUids: a.minFree, immuneOwnerUidsLimit: a.ownerLimit, registrationAllowed: a.allowed, burnRule: a.rule }, 500_000n);
        c.subnetOwnerColdkey = 0;
        c.subnetOwnerHotkey = 0;
        c.keys.ownedHotkeys.set(0, [0, 1]);
        c.keys.hotkeyOwner.set(0, 0);
        c.keys.hotkeyOwner.set(1, 0);
        for (const op of a.ops) {
          for (let b = c.block + 1; b <= c.block + op.dt; b++) registrationBlockStep(c.reg, b, a.rule, c.params.burn, c.params.legacy);
          c.block += op.dt;
          if (c.neurons.n > 0) c.neurons.emission[op.hk % c.neurons.n] = op.em;
          c.keys.freeBalance.set(op.ck, op.bal);
          const before = snapshot(c);
          const inp = pruneInputOf(c);
          const r = registerNeuron(c, op.ck, op.hk);
          if (!r.ok) expect(snapshot(c)).toEqual(before);
          else if (r.replacedHotkey >= 0) {
            expect(immuneOwnerUids(inp).has(r.uid)).toBe(false);
            const free = inp.hotkey.filter((hk, u) => hk >= 0 && !immuneOwnerUids(inp).has(u) && !isImmune(inp.now, inp.blockAtRegistration[u], inp.immunityPeriod)).length;
            if (free > a.minFree) expect(isImmune(inp.now, inp.blockAtRegistration[r.uid], inp.immunityPeriod)).toBe(false);
          }
          expect(c.reg.burn >= c.params.burn.minBurn && c.reg.burn <= c.params.burn.maxBurn).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
