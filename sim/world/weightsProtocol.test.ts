import { describe, expect, it } from "vitest";
import { WeightBuffer } from "../../models/agents/weightBuffer.js";
import { resolveScenario } from "../../scenarios/schema.js";
import { createRng } from "../rng/createRng.js";
import { buildWorld } from "./buildWorld.js";
import { applyWeights, upscaleProposal } from "./weightsProtocol.js";
import { vecMaxUpscaleToU16 } from "../../models/fixed/vecMaxUpscaleToU16.js";

function smallWorld(commitReveal: boolean) {
  const sc = resolveScenario({
    name: "w",
    subnets: [{ validators: [{ count: 2 }], miners: [{ count: 4, quality: "0.25 * (i + 1)" }], hyperparameters: { commitReveal } }],
  });
  return buildWorld(sc, createRng(3));
}

function proposal(uid: number, entries: [number, number][]) {
  const b = new WeightBuffer(1, uid, 16);
  for (const [u, w] of entries) b.push(u, w);
  return b.action;
}

/** Everything set_weights may touch, copied. */
function snapshot(world: ReturnType<typeof smallWorld>) {
  const s = world.subnets[0];
  return JSON.stringify({
    len: Array.from(s.rowLen), vals: s.rowVals.map((r) => (r ? Array.from(r) : null)), cols: s.rowCols.map((r) => (r ? Array.from(r) : null)),
    lu: Array.from(s.lastUpdate), lw: Array.from(s.lastWeightsBlock, String), cr: Array.from(s.commitRevealEpoch), pending: s.pendingCommits,
  });
}

describe("weights protocol", () => {
  it("stores a proposal normalised like the chain: max → 65535, round(w/max · 65535)", () => {
    const world = smallWorld(false);
    const sub = world.subnets[0];
    const r = applyWeights(sub, world.econ, proposal(0, [[2, 0.5], [3, 1], [4, 0.25]]), 500, 1, 0n);
    expect(r).toEqual({ ok: true, committed: false });
    expect(Array.from(sub.rowVals[0]!.subarray(0, sub.rowLen[0]))).toEqual([32768, 65535, 16384]);
    expect(Array.from(sub.rowCols[0]!.subarray(0, 3))).toEqual([2, 3, 4]);
    expect(sub.lastUpdate[0]).toBe(500);
  });

  it("the float fast path equals vec_max_upscale_to_u16 on the same I32F32 raws", () => {
    const weights = [0.123456789, 1e-9, 0.5, 0.999999, 0.3333333333];
    const a = proposal(0, weights.map((w, k) => [k, w]));
    const max = Math.max(...weights);
    const raws = weights.map((w) => Math.floor((w / max) * 2 ** 32));
    expect(Array.from(upscaleProposal(a, new Uint16Array(8)) as Uint16Array).slice(0, 5)).toEqual(vecMaxUpscaleToU16(raws));
  });

  it.each([
    ["DuplicateUids", proposal(0, [[2, 1], [2, 0.5]]), 500],
    ["UidVecContainInvalidOne", proposal(0, [[99, 1]]), 500],
    ["HotKeyNotRegisteredInSubNet", proposal(12, [[2, 1]]), 500],
    ["InvalidWeights", proposal(0, [[2, Number.NaN]]), 500],
  ] as const)("a refused proposal (%s) leaves the state unchanged", (error, a, block) => {
    const world = smallWorld(false);
    const before = snapshot(world);
    expect(applyWeights(world.subnets[0], world.econ, a, block, 1, 0n)).toEqual({ ok: false, error });
    expect(snapshot(world)).toBe(before);
  });

  it("refuses a second set within WeightsSetRateLimit (100 blocks) without touching the first", () => {
    const world = smallWorld(false);
    const sub = world.subnets[0];
    expect(applyWeights(sub, world.econ, proposal(1, [[3, 1]]), 1000, 1, 0n).ok).toBe(true);
    const before = snapshot(world);
    expect(applyWeights(sub, world.econ, proposal(1, [[4, 1]]), 1099, 1, 0n)).toEqual({ ok: false, error: "SettingWeightsTooFast" });
    expect(snapshot(world)).toBe(before);
    expect(applyWeights(sub, world.econ, proposal(1, [[4, 1]]), 1100, 1, 0n).ok).toBe(true);
  });

  it("refuses a neuron without a validator permit unless it only weights itself", () => {
    const world = smallWorld(false);
    const sub = world.subnets[0];
    sub.permit[1] = 0;
    const before = snapshot(world);
    expect(applyWeights(sub, world.econ, proposal(1, [[2, 1]]), 500, 1, 0n)).toEqual({ ok: false, error: "NeuronNoValidatorPermit" });
    expect(snapshot(world)).toBe(before);
    expect(applyWeights(sub, world.econ, proposal(1, [[1, 1]]), 500, 1, 0n).ok).toBe(true);
  });

  it("refuses a validator below StakeThreshold", () => {
    const world = smallWorld(false);
    const r = applyWeights(world.subnets[0], world.econ, proposal(0, [[2, 1]]), 500, 1, 10n ** 18n);
    expect(r).toEqual({ ok: false, error: "NotEnoughStakeToSetWeights" });
  });

  it("with commit-reveal, a commit replaces nothing until its reveal epoch", () => {
    const world = smallWorld(true);
    const sub = world.subnets[0];
    const r = applyWeights(sub, world.econ, proposal(0, [[5, 1]]), 400, 1, 0n);
    expect(r).toEqual({ ok: true, committed: true });
    expect(sub.rowLen[0]).toBe(0);
    expect(sub.revealDue(1, 700)).toBe(0);
    expect(sub.revealDue(2, 720)).toBe(1);
    expect(Array.from(sub.rowCols[0]!.subarray(0, 1))).toEqual([5]);
    expect(sub.lastUpdate[0]).toBe(720);
    expect(sub.pendingCommits).toBe(0);
  });

  it("a late validator's commit is revealed revealDelayEpochs after the reveal period", () => {
    const world = smallWorld(true);
    const sub = world.subnets[0];
    const a = proposal(1, [[4, 1]]);
    a.revealDelayEpochs = 2;
    expect(applyWeights(sub, world.econ, a, 400, 3, 0n)).toEqual({ ok: true, committed: true });
    expect(sub.commitRevealEpoch[1]).toBe(6); // epoch 3 + RevealPeriodEpochs 1 + delay 2
    expect(sub.revealDue(5, 900)).toBe(0);
    expect(sub.revealDue(6, 1000)).toBe(1);
  });
});
