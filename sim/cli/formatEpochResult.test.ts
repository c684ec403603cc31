import { describe, expect, it } from "vitest";
import type { EpochOutput } from "../../models/consensus/types.js";
import { formatEpochResult, formatEpochResults, raoString } from "./formatEpochResult.js";

const OUT: EpochOutput = {
  active: Uint8Array.of(1, 1, 0, 0),
  stakeWeight: Uint16Array.of(65535, 0, 0, 0),
  consensus: Uint16Array.of(0, 0, 65535, 32768),
  incentive: Uint16Array.of(0, 0, 43690, 21844),
  dividends: Uint16Array.of(65535, 0, 0, 0),
  validatorTrust: Uint16Array.of(65535, 0, 0, 0),
  validatorPermit: Uint8Array.of(1, 0, 0, 0),
  bonds: { rowPtr: Int32Array.of(0, 2, 2, 2, 2), col: Int32Array.of(2, 3), val: Uint16Array.of(65535, 65535) },
  // Stored (chain-order) bonds are not part of the JSON output; different rows here prove it.
  storedBonds: { rowPtr: Int32Array.of(0, 1, 1, 1, 1), col: Int32Array.of(3), val: Uint16Array.of(1) },
  serverEmission: Float64Array.of(0, 0, 333333333, 166666666),
  validatorEmission: Float64Array.of(499999999, 0, 0, 0),
  emission: Float64Array.of(499999999, 0, 333333333, 166666666),
};

const LINE =
  '{"format":"taosim.epochResult/1","active":[true,true,false,false],"stakeWeight":[65535,0,0,0],' +
  '"consensus":[0,0,65535,32768],"incentive":[0,0,43690,21844],"dividends":[65535,0,0,0],' +
  '"validatorTrust":[65535,0,0,0],"validatorPermit":[true,false,false,false],"bonds":[[[2,65535],[3,65535]],[],[],[]],' +
  '"serverEmission":["0","0","333333333","166666666"],"validatorEmission":["499999999","0","0","0"],' +
  '"emission":["499999999","0","333333333","166666666"]}';

describe("formatEpochResult", () => {
  it("writes interfaces.md's example in contract field order on one line", () => {
    expect(formatEpochResult(OUT)).toBe(LINE);
    expect(Object.keys(JSON.parse(LINE))).toEqual([
      "format", "active", "stakeWeight", "consensus", "incentive", "dividends", "validatorTrust", "validatorPermit",
      "bonds", "serverEmission", "validatorEmission", "emission",
    ]);
  });

  it("writes arrays one result per line", () => {
    expect(formatEpochResults([OUT, OUT])).toBe(`[\n${LINE},\n${LINE}\n]`);
    expect(formatEpochResults([])).toBe("[]");
  });

  it("prints rao exactly up to 2^53-1 and refuses non-integers as a kernel bug", () => {
    expect(raoString(9007199254740991)).toBe("9007199254740991");
    expect(raoString(-0)).toBe("0");
    expect(() => raoString(1.5)).toThrow("epoch kernel produced an invalid rao amount: 1.5");
    expect(() => raoString(-1)).toThrow("invalid rao amount: -1");
  });
});
