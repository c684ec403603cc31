import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runEpoch } from "../../models/consensus/runEpoch.js";
import { resolveScenario } from "../../scenarios/schema.js";
import { createRng } from "../rng/createRng.js";
import { executeRun } from "../run/runTask.js";
import { loadSnapshotText } from "../snapshot/loadSnapshot.js";
import { snapshotEpochInput } from "../snapshot/snapshotEpochInput.js";
import { scenarioFromSnapshot } from "../snapshot/snapshotScenario.js";
import { buildWorld } from "./buildWorld.js";
import { seedInitialWeights } from "./agentRuntime.js";

const FILE = new URL("../../test/vectors/snapshots/sn15-4769998.json", import.meta.url);
const snapshot = loadSnapshotText(readFileSync(FILE, "utf8"), "sn15-4769998.json");
const scenario = resolveScenario({ name: "sn15", start: { snapshot: "x.json" }, duration: { blocks: 400 }, subnets: [{ netuid: 15, validators: [], miners: [] }] });

const csr = (w: { rowPtr: Int32Array; col: Int32Array; val: Uint16Array }, n: number) =>
  Array.from({ length: n }, (_, u) => Array.from(w.col.subarray(w.rowPtr[u], w.rowPtr[u + 1]), (c, k) => [c, w.val[w.rowPtr[u] + k]]));

describe("a run that starts from a snapshot", () => {
  it("a pre-dTAO snapshot (no pool) runs with the pool the scenario gives, inside the scenario's other subnets", () => {
    const raw = JSON.parse(readFileSync(FILE, "utf8"));
    delete raw.subnets[0].pool;
    const preDtao = loadSnapshotText(JSON.stringify(raw), "pre-dtao.json");
    const sc = resolveScenario({
      name: "pre", start: { snapshot: "x.json" }, duration: { blocks: 50 },
      subnets: [{ netuid: 15, validators: [], miners: [], pool: { taoReserve: 5000, alphaReserve: 10000 } }, { netuid: 3, validators: [{ count: 2 }], miners: [{ count: 3 }] }],
    });
    const world = buildWorld(scenarioFromSnapshot(sc, preDtao), createRng(1), "exact", preDtao);
    expect(world.subnets.map((s) => [s.publicNetuid, s.n])).toEqual([[15, 256], [3, 6]]);
    expect(world.econ.subnetTao[1]).toBe(5_000_000_000_000n);
    expect(world.econ.alphaIn[1]).toBe(10_000_000_000_000n);
    const r = executeRun({ index: 0, point: 0, replicate: 0, seed: 1, params: {} }, sc, { snapshot: preDtao });
    expect(r.ledger.tao.imbalance).toBe(0n);
  });

  it("the engine's first epoch of the imported subnet reads exactly what `taosim epoch --snapshot` reads, and computes the same", () => {
    const sc = scenarioFromSnapshot(scenario, snapshot);
    const world = buildWorld(sc, createRng(1), "exact", snapshot);
    for (const sub of world.subnets) seedInitialWeights(world, sub);
    expect(world.startBlock).toBe(4_769_998);
    const sub = world.subnets[0];
    expect(sub.publicNetuid).toBe(15);
    expect(sub.n).toBe(256);
    let b = world.startBlock;
    while (world.blockStep(b) === 0) b++;
    expect(b).toBe(4_769_877 + 360); // LastEpochBlock + tempo
    const input = sub.input;
    const ref = snapshotEpochInput(snapshot, 15, b, { raoEmission: BigInt(input.raoEmission) });
    expect(input.n).toBe(ref.n);
    expect(input.block).toBe(ref.block);
    expect(input.lastMechanismStepBlock).toBe(ref.lastMechanismStepBlock);
    expect(input.hyperparameters).toEqual(ref.hyperparameters);
    expect(input.ownerUid).toBe(ref.ownerUid);
    for (const k of ["alphaStake", "taoStake", "lastUpdate", "blockAtRegistration", "validatorPermit"] as const) {
      expect(Array.from(input[k].subarray(0, ref.n) as ArrayLike<number | bigint>)).toEqual(Array.from(ref[k] as ArrayLike<number | bigint>));
    }
    expect(csr(input.weights, ref.n)).toEqual(csr(ref.weights, ref.n));
    expect(csr(input.bonds, ref.n)).toEqual(csr(ref.bonds, ref.n));
    // the engine's epoch output is the kernel's output on the snapshot's input
    const out = runEpoch(ref, "exact");
    expect(Array.from(sub.neurons.incentive.subarray(0, ref.n))).toEqual(Array.from(out.incentive));
    expect(Array.from(sub.neurons.dividends.subarray(0, ref.n))).toEqual(Array.from(out.dividends));
  });

  it("imported validators follow the strategy the scenario assigns them by stake rank; the others replay their rows", () => {
    const sc = resolveScenario({
      name: "assign", start: { snapshot: "x.json" }, duration: { blocks: 400 },
      subnets: [{ netuid: 15, validators: [], miners: [], imported: [{ topStake: 3, as: { strategy: "copier", lagEpochs: 1 } }] }],
    });
    const world = buildWorld(scenarioFromSnapshot(sc, snapshot), createRng(1), "exact", snapshot);
    const sub = world.subnets[0];
    const stake = (u: number) => BigInt(snapshot.subnets[0].neurons[u].alphaStake);
    const validators = Array.from({ length: sub.n }, (_, u) => u).filter((u) => sub.role[u] === 1);
    const top3 = [...Array.from({ length: sub.n }, (_, u) => u)].sort((a, b) => (stake(b) > stake(a) ? 1 : stake(b) < stake(a) ? -1 : a - b)).slice(0, 3);
    for (const u of validators) expect(sub.strategy[u]).toBe(top3.includes(u) ? "copier" : "imported");
    expect(validators.filter((u) => sub.strategy[u] === "copier").length).toBe(top3.filter((u) => validators.includes(u)).length);
    const r = executeRun({ index: 0, point: 0, replicate: 0, seed: 1, params: {} }, sc, { snapshot });
    expect(r.ledger.tao.imbalance).toBe(0n);
  });

  it("an imported list needs start.snapshot and exactly one way to select", () => {
    expect(() => resolveScenario({ name: "x", subnets: [{ imported: [{ uids: [1], as: { strategy: "honest" } }] }] })).toThrow(/start\.snapshot/);
    expect(() => resolveScenario({ name: "x", start: { snapshot: "s.json" }, subnets: [{ imported: [{ uids: [1], topStake: 2, as: { strategy: "honest" } }] }] })).toThrow(/exactly one of uids, hotkeys, topStake/);
  });

  it("runs end to end from the snapshot's block, its replayed validators keeping their rows, conserving TAO and alpha", () => {
    const r = executeRun({ index: 0, point: 0, replicate: 0, seed: 1, params: {} }, scenario, { snapshot });
    expect(r.stats.blocks).toBe(400);
    expect(r.ledger.tao.imbalance).toBe(0n);
    for (const a of r.ledger.alpha) expect([a.issuanceImbalance, a.outstandingImbalance]).toEqual([0n, 0n]);
    expect(r.refusals).toEqual({ weights: 0, stake: 0, registration: 0 });
  });
});
