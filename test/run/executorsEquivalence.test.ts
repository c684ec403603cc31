// The real engine through every executor: --workers 1, --workers 2 (piscina) and --shard 0/2 + 1/2 + merge
// write byte-identical tables for a scenario with a sweep and replicates (issue: parallel experiments).
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../sim/cli/main.js";

const root = mkdtempSync(join(tmpdir(), "taosim-exec-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SCENARIO = `
format: taosim.scenario/1
name: exec-equivalence
seed: 11
duration: { days: 1 }
subnets:
  - netuid: 1
    tempo: 360
    pool: { taoReserve: 20000, alphaReserve: 400000 }
    validatorStake: 500000
    validators:
      - { strategy: honest, count: 6, stakeWeight: "1 / (i + 1)", noiseSigma: 0.05 }
      - { strategy: copier, count: 2 }
    miners:
      - { strategy: honest, count: 16, quality: "0.2 + 0.8 * u" }
sweep:
  "subnets[0].hyperparameters.kappa": [32767, 40000]
replicates: 2
`;

async function taosim(...args: string[]) {
  let err = "";
  const code = await main(args, { io: { writeOut: () => {}, writeErr: (t) => void (err += t), readStdin: async () => "" } });
  return { code, err };
}

const TABLES = ["neurons.csv", "subnets.csv", "chain.csv", "summary.csv", "aggregate.csv"];
const digest = (dir: string) => TABLES.map((t) => createHash("sha256").update(readFileSync(join(dir, t))).digest("hex"));

describe("executors give the same bytes on the real engine", () => {
  it("--workers 1, --workers 2 and two shards merged", async () => {
    const file = join(root, "scenario.yaml");
    writeFileSync(file, SCENARIO);
    const one = await taosim("run", file, "--out", join(root, "w1"), "--workers", "1", "--quiet");
    expect(one).toEqual({ code: 0, err: "" });
    const two = await taosim("run", file, "--out", join(root, "w2"), "--workers", "2", "--quiet");
    expect(two).toEqual({ code: 0, err: "" });
    expect(await taosim("run", file, "--out", join(root, "s0"), "--shard", "0/2", "--workers", "1", "--quiet")).toEqual({ code: 0, err: "" });
    expect(await taosim("run", file, "--out", join(root, "s1"), "--shard", "1/2", "--workers", "1", "--quiet")).toEqual({ code: 0, err: "" });
    expect(await taosim("merge", join(root, "s0"), join(root, "s1"), "--out", join(root, "merged"))).toEqual({ code: 0, err: "" });
    const manifest = JSON.parse(readFileSync(join(root, "w1", "manifest.json"), "utf8"));
    expect(manifest.tasks).toHaveLength(4);
    const reference = digest(join(root, "w1"));
    expect(digest(join(root, "w2"))).toEqual(reference);
    expect(digest(join(root, "merged"))).toEqual(reference);
  }, 240_000);
});
