// `taosim run` end to end, in-process (--workers 1): the output folder of interfaces.md, byte-identical
// reruns, exit 2 with nothing written for bad input.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../sim/cli/main.js";
import * as runModule from "../../sim/cli/commands/run.js";

const root = mkdtempSync(join(tmpdir(), "taosim-run-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function taosim(...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { io: { writeOut: (t) => void (out += t), writeErr: (t) => void (err += t), readStdin: async () => "" } }, [runModule]);
  return { code, out, err };
}
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("taosim run", () => {
  it("runs the built-in default scenario and writes every file of the output folder", async () => {
    const out = join(root, "default");
    const r = await taosim("run", "default", "--out", out, "--workers", "1", "--quiet", "--set", "duration.days=3");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    for (const f of ["manifest.json", "neurons.csv", "subnets.csv", "chain.csv", "summary.csv", "report.html"]) expect(existsSync(join(out, f)), f).toBe(true);
    expect(readdirSync(join(out, "charts")).some((f) => f.endsWith(".svg"))).toBe(true);
    expect(readdirSync(out).filter((f) => f.includes(".tmp-"))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest.tasks.map((t: { status: string }) => t.status)).toEqual(["ok", "ok"]);
    const neurons = readFileSync(join(out, "neurons.csv"), "utf8").split("\n");
    expect(neurons[0]).toBe(
      "task,point,replicate,netuid,epoch,block,uid,hotkey,role,stake_weight,consensus,incentive,dividends,validator_trust,server_emission,validator_emission," +
        "alpha_stake,root_stake,true_quality,strategy,active,validator_permit",
    );
    expect(readFileSync(join(out, "chain.csv"), "utf8").split("\n")[0]).toBe(
      "task,point,replicate,block,total_issuance,block_emission,total_stake,free_balance_total,other_tao,recycled_tao_total," +
        "root_stake_total,root_claimed_total,block_emission_tao_per_block,tao_weight",
    );
  });

  it("same scenario and seed give byte-identical CSVs; --seed changes them", async () => {
    const args = ["default", "--workers", "1", "--quiet", "--set", "duration.days=1", "--set", "replicates=1"];
    await taosim("run", ...args, "--out", join(root, "a"));
    await taosim("run", ...args, "--out", join(root, "b"));
    await taosim("run", ...args, "--out", join(root, "c"), "--seed", "99");
    for (const f of ["neurons.csv", "subnets.csv", "chain.csv"]) {
      expect(sha(join(root, "b", f)), f).toBe(sha(join(root, "a", f)));
    }
    expect(sha(join(root, "c", "neurons.csv"))).not.toBe(sha(join(root, "a", "neurons.csv")));
  });

  it.each([
    [["nosuch-scenario"], "no such file or built-in"],
    [["default", "--set", "duration.days=0"], "--set:1"],
    [["default", "--seed", "-4"], "--seed"],
    [["default", "--workers", "0"], "--workers"],
  ])("bad input %j exits 2 and writes nothing", async (args, message) => {
    const out = join(root, `bad-${args.join("_").replace(/[^a-z0-9]/gi, "")}`);
    const r = await taosim("run", ...args, "--out", out, "--quiet");
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(existsSync(out)).toBe(false);
  });
});
