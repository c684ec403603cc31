// The 300 random chain states of test/vectors/random-epochs/: every output field of runEpoch (exact mode)
// must equal the chain's result bit for bit. One `it` per state; a failure names the state and field.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runEpoch } from "./runEpoch.js";
import { epochInputFromJson, epochResultToJson } from "../../test/helpers/epochJson.js";

const dir = new URL("../../test/vectors/random-epochs/", import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const inputs: any[] = JSON.parse(readFileSync(new URL("inputs.json", dir), "utf8"));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const expected: any[] = JSON.parse(readFileSync(new URL("expected.json", dir), "utf8"));

const FIELDS = [
  "active", "stakeWeight", "consensus", "incentive", "dividends", "validatorTrust", "validatorPermit",
  "bonds", "serverEmission", "validatorEmission", "emission",
] as const;

describe("random chain states (test/vectors/random-epochs)", () => {
  it("has 300 inputs and 300 expected results with every field", () => {
    expect(inputs.length).toBe(300);
    expect(expected.length).toBe(300);
    for (const e of expected) for (const f of FIELDS) expect(e).toHaveProperty(f);
  });

  for (let t = 0; t < inputs.length; t++) {
    const inp = inputs[t];
    const hp = inp.hyperparameters ?? {};
    it(`state ${t} (n=${inp.n}, yuma3=${!!hp.yuma3}, liquidAlpha=${!!hp.liquidAlpha}) matches the chain in every field`, () => {
      const got = epochResultToJson(runEpoch(epochInputFromJson(inp))) as Record<string, unknown>;
      for (const f of FIELDS) {
        expect(got[f], `state ${t}, field ${f}`).toEqual(expected[t][f]);
      }
    });
  }
});
