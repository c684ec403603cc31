// Runs the yuma-cases study and writes `yuma-cases.csv` (one row per case, variant and validator) and
// `charts/yuma-cases.vl.json` (a faceted grouped bar chart: per case, per validator, one bar per variant).
import { YUMA_CASES } from "../../models/variants/cases.js";
import { STUDY_VARIANTS, yumaCasesTotals, type StudyVariantName } from "./studyDrivers.js";
import { yumaCasesChartSpec } from "./charts/yumaCasesChart.js";
import type { StudyFiles } from "./studyFiles.js";
import type { StudyTable } from "./studyReport.js";
import type { CaseTotalRow } from "./studyDrivers.js";

export interface YumaCasesStudyOptions {
  /** Case keys to run (default all 22). */
  cases?: readonly string[];
  variants?: readonly StudyVariantName[];
  /** β for Yuma 1, 2, 2B (default 1). */
  bondPenalty?: number;
}

export const YUMA_CASES_COLUMNS = [
  "case", "case_name", "variant", "validator_index", "validator", "base_validator",
  "total_dividend_per_1000_tao", "pct_vs_base",
] as const;

export interface StudyOutput {
  params: Record<string, unknown>;
  tables: StudyTable[];
}

export async function writeYumaCasesStudy(files: StudyFiles, options: YumaCasesStudyOptions = {}): Promise<StudyOutput> {
  const cases = options.cases ? YUMA_CASES.filter((c) => options.cases!.includes(c.key)) : YUMA_CASES;
  const variants = options.variants ?? STUDY_VARIANTS;
  const bondPenalty = options.bondPenalty ?? 1;
  const rows = yumaCasesTotals({ cases, variants, bondPenalty });
  await files.writeCsv("yuma-cases.csv", YUMA_CASES_COLUMNS, rows.map((r) => [
    r.case_key, r.case_name, r.variant, r.validator_index, r.validator, r.base_validator,
    r.total_dividend_per_1000_tao, r.pct_vs_base,
  ]));
  await files.writeChart("yuma-cases", yumaCasesChartSpec(rows, variants));
  const params = {
    cases: cases.map((c) => c.key),
    variants,
    bondPenalty,
    chainHyperparameters: {
      chain: "chain storage defaults: kappa 32767, bondsPenalty 65535, bondsMovingAverage 900000, yuma3 off, liquidAlpha off",
      "chain-yuma3": "the same with yuma3 on",
    },
  };
  return { params, tables: [yumaCasesTable(rows, variants)] };
}

/** Per case and validator, the total dividend per 1000 TAO under each variant (also rebuilt from the CSV). */
export function yumaCasesTable(
  rows: readonly Pick<CaseTotalRow, "case_key" | "case_name" | "variant" | "validator_index" | "validator" | "base_validator" | "total_dividend_per_1000_tao">[],
  variants: readonly string[],
): StudyTable {
  const byKey = new Map<string, Map<string, number>>();
  const order: [string, string, string][] = [];
  for (const r of rows) {
    const key = `${r.case_key}/${r.validator_index}`;
    if (!byKey.has(key)) {
      byKey.set(key, new Map());
      order.push([key, r.case_name, r.validator + (r.base_validator ? " (base)" : "")]);
    }
    byKey.get(key)!.set(r.variant, r.total_dividend_per_1000_tao);
  }
  return {
    title: "Total dividends per validator (dividend per 1000 TAO, summed over the case's epochs)",
    caption: "chain = the chain epoch with storage defaults (Yuma3 off); chain-yuma3 = the same with Yuma3 on.",
    columns: ["case", "validator", ...variants],
    rows: order.map(([key, caseName, validator]) => [
      caseName, validator, ...variants.map((v) => Number(byKey.get(key)!.get(v)!.toPrecision(4))),
    ]),
  };
}
