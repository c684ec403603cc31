// A subnet with `consensus.variant` runs the research variant in place of the chain epoch: the
// outputs differ by variant, pay within the epoch's emission, keep the ledger balanced, and leave the
// default (chain) path untouched.
import { describe, expect, it } from "vitest";
import { resolveScenario } from "../../scenarios/schema.js";
import { executeRun } from "../run/runTask.js";
import { csvHeader, csvRows } from "../run/tableCsv.js";

const scenario = (consensus?: Record<string, unknown>) => resolveScenario({
  name: "variants",
  seed: 5,
  duration: { blocks: 900 },
  chain: { totalIssuance: 1000000 },
  subnets: [{
    tempo: 100,
    ...(consensus === undefined ? {} : { consensus }),
    validators: [
      { count: 3, stakeShare: 0.6 },
      { strategy: "copier", count: 1, stakeShare: 0.15 },
      { strategy: "cabal", count: 1, stakeShare: 0.25, favours: "cab", favourWeight: 0.9 },
    ],
    miners: [{ count: 8, quality: "0.3 + 0.7 * u" }, { count: 2, label: "cab", quality: 0.1 }],
  }],
});
const spec = { index: 0, point: 0, replicate: 0, seed: 99, params: {} };
const csv = (r: ReturnType<typeof executeRun>) =>
  (["neurons", "subnets", "chain"] as const).map((t) => `${csvHeader(r.tables[t])}\n${csvRows(r.tables[t])}`).join("\n---\n");

/** Column values of the neuron rows, by name. */
function neurons(r: ReturnType<typeof executeRun>): Record<string, unknown>[] {
  const t = r.tables.neurons;
  const names = t.names;
  return Array.from({ length: t.rows }, (_, row) => Object.fromEntries(names.map((n, c) => [n, t.cell(row, c)])));
}

/** Σ validator_emission per uid over the run (rao). */
function validatorTotals(rows: Record<string, unknown>[]): bigint[] {
  const out: bigint[] = [];
  for (const r of rows) {
    const uid = r.uid as number;
    out[uid] = (out[uid] ?? 0n) + BigInt(r.validator_emission as bigint);
  }
  return out.slice(0, 5);
}

describe("consensus.variant in the engine", () => {
  const yuma1 = executeRun(spec, scenario({ variant: "yuma1" }));
  const yuma3 = executeRun(spec, scenario({ variant: "yuma3" }));

  it("yuma1 and yuma3 give the validators different dividends", () => {
    const a = validatorTotals(neurons(yuma1));
    const b = validatorTotals(neurons(yuma3));
    expect(a.every((x) => x > 0n)).toBe(true);
    expect(b.every((x) => x > 0n)).toBe(true);
    expect(a).not.toEqual(b);
    expect(csv(yuma1)).not.toBe(csv(yuma3));
  });

  it("pays at most half the epoch's emission to servers and to validators, miners only as servers", () => {
    for (const r of [yuma1, yuma3]) {
      const rows = neurons(r);
      const epochs = new Set(rows.map((x) => x.epoch as number));
      expect(epochs.size).toBe(8);
      for (const e of epochs) {
        const at = rows.filter((x) => x.epoch === e);
        const server = at.reduce((s, x) => s + BigInt(x.server_emission as bigint), 0n);
        const validator = at.reduce((s, x) => s + BigInt(x.validator_emission as bigint), 0n);
        expect(server).toBeGreaterThan(0n);
        expect(validator).toBeGreaterThan(0n);
        // both halves of the same epoch emission, floored per neuron; the variants normalise rewards
        // by ΣD + 1e-6, so the validator half is short by a few parts per million
        const diff = server > validator ? server - validator : validator - server;
        expect(Number(diff) / Number(server)).toBeLessThan(1e-4);
        for (const x of at.filter((y) => (y.role as string) === "miner")) expect(x.validator_emission).toBe(0n);
        for (const x of at.filter((y) => (y.role as string).startsWith("validator"))) expect(x.server_emission).toBe(0n);
      }
    }
  });

  it("keeps TAO and alpha balanced to the rao", () => {
    for (const r of [yuma1, yuma3]) {
      expect(r.ledger.tao.imbalance).toBe(0n);
      for (const x of r.ledger.alpha) {
        expect(x.issuanceImbalance).toBe(0n);
        expect(x.outstandingImbalance).toBe(0n);
      }
    }
  });

  it("the cabal's favoured low-quality miners earn less incentive than the honest miners", () => {
    const rows = neurons(yuma3).filter((x) => x.epoch === 8);
    const cabMiners = rows.filter((x) => (x.uid as number) >= 13 && (x.uid as number) <= 14);
    const honestMiners = rows.filter((x) => (x.uid as number) >= 5 && (x.uid as number) <= 12);
    const mean = (xs: Record<string, unknown>[]) => xs.reduce((s, x) => s + (x.incentive as number), 0) / xs.length;
    expect(mean(cabMiners)).toBeLessThan(mean(honestMiners));
  });

  it("re-aligns its bonds through registrations, deregistrations and permit changes, ledger balanced", () => {
    const sc = resolveScenario({
      name: "churn", duration: { blocks: 1500 }, chain: { totalIssuance: 1000000 },
      subnets: [{
        tempo: 100, consensus: { variant: "yuma3-liquid" },
        validators: [{ count: 4 }, { strategy: "copier", count: 1 }],
        miners: [{ count: 8, churn: { leaveProbability: 0.05, joinWhenProfitable: true } }],
      }],
      events: [
        { at: { block: 350 }, kind: "register", miners: { count: 2, quality: 0.9 } },
        { at: { block: 450 }, kind: "register", validators: { count: 1 } },
        { at: { block: 650 }, kind: "deregister", uids: [6] },
        { at: { block: 850 }, kind: "hyperparameters", set: { maxAllowedValidators: 3 } },
      ],
    });
    const r = executeRun(spec, sc);
    expect(r.ledger.tao.imbalance).toBe(0n);
    for (const x of r.ledger.alpha) expect(x.issuanceImbalance + x.outstandingImbalance).toBe(0n);
    const last = neurons(r).filter((x) => x.epoch === 14);
    expect(last.filter((x) => x.validator_permit === 1 && (x.role as string).startsWith("validator")).length).toBe(3);
    expect(last.reduce((s, x) => s + BigInt(x.validator_emission as bigint), 0n)).toBeGreaterThan(0n);
  });

  it("an explicit chain variant is the default path, byte for byte", () => {
    expect(csv(executeRun(spec, scenario({ variant: "chain", params: { kappa: 0.9 } })))).toBe(csv(executeRun(spec, scenario())));
  });
});
