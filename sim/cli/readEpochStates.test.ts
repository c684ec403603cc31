import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_EPOCH_HYPERPARAMETERS } from "../../models/consensus/types.js";
import { TaosimInputError } from "./errors.js";
import { parseJsonDocument } from "./jsonPositions.js";
import { readEpochStates } from "./readEpochStates.js";

// The bundled n = 4 example (interfaces.md); line 20 is `  "weights": [[[2, 65535], [3, 32768]], [], [], []],`.
const EXAMPLE = readFileSync(new URL("../../test/vectors/epoch-examples/example.json", import.meta.url), "utf8");

function read(text: string, file = "state.json") {
  return readEpochStates(parseJsonDocument(text, file));
}

/** The printed message of the input error `text` raises. */
function messageOf(text: string, file = "state.json"): string {
  try {
    read(text, file);
  } catch (err) {
    if (err instanceof TaosimInputError) return err.format();
    throw err;
  }
  throw new Error("no error");
}

function edit(from: string, to: string, text = EXAMPLE): string {
  expect(text.includes(from)).toBe(true);
  return text.replace(from, to);
}

describe("readEpochStates: valid input", () => {
  it("converts the example into typed arrays and CSR rows", () => {
    const { states, isArray } = read(EXAMPLE);
    expect(isArray).toBe(false);
    const s = states[0];
    expect(s.n).toBe(4);
    expect(s.block).toBe(1000);
    expect(s.raoEmission).toBe(1_000_000_000);
    expect(s.ownerUid).toBeNull();
    expect(s.lastMechanismStepBlock).toBe(0);
    expect(s.hyperparameters).toEqual({ ...DEFAULT_EPOCH_HYPERPARAMETERS, maxAllowedValidators: 64, taoWeight: 0n });
    expect([...s.alphaStake]).toEqual([1_000_000_000n, 0n, 0n, 0n]);
    expect([...s.taoStake]).toEqual([0n, 0n, 0n, 0n]);
    expect([...s.lastUpdate]).toEqual([999, 999, 0, 0]);
    expect([...s.blockAtRegistration]).toEqual([0, 0, 0, 0]);
    expect([...s.validatorPermit]).toEqual([1, 0, 0, 0]);
    expect([...s.weights.rowPtr]).toEqual([0, 2, 2, 2, 2]);
    expect([...s.weights.col]).toEqual([2, 3]);
    expect([...s.weights.val]).toEqual([65535, 32768]);
    expect([...s.bonds.rowPtr]).toEqual([0, 1, 1, 1, 1]);
    expect([...s.bonds.col]).toEqual([2]);
    expect([...s.bonds.val]).toEqual([65535]);
  });

  it("keeps weights in stored order, fills hyperparameter defaults, and takes u64 extremes", () => {
    const text = JSON.stringify({
      format: "taosim.epoch/1", n: 3, block: 9007199254740991, raoEmission: "9007199254740991", ownerUid: 2,
      lastMechanismStepBlock: 7, hyperparameters: { kappa: 100, alphaSigmoidSteepness: -32768, taoWeight: "18446744073709551615" },
      alphaStake: ["18446744073709551615", "1", "0"], taoStake: ["0", "0", "5"], lastUpdate: [0, 1, 2],
      blockAtRegistration: [3, 4, 5], validatorPermit: [false, true, false],
      weights: [[[2, 0], [0, 65535], [1, 7]], [[1, 1]], []], bonds: [[], [], []],
    });
    const s = read(text).states[0];
    expect(s.block).toBe(9007199254740991);
    expect(s.raoEmission).toBe(9007199254740991);
    expect(s.ownerUid).toBe(2);
    expect(s.hyperparameters).toEqual({
      ...DEFAULT_EPOCH_HYPERPARAMETERS, kappa: 100, alphaSigmoidSteepness: -32768, taoWeight: 18446744073709551615n,
    });
    expect([...s.alphaStake]).toEqual([18446744073709551615n, 1n, 0n]);
    expect([...s.weights.rowPtr]).toEqual([0, 3, 4, 4]);
    expect([...s.weights.col]).toEqual([2, 0, 1, 1]);
    expect([...s.weights.val]).toEqual([0, 65535, 7, 1]);
  });

  it("reads an array of states in order, and an empty array", () => {
    const second = edit('"block": 1000', '"block": 2000');
    const { states, isArray } = read(`[${EXAMPLE},${second}]`);
    expect(isArray).toBe(true);
    expect(states.map((s) => s.block)).toEqual([1000, 2000]);
    expect(read("[]")).toEqual({ states: [], isArray: true });
  });

  it("uses the defaults when hyperparameters is absent", () => {
    const text = EXAMPLE.replace(/"hyperparameters": \{[^}]*\},\n/, "");
    expect(read(text).states[0].hyperparameters).toEqual(DEFAULT_EPOCH_HYPERPARAMETERS);
  });
});

describe("readEpochStates: errors name the path, the position, what was expected and found", () => {
  it("malformed JSON", () => {
    expect(messageOf(edit('"n": 4,', '"n": 4,,'))).toBe(
      "taosim: state.json:3:10: expected a string key in double quotes, found ','",
    );
    expect(messageOf(edit("[], [], []],\n  \"bonds\"", "[], [], []\n  \"bonds\""))).toBe(
      "taosim: state.json:21:3: weights[3]: expected ',' or ']', found '\"'",
    );
  });

  it("wrong format tag", () => {
    expect(messageOf(edit("taosim.epoch/1", "taosim.epoch/2"))).toBe(
      'taosim: state.json:2:13: format: expected "taosim.epoch/1", found "taosim.epoch/2"',
    );
  });

  it("n mismatching a vector length", () => {
    expect(messageOf(edit('"taoStake": ["0", "0", "0", "0"]', '"taoStake": ["0", "0", "0"]'))).toBe(
      "taosim: state.json:16:15: taoStake: expected an array of n = 4 rao amounts (decimal strings), found an array of 3",
    );
    expect(messageOf(edit('"n": 4', '"n": 5'))).toBe(
      "taosim: state.json:15:17: alphaStake: expected an array of n = 5 rao amounts (decimal strings), found an array of 4",
    );
  });

  it("uid out of range and u16 out of range in a weights entry", () => {
    expect(messageOf(edit("[3, 32768]", "[9, 70000]"))).toBe(
      "taosim: state.json:20:28: weights[0][1]: expected [uid, u16] with uid < n, found [9, 70000]",
    );
    expect(messageOf(edit("[3, 32768]", "[4, 1]"))).toBe(
      "taosim: state.json:20:28: weights[0][1]: expected [uid, u16] with uid < n, found [4, 1]",
    );
    expect(messageOf(edit("[3, 32768]", "[3, 65536]"))).toBe(
      "taosim: state.json:20:28: weights[0][1]: expected [uid, u16] with uid < n, found [3, 65536]",
    );
    expect(messageOf(edit('"bonds": [[[2, 65535]]', '"bonds": [[[2, -1]]'))).toBe(
      "taosim: state.json:21:14: bonds[0][0]: expected [uid, u16] with uid < n, found [2, -1]",
    );
  });

  it("duplicate uid in a row", () => {
    expect(messageOf(edit("[3, 32768]", "[2, 5]"))).toBe(
      "taosim: state.json:20:28: weights[0][1]: expected [uid, u16] with a uid not already in this row, " +
        "found [2, 5] (uid 2 is also at weights[0][0])",
    );
  });

  it("u16 hyperparameter out of range, and an i16 one", () => {
    expect(messageOf(edit('"kappa": 32767', '"kappa": 65536'))).toBe(
      "taosim: state.json:10:14: hyperparameters.kappa: expected an integer 0..65535 (u16), found 65536",
    );
    expect(messageOf(edit('"alphaSigmoidSteepness": 1000', '"alphaSigmoidSteepness": 32768'))).toBe(
      "taosim: state.json:12:30: hyperparameters.alphaSigmoidSteepness: expected an integer -32768..32767 (i16), found 32768",
    );
  });

  it("negative or non-integer stake", () => {
    expect(messageOf(edit('"alphaStake": ["1000000000", "0"', '"alphaStake": ["1000000000", "-5"'))).toBe(
      'taosim: state.json:15:32: alphaStake[1]: expected a decimal string of an integer 0..18446744073709551615 (u64), found "-5"',
    );
    expect(messageOf(edit('"1000000000", "0"', '"1000000000.5", "0"'))).toBe(
      'taosim: state.json:15:18: alphaStake[0]: expected a decimal string of an integer 0..18446744073709551615 (u64), found "1000000000.5"',
    );
    expect(messageOf(edit('"alphaStake": ["1000000000"', '"alphaStake": ["18446744073709551616"'))).toBe(
      'taosim: state.json:15:18: alphaStake[0]: expected a decimal string of an integer 0..18446744073709551615 (u64), found "18446744073709551616"',
    );
  });

  it("rao amount not a decimal string", () => {
    expect(messageOf(edit('"taoStake": ["0"', '"taoStake": [0'))).toBe(
      "taosim: state.json:16:16: taoStake[0]: expected a decimal string of an integer 0..18446744073709551615 (u64), found 0",
    );
    expect(messageOf(edit('"raoEmission": "1000000000"', '"raoEmission": 1000000000'))).toBe(
      "taosim: state.json:5:18: raoEmission: expected a decimal string of an integer 0..9007199254740991 (u64, at most 2^53-1 here), found 1000000000",
    );
    expect(messageOf(edit('"raoEmission": "1000000000"', '"raoEmission": "9007199254740992"'))).toBe(
      'taosim: state.json:5:18: raoEmission: expected a decimal string of an integer 0..9007199254740991 (u64, at most 2^53-1 here), found "9007199254740992"',
    );
  });

  it("unknown hyperparameter or top-level key, pointing at the key", () => {
    expect(messageOf(edit('"kappa": 32767', '"kapa": 32767'))).toBe(
      "taosim: state.json:10:5: hyperparameters.kapa: expected a hyperparameter among: tempo, activityCutoffFactorMilli, " +
        "kappa, bondsPenalty, bondsMovingAverage, yuma3, liquidAlpha, alphaLow, alphaHigh, alphaSigmoidSteepness, " +
        'maxAllowedValidators, stakeThreshold, taoWeight, found unknown key "kapa" (did you mean "kappa"?)',
    );
    expect(messageOf(edit('"block": 1000,', '"block": 1000, "rho": 10,'))).toBe(
      "taosim: state.json:4:18: rho: expected one of the taosim.epoch/1 keys: format, n, block, raoEmission, ownerUid, " +
        "lastMechanismStepBlock, hyperparameters, alphaStake, taoStake, lastUpdate, blockAtRegistration, " +
        'validatorPermit, weights, bonds, found unknown key "rho"',
    );
  });

  it("non-boolean flag", () => {
    expect(messageOf(edit("[true, false, false, false]", "[true, 0, false, false]"))).toBe(
      "taosim: state.json:19:29: validatorPermit[1]: expected true or false, found 0",
    );
    expect(messageOf(edit('"yuma3": false', '"yuma3": "false"'))).toBe(
      'taosim: state.json:11:14: hyperparameters.yuma3: expected true or false, found "false"',
    );
  });

  it("prefixes the path with the state's index in an array, and names <stdin>", () => {
    const bad = edit("[3, 32768]", "[9, 70000]");
    expect(messageOf(`[${EXAMPLE},\n${bad}]`, "<stdin>")).toBe(
      "taosim: <stdin>:43:28: [1].weights[0][1]: expected [uid, u16] with uid < n, found [9, 70000]",
    );
  });

  it("scalars: missing key, n, ownerUid, block numbers, root type", () => {
    expect(messageOf(edit('"block": 1000,\n', ""))).toBe(
      'taosim: state.json:1:1: block: expected the key "block" (required in taosim.epoch/1), found nothing (missing)',
    );
    expect(messageOf(edit('"n": 4', '"n": 0'))).toBe(
      "taosim: state.json:3:8: n: expected a positive integer 1..65535 (u16), found 0",
    );
    expect(messageOf(edit('"ownerUid": null', '"ownerUid": 4'))).toBe(
      "taosim: state.json:6:15: ownerUid: expected null or a uid < n (n = 4), found 4",
    );
    expect(messageOf(edit("[999, 999, 0, 0]", "[999, 9.5, 0, 0]"))).toBe(
      "taosim: state.json:17:23: lastUpdate[1]: expected an integer 0..9007199254740991 (at most 2^53-1), found 9.5",
    );
    expect(messageOf(edit('"block": 1000', '"block": 9007199254740993'))).toBe(
      "taosim: state.json:4:12: block: expected an integer 0..9007199254740991 (at most 2^53-1), found 9007199254740993",
    );
    expect(messageOf("42")).toBe(
      "taosim: state.json:1:1: expected a taosim.epoch/1 state object or an array of them, found 42",
    );
    expect(messageOf('[{"format": "taosim.epoch/1"}, 7]')).toBe(
      'taosim: state.json:1:2: [0].n: expected the key "n" (required in taosim.epoch/1), found nothing (missing)',
    );
  });
});
