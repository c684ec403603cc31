import { describe, expect, it } from "vitest";
import { MinerOperator } from "./minerOperator.js";
import { demandPurchase, priceMoverActions, yieldSeekerActions, type MarketView } from "./stakers.js";
import type { SubnetView } from "./types.js";
import { createValidatorAgent, type ValidatorParams } from "./validators.js";

/** uids 0,1 validators; 2..5 miners with quality 0.1..0.4; label 0 on uid 5. */
function view(consensus: number[] | null = null): SubnetView {
  return {
    netuid: 1, block: 100, epochIndex: 3, n: 6,
    isMiner: [0, 0, 1, 1, 1, 1],
    trueQuality: [0, 0, 0.1, 0.2, 0.3, 0.4],
    minerLabel: [-1, -1, -1, -1, -1, 0],
    labelIndex: (l) => (l === "cab" ? 0 : -1),
    consensusAgo: () => consensus,
    ownerUid: -1,
    ownerBurn: 0,
  };
}
const constant = (x: number) => () => x;
const agent = (p: Partial<ValidatorParams>, noise = constant(0.5), availability = constant(0.5)) =>
  createValidatorAgent({ strategy: "honest", noiseSigma: 0, ...p } as ValidatorParams, { netuid: 1, uid: 0, capacity: 8, noise, availability });
const entries = (a: ReturnType<ReturnType<typeof agent>["decide"]>) => (a === null ? null : Array.from(a.uids.subarray(0, a.len), (u, k) => [u, +a.weights[k].toFixed(6)]));

describe("validator strategies", () => {
  it("honest with sigma 0 proposes the true quality of every miner, in uid order", () => {
    expect(entries(agent({}).decide(view()))).toEqual([[2, 0.1], [3, 0.2], [4, 0.3], [5, 0.4]]);
  });

  it("owner burn: the subnet's code gives `ownerBurn` of the weight to the owner's uid, the rest in proportion to quality", () => {
    const a = agent({}).decide({ ...view(), ownerUid: 1, ownerBurn: 0.25 });
    // qualities 0.1..0.4 sum to 1: scaled to 0.75 in all
    expect(entries(a)).toEqual([[2, 0.075], [3, 0.15], [4, 0.225], [5, 0.3], [1, 0.25]]);
  });

  it("honest noise is sigma · N(0,1) and floors at 0", () => {
    // uniforms (0.5, 0.5) → z = sqrt(2 ln 2) · cos π = −1.17741
    const a = agent({ noiseSigma: 0.1 }).decide(view());
    expect(entries(a)).toEqual([[2, 0], [3, 0.082259], [4, 0.182259], [5, 0.282259]]);
  });

  it("lazy stops after stopAfterEpochs and skips epochs with offlineProbability", () => {
    const lazy = agent({ strategy: "lazy", stopAfterEpochs: 1, offlineProbability: 0 });
    expect(lazy.decide(view())).not.toBeNull();
    expect(lazy.decide(view())).toBeNull();
    expect(agent({ strategy: "lazy", stopAfterEpochs: null, offlineProbability: 0.6 }).decide(view())).toBeNull();
  });

  it("copier submits the lagged consensus, nothing before it exists", () => {
    expect(agent({ strategy: "copier", lagEpochs: 1 }).decide(view(null))).toBeNull();
    expect(entries(agent({ strategy: "copier", lagEpochs: 1 }).decide(view([0, 0, 0, 100, 0, 300])))).toEqual([[3, 100], [5, 300]]);
  });

  it("cabal puts favourWeight on its own miners and spreads the rest by observed quality", () => {
    const a = agent({ strategy: "cabal", favours: "cab", favourWeight: 0.8 }).decide(view());
    expect(entries(a)).toEqual([[2, 0.033333], [3, 0.066667], [4, 0.1], [5, 0.8]]);
  });

  it("a late validator sends, each epoch, the honest proposal it formed revealDelayEpochs epochs earlier", () => {
    const late = agent({ strategy: "late", revealDelayEpochs: 2 });
    const quality = (q: number[]): SubnetView => ({ ...view(), trueQuality: [0, 0, ...q] });
    expect(entries(late.decide(quality([0.1, 0.2, 0.3, 0.4])))).toEqual([[2, 0.1], [3, 0.2], [4, 0.3], [5, 0.4]]);
    expect(entries(late.decide(quality([0.4, 0.3, 0.2, 0.1])))).toEqual([[2, 0.1], [3, 0.2], [4, 0.3], [5, 0.4]]);
    expect(entries(late.decide(quality([0.5, 0.5, 0.5, 0.5])))).toEqual([[2, 0.1], [3, 0.2], [4, 0.3], [5, 0.4]]);
    expect(entries(late.decide(quality([0.5, 0.5, 0.5, 0.5])))).toEqual([[2, 0.4], [3, 0.3], [4, 0.2], [5, 0.1]]);
  });
});

describe("miner operators", () => {
  it("drift is a clamped random walk; leave and profitable rejoin follow their draws", () => {
    const op = new MinerOperator({ strategy: "honest", drift: 10, leaveProbability: 0.4, joinWhenProfitable: true }, 0.5, [7], constant(0.5), constant(0.3));
    op.drift();
    expect(op.quality).toBe(0); // 0.5 + 10 · (−1.177) clamps at 0
    expect(op.decide(1, 2)).toBe("leave");
    op.serving = false;
    expect(op.decide(1, 2)).toBe("stay");
    expect(op.decide(3, 2)).toBe("rejoin");
  });
});

describe("stakers and users", () => {
  const market: MarketView = { netuid: 1, validatorHotkeys: [10, 11], validatorYield: [0.01, 0.02], price: 1, movingPrice: 1.2 };
  it("a yield seeker delegates to the best yield and moves when the gain beats minYieldGain", () => {
    expect(yieldSeekerActions(market, { coldkey: 3, free: 5n, hotkey: -1, alpha: 0n }, 0.01)).toEqual([{ kind: "add-stake", netuid: 1, coldkey: 3, hotkey: 11, tao: 5n }]);
    expect(yieldSeekerActions(market, { coldkey: 3, free: 0n, hotkey: 10, alpha: 9n }, 0.01)).toEqual([
      { kind: "move-stake", netuid: 1, coldkey: 3, fromHotkey: 10, toHotkey: 11, alpha: 9n },
    ]);
    expect(yieldSeekerActions(market, { coldkey: 3, free: 0n, hotkey: 10, alpha: 9n }, 1.5)).toEqual([]);
  });

  it("a price mover buys below the moving price and sells above it", () => {
    expect(priceMoverActions(market, { coldkey: 3, free: 1000n, hotkey: 10, alpha: 0n }, 0.05, 0.1, 10)).toEqual([{ kind: "add-stake", netuid: 1, coldkey: 3, hotkey: 10, tao: 100n }]);
    const high = { ...market, price: 1.5 };
    expect(priceMoverActions(high, { coldkey: 3, free: 0n, hotkey: 10, alpha: 1000n }, 0.05, 0.1, 10)).toEqual([{ kind: "remove-stake", netuid: 1, coldkey: 3, hotkey: 10, alpha: 100n }]);
  });

  it("users spend taoPerDay spread over the day, times the demand factor", () => {
    expect(demandPurchase(1, 4, 2, 72, 360, 2)).toEqual({ kind: "add-stake", netuid: 1, coldkey: 4, hotkey: 2, tao: 7_200_000_000n });
  });
});
