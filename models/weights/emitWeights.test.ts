import { describe, expect, it } from "vitest";
import { convertWeightsForEmit } from "./emitWeights.js";

const run = (uids: number[], w: number[]) => {
  const u = new Uint16Array(uids.length);
  const v = new Uint16Array(uids.length);
  const m = convertWeightsForEmit(uids, w, uids.length, u, v);
  return [Array.from(u.subarray(0, m)), Array.from(v.subarray(0, m))];
};

describe("convertWeightsForEmit (bittensor SDK convert_weights_and_uids_for_emit)", () => {
  it("max-normalises to 65535 and rounds each entry", () => {
    // 0.1/0.4·65535 = 16383.75 → 16384; 0.2/0.4 → 32767.5 → 32768 (tie to even); 0.3/0.4 → 49151.25 → 49151
    expect(run([2, 3, 4, 5], [0.1, 0.2, 0.3, 0.4])).toEqual([[2, 3, 4, 5], [16384, 32768, 49151, 65535]]);
  });

  it("rounds exact halves to even, like Python's round", () => {
    // 1/131070·65535 = 0.5 → 0 (dropped); 3/131070·65535 = 1.5 → 2
    expect(run([0, 1, 2], [1, 3, 131070])).toEqual([[1, 2], [2, 65535]]);
  });

  it("drops zero entries and sends nothing for an all-zero proposal", () => {
    expect(run([0, 1, 2], [0, 5, 0])).toEqual([[1], [65535]]);
    expect(run([0, 1], [0, 0])).toEqual([[], []]);
  });
});
