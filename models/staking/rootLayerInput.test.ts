import { describe, expect, it } from "vitest";
import { RootLayerInputError, childkeyProportions, parseRootClaimType, parseShareRule } from "./rootLayerInput.js";

const thrown = (f: () => unknown): RootLayerInputError => {
  try {
    f();
  } catch (e) {
    if (e instanceof RootLayerInputError) return e;
    throw e;
  }
  throw new Error("no error");
};

describe("root layer input guards", () => {
  it("claim types: Swap, Keep, keepSubnets; anything else is a typed error with the path", () => {
    expect(parseRootClaimType("Swap", "a")).toEqual({ kind: "Swap" });
    expect(parseRootClaimType("keep", "a")).toEqual({ kind: "Keep" });
    expect(parseRootClaimType({ keepSubnets: [3, 5] }, "a")).toEqual({ kind: "KeepSubnets", subnets: new Set([3, 5]) });
    const e = thrown(() => parseRootClaimType("Sell", "holders[2].claimType"));
    expect([e.path, e.expected, e.found]).toEqual(["holders[2].claimType", `a root claim type ("Swap", "Keep" or { keepSubnets: [...] })`, `"Sell"`]);
    expect(thrown(() => parseRootClaimType({ keepSubnets: [] }, "c")).path).toBe("c.keepSubnets");
  });
  it("childkey proportions: decimals to u64 parts; a sum above 1 or a value outside [0, 1] is refused", () => {
    expect(childkeyProportions([{ hotkey: 3, proportion: 0.5 }, { hotkey: 4, proportion: 0.5 }], "k")).toEqual([
      { hotkey: 3, proportion: (1n << 63n) - 1n }, { hotkey: 4, proportion: (1n << 63n) - 1n },
    ]);
    expect(childkeyProportions([{ hotkey: 3, proportion: 1 }], "k")).toEqual([{ hotkey: 3, proportion: (1n << 64n) - 1n }]);
    const e = thrown(() => childkeyProportions([{ hotkey: 3, proportion: 0.6 }, { hotkey: 4, proportion: 0.5 }], "validators[0].children"));
    expect([e.path, e.expected]).toEqual(["validators[0].children", "childkey proportions summing to at most 1"]);
    expect(thrown(() => childkeyProportions([{ hotkey: 3, proportion: -0.1 }], "k")).path).toBe("k[0].proportion");
  });
  it("share rule: price or flow", () => {
    expect(parseShareRule("flow", "chain.shareRule")).toBe("flow");
    expect(thrown(() => parseShareRule("tao", "chain.shareRule")).found).toBe(`"tao"`);
  });
});
