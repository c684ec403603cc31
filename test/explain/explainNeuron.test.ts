// explain's derivation on a small network with known numbers: epoch_logs.rs test_validator_splits_weight_across_two_servers
// (three validators of 1e9 each, miners 3 and 4; validator 0 → miner 3, validator 1 → miner 4, validator 2 → both;
// consensus 0.5 on both miners; dividends 0.25, 0.25, 0.5; emission 1e9 rao), computed by hand in test/conformance/epochTrace.test.ts.
import { describe, expect, it } from "vitest";
import { runEpoch } from "../../models/consensus/runEpoch.js";
import { EpochTrace } from "../../models/consensus/epochTrace.js";
import { explainNeuron } from "../../sim/explain/explainNeuron.js";
import { formatExplanation } from "../../sim/explain/formatExplanation.js";
import { buildInput, setWeightsRow, type Row } from "../conformance/epochState.js";

const ONE = 2 ** 32;
const THIRD = 1431655765;
const w: Row[] = [setWeightsRow([3, 4], [65535, 0]), setWeightsRow([3, 4], [0, 65535]), setWeightsRow([3, 4], [65535, 65535]), [], []];
const input = buildInput({
  n: 5, block: 1, hp: { tempo: 10, maxAllowedValidators: 128 },
  alphaStake: [1e9, 1e9, 1e9, 0, 0], reg: [0, 0, 0, 0, 0], lastUpdate: [1, 1, 1, 1, 1],
  permit: [true, true, true, false, false], weights: w,
});
const trace = new EpochTrace();
const out = runEpoch(input, "exact", undefined, { trace });
const heading = (uid: number, role: string) => ({ task: 0, netuid: 1, epoch: 1, hotkey: `h${uid}`, role });

describe("explain: miner 3", () => {
  const e = explainNeuron(trace, input, out, 3);
  it("data: consensus 0.5 from weights 1, 0, 0.5 at equal stake; validator 0 clipped 1 → 0.5; incentive 0.5; 250000000 rao", () => {
    expect(e.validator).toBeNull();
    const m = e.miner!;
    expect(m.consensus).toEqual({ bits: String(ONE / 2), value: 0.5 });
    expect(m.received.map((r) => [r.validator, Number(r.weight.bits), Number(r.clipped.bits), r.side])).toEqual([
      [0, ONE, ONE / 2, "above"], [1, 0, 0, "below"], [2, ONE / 2, ONE / 2, "at"],
    ]);
    expect(m.stakeAtOrAbove).toBeCloseTo(2 / 3, 12);
    expect(m.stakeAbove).toBeCloseTo(1 / 3, 12);
    expect(m.stakeBelow).toBeCloseTo(1 / 3, 12);
    expect(Number(m.rank.bits)).toBe(2 * Math.floor(THIRD / 2)); // 0.5·A0 + 0.5·A2, each floored
    expect(Number(m.ranksTotal.bits)).toBe(4 * Math.floor(THIRD / 2));
    expect(m.incentive.value).toBe(0.5);
    expect(e.stake).toMatchObject({ alphaStake: "0", stakeWeight: { bits: "0", value: 0 }, active: true, validatorPermit: false });
    expect(e.emission).toMatchObject({ server: "250000000", validator: "0", total: "250000000", fallbackToStake: false });
    expect(e.emission.incentivePlusDividendsTotal.value).toBe(2);
  });

  it("text: the median, what was clipped, rank → incentive → rao", () => {
    const text = formatExplanation(heading(3, "miner"), e);
    expect(text).toContain("consensus 0.5 (u16 32767)");
    expect(text).toContain("validators holding 66.6667 % of active stake weighted it at or above the consensus (κ = 49.9992 %), 33.3333 % below.");
    expect(text).toContain("clipped down to the consensus (33.3333 % of active stake): uid 0 1 → 0.5.");
    expect(text).toContain("kept in full (largest stake first): uid 2 0.5 (stake 0.333333).");
    expect(text).toContain("incentive = rank / Σ ranks 0.666667 = 0.5 (u16 32767)");
    expect(text).toContain("server = incentive 0.5 / Σ(incentive + dividends) 2 × 1000000000 rao = 250000000 rao;");
    expect(text).not.toContain("As a validator");
  });
});

describe("explain: validators 0 and 2", () => {
  it("validator 0: weight 1 on miner 3 clipped to 0.5 → trust 0.5; bond share 0.5 × incentive 0.5 → dividends 0.25 → 125000000 rao", () => {
    const e = explainNeuron(trace, input, out, 0);
    expect(e.miner).toBeNull(); // nobody weighted uid 0 and it earned no incentive
    const v = e.validator!;
    expect(v.given.map((g) => [g.miner, g.weight.value, g.consensus.value, g.clipped.value])).toEqual([[3, 1, 0.5, 0.5], [4, 0, 0.5, 0]]);
    expect(v.validatorTrust.value).toBe(0.5);
    expect(v.bonds.map((b) => [b.miner, b.previousU16, b.bond.value, b.normalized.value, b.incentive.value, b.contribution.value])).toEqual([[3, 0, 1, 0.5, 0.5, 0.25]]);
    expect(v.dividendRaw.value).toBe(0.25);
    expect(v.dividendRawTotal.value).toBe(1); // 0.25 + 0.25 + 0.5
    expect(v.dividends.value).toBe(0.25);
    expect(e.stake).toMatchObject({ alphaStake: "1000000000", totalStake: "1000000000", active: true, previousPermit: true, validatorPermit: true });
    expect(Number(e.stake.activeStake.bits)).toBe(THIRD);
    expect(e.emission).toMatchObject({ server: "0", validator: "125000000", total: "125000000" });
    const text = formatExplanation(heading(0, "validator"), e);
    expect(text).toContain("validator trust = Σ weight kept after clipping to consensus = 0.5 (u16 32767).");
    expect(text).toContain("above consensus (clipped): uid 3 1 vs 0.5.");
    expect(text).toContain("uid 3: bond 1 (stored u16 before: 0), share 0.5 × incentive 0.5 = 0.25");
    expect(text).toContain("dividends = Σ share × incentive = 0.25, / Σ over all validators 1 = 0.25 (u16 16383).");
    expect(text).toContain("validator = dividends 0.25 / 2 × 1000000000 rao = 125000000 rao; total 125000000 rao.");
  });

  it("validator 2: both weights at consensus → trust 1, dividends 0.5 → 250000000 rao", () => {
    const e = explainNeuron(trace, input, out, 2);
    const v = e.validator!;
    expect(v.validatorTrust.value).toBe(1);
    expect(v.given.every((g) => g.clipped.value === g.weight.value)).toBe(true);
    expect(v.dividends.value).toBe(0.5);
    expect(e.emission.validator).toBe("250000000");
    expect(formatExplanation(heading(2, "validator"), e)).not.toContain("above consensus (clipped)");
  });
});
