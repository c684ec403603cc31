import { describe, expect, test } from "vitest";
import { consensusBisection, consensusSorted, quantizeConsensus, truncToInt32X86 } from "./consensus.js";
import { incentiveWinnerTakesAll } from "./commonSteps.js";
import { createVariant } from "./createVariant.js";
import { yumaCaseByKey } from "./cases.js";
import { liquidAlphaRate } from "./liquidAlpha.js";
import { PACKAGE_DEFAULTS, resolveVariantParams } from "./params.js";
import { runCase } from "./runCase.js";
import { VARIANT_NAMES, VariantInputError } from "./types.js";

const f64 = (...xs: number[]): Float64Array => Float64Array.from(xs);

describe("common steps", () => {
  test("consensusSorted picks the weight where the running stake first reaches kappa (≥)", () => {
    const out = new Float64Array(2);
    // column 0: weights 1, 0 with stakes 0.5, 0.5 → 0.5 ≥ 0.5 at the first position → 1
    consensusSorted(f64(1, 0.2, 0, 0.7), f64(0.5, 0.5), 2, 2, 0.5, out, new Int32Array(2));
    expect(Array.from(out)).toEqual([1, 0.7]); // column 1: 0.7 (stake 0.5) comes first
  });

  test("consensusBisection needs stake strictly above kappa and returns the upper end", () => {
    const out = new Float64Array(1);
    consensusBisection(f64(1, 0), f64(0.5, 0.5), 2, 1, 0.5, 100_000, out);
    expect(out[0]).toBe(2 ** -17); // 0.5 is never > 0.5: the upper end shrinks to the first width < 1e-5
  });

  test("quantizeConsensus normalises and truncates to 1/65535; a zero consensus takes the x86 NaN path", () => {
    const c = f64(0.3, 0.1);
    quantizeConsensus(c, 2);
    expect(Array.from(c)).toEqual([Math.trunc(0.75 * 65535) / 65535, Math.trunc(0.25 * 65535) / 65535]);
    const z = f64(0, 0, 0);
    quantizeConsensus(z, 3);
    expect(Array.from(z)).toEqual([-2147483648 / 65535, -2147483648 / 65535, -2147483648 / 65535]); // ≈ −32768.5
    expect(truncToInt32X86(-2.7)).toBe(-2);
    expect(truncToInt32X86(Infinity)).toBe(-2147483648);
  });

  test("winner-takes-all splits the incentive among servers tied at max rank", () => {
    const out = new Float64Array(3);
    incentiveWinnerTakesAll(f64(0.4, 0.4, 0.2), 3, out);
    expect(Array.from(out)).toEqual([0.5, 0.5, 0]);
    incentiveWinnerTakesAll(f64(0.4, NaN, 0.2), 3, out);
    expect(Array.from(out)).toEqual([0, 0, 0]);
  });

  test("liquid alpha: a gap of 0.5 sits halfway between alpha_low and alpha_high", () => {
    const out = new Float64Array(2);
    // cell 0 buys (W 0.7 ≥ B 0.1): gap = W − C = 0.5; cell 1 sells (W 0 < B 1): gap = 1
    liquidAlphaRate(f64(0.7, 0), f64(0.1, 1), f64(0.2, 0.3), 1, 2, PACKAGE_DEFAULTS, out);
    expect(out[0]).toBeCloseTo(0.2, 15);
    expect(out[1]).toBeCloseTo(0.1 + 0.2 / (1 + Math.exp(-5)), 15);
  });
});

describe("createVariant", () => {
  test("knows exactly the six research variants", () => {
    expect(VARIANT_NAMES).toEqual(["yuma1", "yuma2", "yuma2b", "yuma2c", "yuma3", "yuma3-liquid"]);
    for (const name of VARIANT_NAMES) expect(createVariant(name).name).toBe(name);
    expect(() => createVariant("yuma4")).toThrow(VariantInputError);
  });

  test("yuma3-liquid is Yuma 3 with liquid alpha on and the suite's MIXED consensus", () => {
    const p = resolveVariantParams("yuma3-liquid", { liquidAlpha: false });
    expect(p.liquidAlpha).toBe(true);
    expect(p.liquidAlphaConsensusMode).toBe("MIXED");
    expect(p.bondMovingAvg).toBe(0.975);
    expect(resolveVariantParams("yuma2").bondMovingAvg).toBe(0.1);
  });

  test("only 2C, 3 and 3-liquid apply case bond resets", () => {
    const applies = VARIANT_NAMES.filter((n) => createVariant(n).appliesBondResets);
    expect(applies).toEqual(["yuma2c", "yuma3", "yuma3-liquid"]);
  });

  test("Yuma 3 first epoch: bonds are α·W, dividends follow stake", () => {
    const v = createVariant("yuma3");
    const r = v.epoch([1, 0, 1, 0, 1, 0], [0.8, 0.1, 0.1], 3, 2);
    expect(r.validatorBonds![0]).toBe(0.024999975000025022);
    expect(Array.from(r.validatorRewardNormalized)).toEqual([0.7999975999752001, 0.09999969999690002, 0.09999969999690002]);
    expect(r.serverTrust).toBeNull();
  });

  test("Yuma 2C carries bonds, decays them, and a reset zeroes one server column", () => {
    const v = createVariant("yuma2c");
    v.epoch([1, 0, 1, 0], [0.5, 0.5], 2, 2);
    const r = v.epoch([1, 0, 1, 0], [0.5, 0.5], 2, 2);
    const cap = 0.5 * 2 ** 64;
    expect(r.validatorBonds![0]).toBeCloseTo((0.9 * 0.1 * cap + 0.1 * cap) / (1 + 1e-6), -4);
    v.resetBondColumn(0);
    const after = v.epoch([0, 1, 0, 1], [0.5, 0.5], 2, 2);
    expect(after.validatorBonds![0]).toBe(0); // zeroed, no purchase (W = 0), 0.9·0 = 0
  });

  test("weights or stakes of the wrong size and a changed shape are input errors", () => {
    const v = createVariant("yuma2");
    expect(() => v.epoch([1, 0, 0], [1], 1, 2)).toThrow(VariantInputError);
    v.epoch([1, 0], [1], 1, 2);
    expect(() => v.epoch([1, 0, 0], [1], 1, 3)).toThrow(/shape changed/);
    v.reset();
    expect(v.epoch([1, 0, 0], [1], 1, 3).nServers).toBe(3);
  });
});

describe("runCase", () => {
  test("the case's bond reset changes Yuma 3 but not Yuma 2", () => {
    const c = yumaCaseByKey("case05")!;
    const on3 = runCase(c, { name: "yuma3" });
    const off3 = runCase(c, { name: "yuma3" }, { resetBonds: false });
    expect(on3.bonds![20][1]).not.toBe(off3.bonds![20][1]);
    // reset at e20 zeroes column S2; all vote S2 at e20, so every bond to S2 restarts at α·w
    for (let i = 0; i < 3; i++) expect(on3.bonds![20][i * 2 + 1]).toBe(0.024999975000025022);
    const on2 = runCase(c, { name: "yuma2", params: { bondPenalty: 0.5 } });
    const off2 = runCase(c, { name: "yuma2", params: { bondPenalty: 0.5 } }, { resetBonds: false });
    expect(on2.totalDividendPer1000Tao).toEqual(off2.totalDividendPer1000Tao);
  });

  test("a case's winner-takes-all override reaches the variant", () => {
    const run = runCase(yumaCaseByKey("case20")!, { name: "yuma1" });
    expect(run.params.winnerTakesAll).toBe(true);
    for (const inc of run.serverIncentive) expect([...inc].sort()).toEqual([0, 1]);
  });

  test("Case 21 is degenerate exactly where all three validators vote for different servers", () => {
    expect(runCase(yumaCaseByKey("case21")!, { name: "yuma3" }).degenerateEpochs).toEqual([5, 21, 22, 25, 30]);
  });
});
