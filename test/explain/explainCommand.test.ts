// `taosim explain` end to end on a small run (one subnet of 64 validators and 192 miners for one day, 2 replicates, from a file):
// the re-run reproduces the neurons.csv row it explains; bad input exits 2 saying what exists; a changed
// scenario file exits 2; a row the re-run does not reproduce exits 1. Nothing on stdout unless explained.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../sim/cli/main.js";
import * as runModule from "../../sim/cli/commands/run.js";
import * as explainModule from "../../sim/cli/commands/explain.js";

const root = mkdtempSync(join(tmpdir(), "taosim-explain-"));
const scenario = join(root, "small.yaml");
const runDir = join(root, "run");
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function taosim(...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { io: { writeOut: (t) => void (out += t), writeErr: (t) => void (err += t), readStdin: async () => "" } }, [runModule, explainModule]);
  return { code, out, err };
}

/** neurons.csv rows as objects. */
function neurons(dir: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(join(dir, "neurons.csv"), "utf8").trim().split("\n");
  const cols = head.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((c, i) => [cols[i], c])));
}

beforeAll(async () => {
  writeFileSync(scenario, readFileSync(new URL("../fixtures/one-subnet.yaml", import.meta.url), "utf8"));
  const r = await taosim("run", scenario, "--out", runDir, "--workers", "1", "--quiet", "--set", "duration.days=1");
  expect(r.code, r.err).toBe(0);
}, 120_000);

describe("taosim explain", () => {
  it("explains a validator's row of the last epoch as JSON, reproducing every cell of neurons.csv", async () => {
    const r = await taosim("explain", runDir, "--netuid", "1", "--uid", "2", "--task", "1", "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const rows = neurons(runDir).filter((x) => x.task === "1" && x.netuid === "1");
    const last = Math.max(...rows.map((x) => Number(x.epoch)));
    const row = rows.find((x) => x.epoch === String(last) && x.uid === "2")!;
    expect(j).toMatchObject({ format: "taosim.explain/1", task: 1, netuid: 1, epoch: last, uid: 2, reproduced: true, row });
    // the derivation's numbers are the row's numbers
    const u16 = (bits: string) => Math.floor((Number(bits) * 65535) / 2 ** 32);
    expect(u16(j.stake.stakeWeight.bits)).toBe(Number(row.stake_weight));
    expect(u16(j.validator.dividends.bits)).toBe(Number(row.dividends));
    expect(u16(j.validator.validatorTrust.bits)).toBe(Number(row.validator_trust));
    expect(j.emission.validator).toBe(row.validator_emission);
    expect(j.emission.server).toBe(row.server_emission);
    expect(j.stake.active).toBe(row.active === "1");
  }, 120_000);

  it("explains a miner at a given epoch in words", async () => {
    const r = await taosim("explain", runDir, "--netuid", "1", "--uid", "100", "--task", "0", "--epoch", "2");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^uid 100 of netuid 1 \(hotkey \d+, miner\), task 0, epoch 2 at block \d+/);
    expect(r.out).toContain("As a miner");
    expect(r.out).toMatch(/incentive = rank \/ Σ ranks [\d.e-]+ = [\d.e-]+ \(u16 \d+\)/);
    expect(r.out).toContain("The re-run reproduces this neurons.csv row exactly (22 cells).");
  }, 120_000);

  it.each([
    [["explain", join(root, "nope"), "--netuid", "1", "--uid", "0"], "RUNDIR: expected a run folder", "no such folder"],
    [["explain", root, "--netuid", "1", "--uid", "0"], "RUNDIR: expected a run folder", "no manifest.json"],
    [["explain", runDir, "--netuid", "1", "--uid", "0"], "--task: expected one of the run's 2 tasks: 0, 1", "none given"],
    [["explain", runDir, "--netuid", "1", "--uid", "0", "--task", "5"], "--task: expected a task of the run that finished ok: 0, 1", "found 5"],
    [["explain", runDir, "--netuid", "7", "--uid", "0", "--task", "0"], "--netuid: expected a netuid with neuron rows in task 0: 1", "found 7"],
    [["explain", runDir, "--netuid", "1", "--uid", "999", "--task", "0"], "--uid: expected a uid of netuid 1 at epoch", "0 … 255, found 999"],
    [["explain", runDir, "--netuid", "1", "--uid", "0", "--task", "0", "--epoch", "40"], "--epoch: expected an epoch of netuid 1 sampled in neurons.csv: 1, 2, 3", "found 40"],
    [["explain", runDir, "--uid", "0"], "--netuid: expected an integer ≥ 0", "none given"],
  ])("bad input %j exits 2 saying what exists", async (args, expected, found) => {
    const r = await taosim(...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(expected);
    expect(r.err).toContain(found);
  });

  it("exits 1 when the re-run does not reproduce the row (a neurons.csv edited after the run)", async () => {
    const copy = join(root, "edited");
    const r0 = await taosim("run", scenario, "--out", copy, "--workers", "1", "--quiet", "--set", "duration.days=1", "--set", "replicates=1");
    expect(r0.code).toBe(0);
    const file = join(copy, "neurons.csv");
    const lines = readFileSync(file, "utf8").split("\n");
    const k = lines.findIndex((l) => /^0,0,0,1,1,\d+,5,/.test(l)); // task 0, epoch 1, uid 5
    const cells = lines[k].split(",");
    cells[12] = String(Number(cells[12]) + 1); // dividends
    lines[k] = cells.join(",");
    writeFileSync(file, lines.join("\n"));
    const r = await taosim("explain", copy, "--netuid", "1", "--uid", "5", "--epoch", "1");
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toContain("does not reproduce the neurons.csv row of netuid 1, epoch 1, uid 5 (dividends: csv");
  }, 120_000);

  it("exits 2 when the scenario file changed since the run (sha256 in the manifest)", async () => {
    appendFileSync(scenario, "\n# edited after the run\n");
    const r = await taosim("explain", runDir, "--netuid", "1", "--uid", "0", "--task", "0");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain("scenario.sha256: expected");
    expect(r.err).toContain("it has changed since the run");
  });
});
