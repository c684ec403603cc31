import { describe, expect, it } from "vitest";
import { ledger } from "../../models/emission/ledger.js";
import { resolveScenario } from "../../scenarios/schema.js";
import { createRng } from "../rng/createRng.js";
import { buildWorld } from "./buildWorld.js";
import { burnedRegister } from "./registrationOps.js";
import { bumpBurn, decayBurn, DEFAULT_BURN_PARAMS } from "../../models/registration/burn.js";

const world = (maxAllowedUids: number, miners: number) =>
  buildWorld(
    resolveScenario({ name: "r", chain: { totalIssuance: 100000 }, subnets: [{ validators: [{ count: 2 }], miners: [{ count: miners }], hyperparameters: { maxAllowedUids, maxAllowedValidators: 4 } }] }),
    createRng(2),
  );

describe("burned_register on the engine's state (models/registration)", () => {
  it("appends a neuron, pays the burn into the pool (bought alpha recycled) and bumps the burn ×1.26", () => {
    const w = world(16, 4);
    const sub = w.subnets[0];
    const ck = w.nextColdkey++;
    const hk = w.newHotkey(ck);
    const clock = w.burnClocks[0];
    const burn = clock.advance(10);
    let expected = 1_000_000_000n; // the model's per-block step, blocks 1..10 (decay from block 2)
    for (let b = 1; b <= 10; b++) expected = decayBurn(expected, b, DEFAULT_BURN_PARAMS);
    expect(burn).toBe(expected);
    expect(burn).toBe(982_820_594n);
    w.accounts.fundFromOutside(ck, burn);
    const n = sub.n;
    const r = burnedRegister(w, sub, clock, ck, hk, 10);
    expect(r.ok && [r.uid, r.replacedHotkey, r.cost]).toEqual([n, -1, burn]);
    expect(sub.n).toBe(n + 1);
    expect(w.econ.uidHotkey[1][n]).toBe(hk);
    expect(sub.reg.burn).toBe(bumpBurn(burn, DEFAULT_BURN_PARAMS)); // burn · U64F64(1.26), floored
    expect(sub.reg.burn).toBe(1_238_353_948n);
    expect(w.econ.recycledAlphaTotal[1] > 0n).toBe(true);
    expect(ledger(w.econ).tao.imbalance).toBe(0n);
    expect(burnedRegister(w, sub, clock, ck, hk, 11)).toEqual({ ok: false, error: "HotKeyAlreadyRegisteredInSubNet" });
  });

  it("a full subnet with at most MinNonImmuneUids prunable neurons refuses (NoNeuronIdAvailable) and charges nothing", () => {
    const w = world(6, 4);
    const sub = w.subnets[0];
    expect(sub.n).toBe(6);
    const ck = w.nextColdkey++;
    const hk = w.newHotkey(ck);
    w.accounts.fundFromOutside(ck, 10_000_000_000n);
    w.burnClocks[0].advance(6000); // time moves the burn; the refusal must not
    const before = [w.econ.subnetTao[1], w.econ.alphaIn[1], w.accounts.balance(ck), sub.reg.burn];
    expect(burnedRegister(w, sub, w.burnClocks[0], ck, hk, 6000)).toEqual({ ok: false, error: "NoNeuronIdAvailable" });
    expect([w.econ.subnetTao[1], w.econ.alphaIn[1], w.accounts.balance(ck), sub.reg.burn]).toEqual(before);
  });
});
