import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EpochStates } from "./readEpochStates.js";
import { fastReadEpochStates } from "./fastReadEpochStates.js";
import { parseJsonDocument } from "./jsonPositions.js";
import { parseEpochText } from "./parseEpochText.js";
import { readEpochStates } from "./readEpochStates.js";

const EXAMPLE = readFileSync(new URL("../../test/vectors/epoch-examples/example.json", import.meta.url), "utf8");

function slowRead(text: string): EpochStates | "error" {
  try {
    return readEpochStates(parseJsonDocument(text, "f"));
  } catch {
    return "error";
  }
}

const u16 = fc.integer({ min: 0, max: 65535 });
const rao = fc.bigInt({ min: 0n, max: 18446744073709551615n }).map(String);
const block = fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constant(Number.MAX_SAFE_INTEGER));

/** Random valid `taosim.epoch/1` states as plain JSON objects. */
const stateArb = fc.integer({ min: 1, max: 6 }).chain((n) => {
  const vec = <T>(a: fc.Arbitrary<T>) => fc.array(a, { minLength: n, maxLength: n });
  const row = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: n - 1 }), u16), { selector: (e) => e[0], maxLength: n });
  return fc.record({
    format: fc.constant("taosim.epoch/1"),
    n: fc.constant(n),
    block,
    raoEmission: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }).map(String),
    ownerUid: fc.option(fc.integer({ min: 0, max: n - 1 })),
    lastMechanismStepBlock: block,
    hyperparameters: fc.record(
      {
        tempo: u16, kappa: u16, yuma3: fc.boolean(), alphaSigmoidSteepness: fc.integer({ min: -32768, max: 32767 }),
        activityCutoffFactorMilli: fc.integer({ min: 0, max: 4294967295 }), bondsMovingAverage: block, taoWeight: rao,
      },
      { requiredKeys: [] },
    ),
    alphaStake: vec(rao),
    taoStake: vec(rao),
    lastUpdate: vec(block),
    blockAtRegistration: vec(block),
    validatorPermit: vec(fc.boolean()),
    weights: vec(row),
    bonds: vec(row),
  });
});

describe("fastReadEpochStates agrees with the full reader", () => {
  it("reads the bundled example exactly as readEpochStates does", () => {
    const fast = fastReadEpochStates(EXAMPLE);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(readEpochStates(parseJsonDocument(EXAMPLE, "f")));
  });

  it("returns identical EpochInputs on random valid states, single or in arrays", () => {
    fc.assert(
      fc.property(fc.array(stateArb, { maxLength: 3 }), fc.boolean(), fc.constantFrom(0, 2), (states, single, indent) => {
        const text = JSON.stringify(single && states.length > 0 ? states[0] : states, null, indent);
        const fast = fastReadEpochStates(text);
        expect(fast).not.toBeNull();
        expect(fast).toEqual(slowRead(text));
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it("never accepts what the full reader rejects, nor reads it differently (mutated texts)", () => {
    const mutated = fc
      .tuple(stateArb, fc.nat(), fc.constantFrom("", "0", "1", "-", ".5", "e3", ",", "]", "[", '"', "\\", " ", "9", "true"), fc.nat({ max: 3 }))
      .map(([state, at, insert, cut]) => {
        const text = JSON.stringify(state);
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + cut);
      });
    fc.assert(
      fc.property(mutated, (text) => {
        const fast = fastReadEpochStates(text);
        if (fast !== null) expect(fast).toEqual(slowRead(text));
      }),
      { numRuns: 3000, seed: 5 },
    );
  });

  it("leaves unusual but valid spellings to the full reader, which accepts them", () => {
    for (const [from, to] of [
      ['"n": 4', '"n": 4.0'], // integer written with a fraction
      ['"block": 1000', '"block": 1e3'], // exponent
      ['"format": "taosim.epoch/1"', '"format": "taosim.epoch\\/1"'], // escape
      ['"format": "taosim.epoch/1",\n  "n": 4,', '"lastUpdate": [1, 1, 1, 1], "format": "taosim.epoch/1",\n  "n": 4,'],
    ]) {
      const text = EXAMPLE.replace(from, to);
      expect(fastReadEpochStates(text)).toBeNull();
      expect(parseEpochText(text, "f").states[0].n).toBe(4);
    }
  });
});
