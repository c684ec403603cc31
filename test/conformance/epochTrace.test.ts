// The epoch trace's intermediates against hand calculations (raw I32F32: 2^32 = 1.0) on the chain's own
// small cases, and against the intermediates subtensor's epoch_logs.rs prints (subtensor-vectors.md B):
// "Active Stake", "Consensus", "ΔB", "Exponential Moving Average Bonds", "Dividends".
import { describe, expect, it } from "vitest";
import { runEpoch } from "../../models/consensus/runEpoch.js";
import { EpochTrace, traceRow } from "../../models/consensus/epochTrace.js";
import { alphaSigmoidExactBig } from "../../models/consensus/liquidAlpha.js";
import { buildInput, setWeightsRow, type Row } from "./epochState.js";

const ONE = 2 ** 32;
const HALF = 2 ** 31;
const THIRD = 1431655765; // I32F32(1e9 / 3e9) = floor(2^32 / 3) (I64F64 ratio, then 32 bits dropped)
const vec = (v: Float64Array, n: number) => Array.from(v.subarray(0, n));
const rows = (t: EpochTrace, m: "weights" | "clippedWeights" | "bondsNormalized" | "bonds" | "weightsForBonds") =>
  Array.from({ length: t.n }, (_, i) => traceRow(t[m], i));

function five(w: Row[]) {
  // epoch_logs.rs setup: tempo 10, three permitted validators of 1e9, two miners of 0, block 1
  return buildInput({
    n: 5, block: 1, hp: { tempo: 10, maxAllowedValidators: 128 },
    alphaStake: [1e9, 1e9, 1e9, 0, 0], reg: [0, 0, 0, 0, 0], lastUpdate: [1, 1, 1, 1, 1],
    permit: [true, true, true, false, false], weights: w,
  });
}

describe("epoch trace: epoch_logs.rs test_validator_splits_weight_across_two_servers", () => {
  const w: Row[] = [setWeightsRow([3, 4], [65535, 0]), setWeightsRow([3, 4], [0, 65535]), setWeightsRow([3, 4], [65535, 65535]), [], []];
  const t = new EpochTrace();
  runEpoch(five(w), "exact", undefined, { trace: t });

  it("stake and active stake: [0.3333333333 ×3, 0, 0] (log \"Active Stake\")", () => {
    expect(vec(t.stake, 5)).toEqual([THIRD, THIRD, THIRD, 0, 0]);
    expect(vec(t.activeStake, 5)).toEqual([THIRD, THIRD, THIRD, 0, 0]); // THIRD·2^32 / 3·THIRD, floored
  });

  it("weights row-normalised, consensus 0.5 on both servers, clipped weights and trust", () => {
    expect(rows(t, "weights")).toEqual([[[3, ONE], [4, 0]], [[3, 0], [4, ONE]], [[3, HALF], [4, HALF]], [], []]);
    expect(vec(t.consensus, 5)).toEqual([0, 0, 0, HALF, HALF]); // κ-median of {1, 0, 0.5} at equal stake
    expect(rows(t, "clippedWeights")).toEqual([[[3, HALF], [4, 0]], [[3, 0], [4, HALF]], [[3, HALF], [4, HALF]], [], []]);
    expect(vec(t.validatorTrust, 5)).toEqual([HALF, HALF, ONE, 0, 0]);
  });

  it("ranks = Wc·A (products floored), incentive = ranks / Σranks", () => {
    const r = 2 * Math.floor((HALF * THIRD) / ONE); // 2 · 715827882
    expect(vec(t.ranks, 5)).toEqual([0, 0, 0, r, r]);
    expect(vec(t.incentive, 5)).toEqual([0, 0, 0, HALF, HALF]);
  });

  it("ΔB = [[(3,0.5),(4,0)],[(3,0),(4,0.5)],[(3,0.5),(4,0.5)],[],[]] (log \"ΔB\")", () => {
    const d = t.bondsDelta;
    expect(d).not.toBeNull();
    expect(Array.from({ length: 5 }, (_, i) => traceRow(d!, i))).toEqual([[[3, HALF], [4, 0]], [[3, 0], [4, HALF]], [[3, HALF], [4, HALF]], [], []]);
  });

  it("EMA bonds: α = 0.1 of ΔB (no old bonds), normalised for dividends, max-upscaled for storage", () => {
    expect(t.emaAlpha).toBe(429496730);
    expect(rows(t, "bondsNormalized")).toEqual([[[3, HALF]], [[4, HALF]], [[3, HALF], [4, HALF]], [], []]);
    expect(rows(t, "bonds")).toEqual([[[3, ONE]], [[4, ONE]], [[3, ONE], [4, ONE]], [], []]);
  });

  it("dividends [0.25, 0.25, 0.5, 0, 0] (log \"Dividends\")", () => {
    expect(vec(t.dividends, 5)).toEqual([ONE / 4, ONE / 4, HALF, 0, 0]);
  });
});

describe("epoch trace: test_validators_weight_two_distinct_servers (consensus [0,0,0,1,0])", () => {
  it("drops the entry clipped to a zero consensus and pays miner 3 only", () => {
    const w: Row[] = [setWeightsRow([3, 4], [65535, 0]), setWeightsRow([3, 4], [0, 65535]), setWeightsRow([3, 4], [65535, 0]), [], []];
    const t = new EpochTrace();
    runEpoch(five(w), "exact", undefined, { trace: t });
    expect(vec(t.consensus, 5)).toEqual([0, 0, 0, ONE, 0]);
    // row 1's (4, 1.0) is above a zero consensus: dropped (col_clip_sparse)
    expect(rows(t, "clippedWeights")).toEqual([[[3, ONE], [4, 0]], [[3, 0]], [[3, ONE], [4, 0]], [], []]);
    expect(vec(t.ranks, 5)).toEqual([0, 0, 0, 2 * THIRD, 0]);
    expect(vec(t.incentive, 5)).toEqual([0, 0, 0, ONE, 0]);
    expect(vec(t.dividends, 5)).toEqual([HALF, 0, HALF, 0, 0]);
  });
});

describe("epoch trace: Yuma3 with liquid alpha (hand calculation)", () => {
  // validators 0, 1 (stake 60/40) both weight miner 2 fully; no old bonds; block 1
  const input = buildInput({
    n: 3, block: 1, hp: { tempo: 10, yuma3: true, liquidAlpha: true },
    alphaStake: [6e9, 4e9, 0], reg: [0, 0, 0], lastUpdate: [1, 1, 1], permit: [true, true, false],
    weights: [[[2, 65535]], [[2, 65535]], []],
  });
  const t = new EpochTrace();
  const out = runEpoch(input, "exact", undefined, { trace: t });
  const low = Math.floor((45875 * ONE) / 65535); // 3006509875
  const high = Math.floor((58982 * ONE) / 65535); // 3865503334

  it("stake 0.6 / 0.4 and consensus 1 on the miner", () => {
    expect(vec(t.stake, 3)).toEqual([2576980377, 1717986918, 0]); // floor(0.6·2^32), floor(0.4·2^32)
    expect(vec(t.activeStake, 3)).toEqual([2576980377, 1717986918, 0]); // x·2^32 / 4294967295, floored
    expect(vec(t.consensus, 3)).toEqual([0, 0, ONE]);
  });

  it("alphas: d = clamp(w − C) = 0 for a weight at consensus → α(0) ≈ 0.7013, inside [low, high]", () => {
    const a0 = alphaSigmoidExactBig(0, { low, high, steepness: 1000 });
    expect(Math.abs(a0 / ONE - (low + (high - low) / (1 + Math.exp(5))) / ONE)).toBeLessThan(1e-6); // low + (high − low)·sigmoid(−10·(0 − 0.5))
    expect(t.liquidAlpha).toBe(true);
    expect(Array.from({ length: 3 }, (_, i) => traceRow(t.alphas!, i))).toEqual([[[2, a0]], [[2, a0]], []]);
    // EMA = (1 − α)·0 + α·1 = α; each validator then holds half of the miner's bonds
    expect(rows(t, "bonds")).toEqual([[[2, a0]], [[2, a0]], []]);
    expect(rows(t, "bondsNormalized")).toEqual([[[2, HALF]], [[2, HALF]], []]);
  });

  it("dividends = (Σ_j Bn_ij · I_j) · A_i, normalised: 0.6 / 0.4", () => {
    // tbpv_i = 0.5 · 1; D = [0.5·A0, 0.5·A1] = [1288490188, 858993459] → / Σ
    expect(vec(t.dividends, 3)).toEqual([2576980377, 1717986918, 0]);
    expect(Array.from(out.dividends)).toEqual([39320, 26213, 0]);
    expect(t.bondsDelta).toBeNull();
  });
});
