// `taosim epoch --trace` (real kernel) and `epoch(state, { trace: true })`: the result gains a "trace" with the
// named intermediates as raw I32F32 decimal strings; everything else is unchanged; CLI and library agree.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as epochCommand from "../../sim/cli/commands/epoch.js";
import { main } from "../../sim/cli/main.js";
import { epoch, type EpochTraceJson } from "../../sim/api.js";

const EXAMPLE_PATH = new URL("../vectors/epoch-examples/example.json", import.meta.url).pathname;
const EXAMPLE = JSON.parse(readFileSync(EXAMPLE_PATH, "utf8")) as Record<string, unknown>;

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { io: { writeOut: (t) => void (out += t), writeErr: (t) => void (err += t), readStdin: async () => "" } }, [epochCommand]);
  return { code, out, err };
}

const NAMES = ["yuma3", "liquidAlpha", "kappa", "bondsPenalty", "emaAlpha", "stake", "activeStake", "weights", "consensus", "clippedWeights",
  "validatorTrust", "ranks", "incentive", "weightsForBonds", "bondsDelta", "bonds", "bondsNormalized", "dividends"];

describe("taosim epoch --trace", () => {
  it("adds the trace last, in the chain's order, and changes nothing else", async () => {
    const plain = await run(["epoch", EXAMPLE_PATH]);
    const traced = await run(["epoch", EXAMPLE_PATH, "--trace"]);
    expect(traced.code).toBe(0);
    expect(traced.err).toBe("");
    const p = JSON.parse(plain.out);
    const { trace, ...rest } = JSON.parse(traced.out) as { trace: EpochTraceJson; [k: string]: unknown };
    expect(rest).toEqual(p);
    expect(Object.keys(trace)).toEqual(NAMES); // classic Yuma without liquid alpha: ΔB, no alphas
    const n = (EXAMPLE.n as number);
    for (const v of [trace.stake, trace.activeStake, trace.consensus, trace.validatorTrust, trace.ranks, trace.incentive, trace.dividends]) {
      expect(v).toHaveLength(n);
      for (const x of v) expect(x).toMatch(/^\d+$/);
    }
    const u16 = (bits: string) => Math.floor((Number(bits) * 65535) / 2 ** 32);
    expect(trace.consensus.map(u16)).toEqual(p.consensus);
    expect(trace.stake.map(u16)).toEqual(p.stakeWeight);
    expect(trace.weights).toHaveLength(n);
    for (const row of trace.weights) for (const [uid, bits] of row) expect([typeof uid, typeof bits]).toEqual(["number", "string"]);
  });

  it("the library gives the same trace, and a liquid-alpha Yuma3 state has alphas and no ΔB", async () => {
    const cli = JSON.parse((await run(["epoch", EXAMPLE_PATH, "--trace"])).out);
    expect(epoch(EXAMPLE, { trace: true })).toEqual(cli);
    expect(epoch(EXAMPLE)).not.toHaveProperty("trace");
    const hp = { ...(EXAMPLE.hyperparameters as object), yuma3: true, liquidAlpha: true };
    const r = epoch({ ...EXAMPLE, hyperparameters: hp }, { trace: true }) as { trace: EpochTraceJson };
    expect(r.trace.liquidAlpha).toBe(true);
    expect(r.trace.bondsDelta).toBeUndefined();
    expect(r.trace.alphas!.map((row) => row.map(([uid]) => uid))).toEqual(r.trace.weightsForBonds.map((row) => row.map(([uid]) => uid)));
  });
});
