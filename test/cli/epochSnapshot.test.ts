// `taosim epoch --snapshot FILE --netuid N [--block B]` in process with the real kernel: the same
// output as `taosim epoch` on the equivalent taosim.epoch/1 state, and bad input → exit 2, every
// problem on stderr, nothing on stdout.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as epochCommand from "../../sim/cli/commands/epoch.js";
import type { CliContext } from "../../sim/cli/context.js";
import { main } from "../../sim/cli/main.js";
import { SMALL_SNAPSHOT, withReplaced } from "../helpers/snapshotText.js";

const SN15 = new URL("../../scenarios/snapshots/sn15-4769998.json", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "taosim-epoch-snapshot-"));
afterAll(() => rmSync(dir, { recursive: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function run(args: string[], stdin = "") {
  let out = "";
  let err = "";
  const ctx: CliContext = { io: { writeOut: (t) => void (out += t), writeErr: (t) => void (err += t), readStdin: async () => stdin } };
  const code = await main(args, ctx, [epochCommand]);
  return { code, out, err };
}

/** The small snapshot's subnet 1 written by hand as a taosim.epoch/1 state (see test/helpers/snapshotText.ts). */
const SMALL_AS_EPOCH_STATE = JSON.stringify({
  format: "taosim.epoch/1", n: 3, block: 1000, raoEmission: "1000000000", ownerUid: 2, lastMechanismStepBlock: 900,
  hyperparameters: { tempo: 100, kappa: 32767, maxAllowedValidators: 2, stakeThreshold: "0", taoWeight: "18446744073709551615", yuma3: false },
  alphaStake: ["2000000000", "0", "1000000000"], taoStake: ["6000000000", "0", "0"],
  lastUpdate: [990, 900, 950], blockAtRegistration: [0, 0, 10], validatorPermit: [true, false, false],
  weights: [[[1, 65535], [2, 30000]], [], [[1, 100]]], bonds: [[[1, 1000]], [], []],
});

describe("taosim epoch --snapshot", () => {
  it("prints what taosim epoch prints for the same state", async () => {
    const small = file("small.json", SMALL_SNAPSHOT);
    const fromSnapshot = await run(["epoch", "--snapshot", small, "--netuid", "1"]);
    const fromState = await run(["epoch", "-"], SMALL_AS_EPOCH_STATE);
    expect(fromSnapshot.err).toBe("");
    expect(fromSnapshot.code).toBe(0);
    expect(fromSnapshot.out).toBe(fromState.out);
    expect(JSON.parse(fromSnapshot.out).format).toBe("taosim.epochResult/1");
  });

  it("takes --block and --arith", async () => {
    const small = file("small-block.json", SMALL_SNAPSHOT);
    const at = await run(["epoch", "--snapshot", small, "--netuid", "1", "--block", "5000", "--arith", "float"]);
    const state = JSON.stringify({ ...JSON.parse(SMALL_AS_EPOCH_STATE), block: 5000 });
    expect(at.out).toBe((await run(["epoch", "-", "--arith", "float"], state)).out);
    expect((JSON.parse(at.out) as { active: boolean[] }).active).toEqual([false, false, false]); // 5000 − 990 > 1388 (cutoff)
  });

  it("runs the built-in sn15 snapshot: 256 uids, 64 permits", async () => {
    const r = await run(["epoch", "--snapshot", SN15, "--netuid", "15"]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out) as { validatorPermit: boolean[]; emission: string[] };
    expect(result.emission.length).toBe(256);
    expect(result.validatorPermit.filter(Boolean).length).toBe(64);
  });
});

describe("taosim epoch --snapshot with bad input: exit 2, nothing on stdout", () => {
  it("lists every problem of the snapshot with its position", async () => {
    let text = withReplaced(SMALL_SNAPSHOT, "[2, 30000]", "[3, 30000]");
    text = withReplaced(text, '"alphaStake": "0"', '"alphaStake": "-3"');
    const r = await run(["epoch", "--snapshot", file("bad.json", text), "--netuid", "1"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    const lines = r.err.trimEnd().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(/bad\.json:14:135: subnets\[0\]\.neurons\[0\]\.weights\[1\]\[0\]: expected a uid of this subnet \(0 to 2\), found 3 \(no such neuron\)$/),
      expect.stringMatching(/bad\.json:15:52: subnets\[0\]\.neurons\[1\]\.alphaStake: expected a decimal u64 string .*, found "-3"$/),
    ]);
  });

  it("refuses a missing file, an unknown netuid and contradictory options", async () => {
    const small = file("small-opts.json", SMALL_SNAPSHOT);
    const cases: [string[], string][] = [
      [["epoch", "--snapshot", join(dir, "none.json"), "--netuid", "1"], "expected a readable snapshot file, found no such file (ENOENT)"],
      [["epoch", "--snapshot", small, "--netuid", "7"], "taosim: --netuid: expected a netuid of the snapshot (1), found 7"],
      [["epoch", "--snapshot", small], "taosim: --netuid: expected the netuid of a subnet in the snapshot, found nothing"],
      [["epoch", "--snapshot", small, "--netuid", "x1"], 'taosim: --netuid: expected a netuid from 1 to 65535, found "x1"'],
      [["epoch", "--snapshot", small, "--netuid", "1", "--block", "-1"], 'taosim: --block: expected a block number (integer ≥ 0), found "-1"'],
      [["epoch", "state.json", "--snapshot", small, "--netuid", "1"], 'taosim: <file>: expected either a taosim.epoch/1 file or --snapshot FILE, not both, found "state.json"'],
      [["epoch", "state.json", "--netuid", "1"], "taosim: --netuid: expected --snapshot FILE with it, found no --snapshot"],
      [["epoch"], "taosim: <file>: expected a taosim.epoch/1 file (or - for stdin), or --snapshot FILE --netuid N, found nothing"],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      expect([r.code, r.out]).toEqual([2, ""]);
      expect(r.err).toContain(message);
    }
  });

  it("refuses a subnet without neurons at its position", async () => {
    const text = SMALL_SNAPSHOT.replace(/"neurons": \[[\s\S]*?\n {6}\]/, '"neurons": []').replace('"alphaOut": "4000000000"', '"alphaOut": "1000000000"');
    const r = await run(["epoch", "--snapshot", file("empty.json", text), "--netuid", "1"]);
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toMatch(/empty\.json:13:18: subnets\[0\]\.neurons: expected at least one neuron to run an epoch on, found none\n$/);
  });
});
