import { describe, expect, it } from "vitest";
import type { WeightsAction } from "../../models/agents/types.js";
import { resolveScenario } from "../../scenarios/schema.js";
import { createRng } from "../rng/createRng.js";
import { buildWorld } from "./buildWorld.js";
import { runSubnetEpoch } from "./epochAdapter.js";
import { OpsLog } from "./opsLog.js";
import { seedWeights, submitWeights } from "./weightsOps.js";

/** uids 0, 1 validators (permits), 2..5 miners, 6 the owner; tempo 10. */
function world(hyperparameters: Record<string, unknown> = {}, chain: Record<string, unknown> = {}, validators: Record<string, unknown> = {}) {
  const sc = resolveScenario({
    name: "w", chain: { totalIssuance: 100000, ...chain },
    subnets: [{ tempo: 10, validators: [{ count: 2, ...validators }], miners: [{ count: 4 }], hyperparameters: { maxAllowedValidators: 2, ...hyperparameters } }],
  });
  const w = buildWorld(sc, createRng(1));
  w.ops = new OpsLog();
  return w;
}

function proposal(uid: number, entries: [number, number][]): WeightsAction {
  return { kind: "set-weights", netuid: 1, uid, uids: Int32Array.from(entries.map((e) => e[0])), weights: Float64Array.from(entries.map((e) => e[1])), len: entries.length };
}

const row = (w: ReturnType<typeof world>, uid: number) => {
  const r = w.subnets[0].neurons.weights[uid];
  return r === undefined ? null : [Array.from(r.uids), Array.from(r.values)];
};

describe("weights through models/weights in the engine", () => {
  it("a commit sets LastUpdate at the commit block; the reveal runs in block_step before the coinbase and feeds that block's epoch", () => {
    const w = world();
    const sub = w.subnets[0];
    for (let b = 0; b <= 12; b++) w.blockStep(b); // the epoch of block 10 has run (SubnetEpochIndex 1)
    expect(w.econ.epochIndex[1]).toBe(1);
    expect(submitWeights(sub, w.econ, proposal(0, [[2, 1], [3, 3]]), 12, w.ops)).toEqual({ ok: true, committed: true });
    expect(sub.neurons.lastUpdate[0]).toBe(12); // LastUpdate at commit (weights.rs::internal_commit_timelocked_weights)
    expect(row(w, 0)).toBeNull(); // not visible before the reveal
    for (let b = 13; b < 20; b++) w.blockStep(b);
    expect(row(w, 0)).toBeNull();
    expect(w.blockStep(20)).toBe(1); // the next epoch fires at block 20
    // revealed before the coinbase: stored (max-upscaled: round(1/3·65535) = 21845) and used by this epoch
    expect(row(w, 0)).toEqual([[2, 3], [21845, 65535]]);
    const input = sub.input.weights;
    expect(Array.from(input.col.subarray(input.rowPtr[0], input.rowPtr[1]))).toEqual([2, 3]);
    expect(sub.neurons.lastUpdate[0]).toBe(12); // the reveal does not touch LastUpdate
    expect(w.ops!.rows.filter((r) => r.op !== "chain_buy").map((r) => [r.op, r.block, r.result])).toEqual([["commit_timelocked_weights", 12, "ok"], ["reveal_weights", 20, "ok"]]);
  });

  it("commits are rate-limited on LastUpdate (CommittingWeightsTooFast)", () => {
    const w = world({ weightsSetRateLimit: 100 });
    const sub = w.subnets[0];
    seedWeights(sub, w.econ, proposal(0, [[2, 1]])); // LastUpdate = 1
    expect(submitWeights(sub, w.econ, proposal(0, [[2, 1]]), 50, null)).toEqual({ ok: false, error: "CommittingWeightsTooFast" }); // LastUpdate = 1 (genesis weights)
    expect(submitWeights(sub, w.econ, proposal(0, [[2, 1]]), 101, null)).toEqual({ ok: true, committed: true });
  });

  it("set_weights applies the chain's checks in order: invalid target uid, MaxWeightExceeded, permit (owner exempt), stake threshold counting root through TaoWeight", () => {
    const w = world({ commitReveal: false, weightsSetRateLimit: 0, maxWeightLimit: 40000 }, { stakeThreshold: 1000, taoWeight: 0.5 }, { rootStake: 0 });
    const sub = w.subnets[0];
        expect(submitWeights(sub, w.econ, proposal(0, [[2, 1], [9, 1]]), 5, null)).toEqual({ ok: false, error: "UidVecContainInvalidOne" });
    expect(submitWeights(sub, w.econ, proposal(0, [[2, 1], [3, 0.5]]), 5, null)).toEqual({ ok: false, error: "MaxWeightExceeded" }); // share 2/3 > 40000/65535
    expect(submitWeights(sub, w.econ, proposal(0, [[2, 1], [3, 1]]), 5, null)).toEqual({ ok: true, committed: false }); // share 1/2 ≤ 0.61
    expect(submitWeights(sub, w.econ, proposal(2, [[3, 1], [4, 1]]), 5, null)).toEqual({ ok: false, error: "NotEnoughStakeToSetWeights" }); // a miner: no stake
    w.econ.keys.stake[0][sub.neurons.hotkey[2]] = 3_000_000_000_000n; // 3000 TAO on root: 0.5 · 3e12 rao ≥ the 1e12 rao threshold
    expect(submitWeights(sub, w.econ, proposal(2, [[3, 1], [4, 1]]), 5, null)).toEqual({ ok: false, error: "NeuronNoValidatorPermit" });
    expect(submitWeights(sub, w.econ, proposal(6, [[3, 1], [4, 1]]), 5, null)).toEqual({ ok: true, committed: false }); // the owner uid: no stake, no permit, still allowed
  });

  it("the epoch masks a live commit's weights to uids registered after it (run_epoch.rs commit mask)", () => {
    const w = world({ revealPeriodEpochs: 2, weightsSetRateLimit: 0 });
    const sub = w.subnets[0];
    seedWeights(sub, w.econ, proposal(0, [[2, 1], [3, 1], [4, 1]]));
    for (let b = 0; b <= 12; b++) w.blockStep(b);
    const r = submitWeights(sub, w.econ, proposal(0, [[2, 1], [3, 1]]), 12, null);
    expect(r).toEqual({ ok: true, committed: true }); // live until epoch 3
    sub.neurons.blockAtRegistration[3] = 15; // uid 3 re-registered after the commit
    const out = runSubnetEpoch(sub, w.econ, 20, 1_000_000_000n, "exact");
    const input = sub.input.weights;
    const seen = Array.from(input.col.subarray(input.rowPtr[0], input.rowPtr[1]));
    expect(seen).toEqual([2, 4]); // uid 0's stored row (2, 3, 4) loses uid 3
    expect(out.incentive[3]).toBe(0);
  });

  it("genesis weights count as set at block 1 through the chain's checks", () => {
    const w = world();
    const sub = w.subnets[0];
    expect(sub.neurons.lastUpdate[0]).toBe(0);
    expect(seedWeights(sub, w.econ, proposal(0, [[2, 1], [5, 2]]))).toEqual({ ok: true, committed: false });
    expect(sub.neurons.lastUpdate[0]).toBe(1);
    expect(row(w, 0)).toEqual([[2, 5], [32768, 65535]]);
  });
});
