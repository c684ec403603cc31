import { describe, expect, it } from "vitest";
import { runCase } from "../../../models/variants/runCase.js";
import { YUMA_CASES, yumaCaseByKey } from "../../../models/variants/cases.js";
import { VARIANT_NAMES } from "../../../models/variants/types.js";
import { STUDY_VARIANTS, yumaCasesTotals } from "./yumaCasesStudy.js";
import { runCaseOnChain, submittedWeightRow } from "./chainCaseRun.js";

describe("yuma-cases totals", () => {
  it("equal each research variant's own runCase totals", () => {
    const c = yumaCaseByKey("case05")!;
    const rows = yumaCasesTotals({ cases: [c] });
    expect(rows.length).toBe(STUDY_VARIANTS.length * 3);
    for (const v of VARIANT_NAMES) {
      const own = runCase(c, { name: v, params: { bondPenalty: 1 } }).totalDividendPer1000Tao;
      const mine = rows.filter((r) => r.variant === v).map((r) => r.total_dividend_per_1000_tao);
      expect(mine).toEqual(Array.from(own));
    }
  });

  it("cover every case, variant and validator, base validators at 0 %", () => {
    const rows = yumaCasesTotals();
    expect(rows.length).toBe(YUMA_CASES.length * STUDY_VARIANTS.length * 3);
    for (const r of rows.filter((r) => r.base_validator)) expect(r.pct_vs_base).toBe(0);
    for (const r of rows) expect(Number.isFinite(r.total_dividend_per_1000_tao)).toBe(true);
  });
});

describe("chain epoch on a case", () => {
  it("pays validators in proportion to stake when all switch together (case 4)", () => {
    const run = runCaseOnChain(yumaCaseByKey("case04")!, "chain");
    // dividend per 1000 TAO is stake-normalised: with identical behaviour all three earn about the same
    const [a, b, c] = run.totalDividendPer1000Tao;
    expect(Math.abs(a - b) / a).toBeLessThan(0.01);
    expect(Math.abs(b - c)).toBeLessThan(1e-9);
    // 40 epochs × 0.41 · 100 / (1e6 / 1000) per unit stake share ≈ 1.64
    expect(a).toBeCloseTo(1.64, 1);
  });

  it("drops the zero-staked validator's dividends in case 9 and runs both chain configurations", () => {
    for (const v of ["chain", "chain-yuma3"] as const) {
      const run = runCaseOnChain(yumaCaseByKey("case09")!, v);
      expect(run.dividendShare[39][2]).toBe(0);
      const total = run.dividendShare[39].reduce((s, x) => s + x, 0);
      expect(total).toBeCloseTo(1, 9);
    }
  });

  it("submits weights as the SDK does: zeros dropped, max → 65535", () => {
    expect(submittedWeightRow([0.3, 0.7])).toEqual({ uids: [0, 1], values: [28086, 65535] });
    expect(submittedWeightRow([0, 1])).toEqual({ uids: [1], values: [65535] });
    expect(submittedWeightRow([0, 0])).toEqual({ uids: [], values: [] });
  });
});
