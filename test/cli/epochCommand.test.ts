// `taosim epoch` in-process through main(), with a fake kernel so these tests do not depend on the
// real one: they check reading, validation, exit codes and output framing.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Arith, EpochInput, EpochOutput } from "../../models/consensus/types.js";
import * as epochCommand from "../../sim/cli/commands/epoch.js";
import type { CliContext } from "../../sim/cli/context.js";
import { main } from "../../sim/cli/main.js";

const EXAMPLE_PATH = new URL("../vectors/epoch-examples/example.json", import.meta.url).pathname;
const EXAMPLE = readFileSync(EXAMPLE_PATH, "utf8");

/** Echoes parts of the input so the output proves what was read: stake → stakeWeight, bonds → bonds. */
function fakeKernel(input: EpochInput, arith: Arith): EpochOutput {
  const n = input.n;
  const u16 = (f: (i: number) => number) => Uint16Array.from({ length: n }, (_, i) => f(i));
  return {
    active: Uint8Array.from({ length: n }, (_, i) => (input.lastUpdate[i] > 0 ? 1 : 0)),
    stakeWeight: u16((i) => Number(input.alphaStake[i] / 1_000_000_000n)),
    consensus: u16((i) => (arith === "float" ? 1 : 0) + i),
    incentive: u16(() => input.hyperparameters.kappa),
    dividends: u16(() => 0),
    validatorTrust: u16(() => input.hyperparameters.maxAllowedValidators),
    validatorPermit: input.validatorPermit,
    bonds: input.bonds,
    storedBonds: input.weights,
    serverEmission: Float64Array.from({ length: n }, (_, i) => (i === 0 ? input.raoEmission : 0)),
    validatorEmission: new Float64Array(n),
    emission: Float64Array.from({ length: n }, (_, i) => (i === 0 ? input.raoEmission : input.block)),
  };
}

const EXPECTED_LINE = (arith: Arith) =>
  '{"format":"taosim.epochResult/1","active":[true,true,false,false],"stakeWeight":[1,0,0,0],' +
  `"consensus":[${arith === "float" ? "1,2,3,4" : "0,1,2,3"}],"incentive":[32767,32767,32767,32767],"dividends":[0,0,0,0],` +
  '"validatorTrust":[64,64,64,64],"validatorPermit":[true,false,false,false],"bonds":[[[2,65535]],[],[],[]],' +
  '"serverEmission":["1000000000","0","0","0"],"validatorEmission":["0","0","0","0"],' +
  '"emission":["1000000000","1000","1000","1000"]}';

async function run(args: string[], stdin = "") {
  let out = "";
  let err = "";
  const ctx: CliContext = {
    io: { writeOut: (t) => void (out += t), writeErr: (t) => void (err += t), readStdin: async () => stdin },
  };
  const commands = [{ register: (program: Parameters<typeof epochCommand.register>[0], c: CliContext) => epochCommand.register(program, c, fakeKernel) }];
  const code = await main(args, ctx, commands);
  return { code, out, err };
}

describe("taosim epoch (in process, fake kernel)", () => {
  it("reads a file and writes one compact result", async () => {
    expect(await run(["epoch", EXAMPLE_PATH])).toEqual({ code: 0, out: `${EXPECTED_LINE("exact")}\n`, err: "" });
  });

  it("reads stdin, keeps arrays as arrays in order, and passes --arith float", async () => {
    const r = await run(["epoch", "-", "--arith", "float"], `[${EXAMPLE}, ${EXAMPLE}]`);
    expect(r).toEqual({ code: 0, out: `[\n${EXPECTED_LINE("float")},\n${EXPECTED_LINE("float")}\n]\n`, err: "" });
    expect(await run(["epoch", "-"], "[]")).toEqual({ code: 0, out: "[]\n", err: "" });
  });

  it("input errors: exit 2, one line on stderr, nothing on stdout", async () => {
    expect(await run(["epoch", "-"], EXAMPLE.replace("[3, 32768]", "[9, 70000]"))).toEqual({
      code: 2,
      out: "",
      err: "taosim: <stdin>:20:28: weights[0][1]: expected [uid, u16] with uid < n, found [9, 70000]\n",
    });
    expect(await run(["epoch", "-"], `[${EXAMPLE},\n${EXAMPLE.replace('"yuma3": false', '"yuma3": 0')}]`)).toEqual({
      code: 2,
      out: "",
      err: "taosim: <stdin>:34:14: [1].hyperparameters.yuma3: expected true or false, found 0\n",
    });
    expect(await run(["epoch", "-"], "{\n  \"format\": \"taosim.epoch/1\",\n}")).toEqual({
      code: 2,
      out: "",
      err: "taosim: <stdin>:3:1: expected a string key in double quotes, found '}'\n",
    });
  });

  it("rejects an unknown --arith, a missing file and a missing argument with exit 2", async () => {
    expect(await run(["epoch", EXAMPLE_PATH, "--arith", "double"])).toEqual({
      code: 2,
      out: "",
      err: 'taosim: --arith: expected exact or float, found "double"\n',
    });
    expect(await run(["epoch", "/nonexistent/state.json"])).toEqual({
      code: 2,
      out: "",
      err: "taosim: /nonexistent/state.json: expected a readable file, found no such file (ENOENT)\n",
    });
    const missing = await run(["epoch"]);
    expect([missing.code, missing.out, missing.err]).toEqual([2, "", "taosim: <file>: expected a taosim.epoch/1 file (or - for stdin), or --snapshot FILE --netuid N, found nothing\n"]);
  });

  it("a kernel failure is a bug: exit 1 with its stack", async () => {
    let err = "";
    const ctx: CliContext = { io: { writeOut: () => {}, writeErr: (t) => void (err += t), readStdin: async () => EXAMPLE } };
    const broken = () => {
      throw new Error("kernel exploded");
    };
    const code = await main(["epoch", "-"], ctx, [{ register: (p, c) => epochCommand.register(p, c, broken) }]);
    expect(code).toBe(1);
    expect(err).toMatch(/^Error: kernel exploded\n {4}at /);
  });
});
