// `taosim epoch` as a user runs it: a real process, the real kernel, files and stdin.
// Uses the built CLI (dist/) when present, else runs the TypeScript through tsx.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const EXAMPLE = "test/vectors/epoch-examples/example.json";
const BUILT = `${ROOT}dist/sim/cli/main.js`;

function taosim(args: string[], stdin?: string) {
  const argv = existsSync(BUILT) ? [BUILT, ...args] : ["--import", "tsx", `${ROOT}sim/cli/main.ts`, ...args];
  const r = spawnSync(process.execPath, argv, { cwd: ROOT, input: stdin, encoding: "utf8", timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Every field of a `taosim.epochResult/1` for n = 4, with the contract's types. */
function expectResultShape(result: Record<string, unknown>): void {
  expect(Object.keys(result)).toEqual([
    "format", "active", "stakeWeight", "consensus", "incentive", "dividends", "validatorTrust", "validatorPermit",
    "bonds", "serverEmission", "validatorEmission", "emission",
  ]);
  expect(result.format).toBe("taosim.epochResult/1");
  for (const key of ["active", "validatorPermit"]) expect((result[key] as unknown[]).map((v) => typeof v)).toEqual(Array(4).fill("boolean"));
  for (const key of ["stakeWeight", "consensus", "incentive", "dividends", "validatorTrust"]) {
    expect((result[key] as number[]).every((v) => Number.isInteger(v) && v >= 0 && v <= 65535)).toBe(true);
  }
  for (const key of ["serverEmission", "validatorEmission", "emission"]) {
    expect((result[key] as string[]).every((v) => /^[0-9]+$/.test(v))).toBe(true);
  }
  expect((result.bonds as unknown[]).length).toBe(4);
}

describe("taosim epoch (end to end)", () => {
  it("runs the bundled example from a file and from stdin with the same output", () => {
    const fromFile = taosim(["epoch", EXAMPLE]);
    expect(fromFile.err).toBe("");
    expect(fromFile.code).toBe(0);
    const result = JSON.parse(fromFile.out) as Record<string, unknown>;
    expectResultShape(result);
    // uid 0 is the only staked validator; total emission is raoEmission within rounding.
    expect(result.stakeWeight).toEqual([65535, 0, 0, 0]);
    const total = (result.emission as string[]).reduce((a, v) => a + BigInt(v), 0n);
    expect(total <= 1_000_000_000n && total >= 1_000_000_000n - 4n).toBe(true);

    const fromStdin = taosim(["epoch", "-"], readFileSync(`${ROOT}${EXAMPLE}`, "utf8"));
    expect([fromStdin.code, fromStdin.out, fromStdin.err]).toEqual([0, fromFile.out, ""]);
  });

  it("answers an array with an array, in order, for --arith float too", () => {
    const one = readFileSync(`${ROOT}${EXAMPLE}`, "utf8");
    const r = taosim(["epoch", "-", "--arith", "float"], `[${one},${one.replace('"block": 1000', '"block": 5001')}]`);
    expect([r.code, r.err]).toEqual([0, ""]);
    const results = JSON.parse(r.out) as Record<string, unknown>[];
    expect(results.length).toBe(2);
    results.forEach(expectResultShape);
    // cutoff = floor(13889 * 360 / 1000) = 5000 blocks; inactive iff lastUpdate + cutoff < block.
    // Block 1000: everyone is active; block 5001: uids 2 and 3 (lastUpdate 0) fall inactive, 0 and 1 (999) do not.
    expect(results[0].active).toEqual([true, true, true, true]);
    expect(results[1].active).toEqual([true, true, false, false]);
  });

  it("bad input: exit 2, the message on stderr, nothing on stdout", () => {
    const bad = readFileSync(`${ROOT}${EXAMPLE}`, "utf8").replace('"raoEmission": "1000000000"', '"raoEmission": 1000000000');
    expect(taosim(["epoch", "-"], bad)).toEqual({
      code: 2,
      out: "",
      err: "taosim: <stdin>:5:18: raoEmission: expected a decimal string of an integer 0..9007199254740991 (u64, at most 2^53-1 here), found 1000000000\n",
    });
    expect(taosim(["epoch", EXAMPLE, "--arith", "fast"])).toEqual({
      code: 2,
      out: "",
      err: 'taosim: --arith: expected exact or float, found "fast"\n',
    });
    expect(taosim(["epoch", "missing.json"])).toEqual({
      code: 2,
      out: "",
      err: "taosim: missing.json: expected a readable file, found no such file (ENOENT)\n",
    });
  });
});
