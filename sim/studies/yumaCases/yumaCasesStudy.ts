// The `yuma-cases` study (issue 9 item 2): every synthetic case under every research variant (their
// suite parameters, models/variants VARIANT_DEFAULTS) and under the chain epoch (chain, chain-yuma3).
// Result: per case, each validator's total dividend per 1000 TAO over the case's epochs, per variant.
import { runCase } from "../../../models/variants/runCase.js";
import { YUMA_CASES } from "../../../models/variants/cases.js";
import { VARIANT_NAMES, type VariantName, type YumaCase } from "../../../models/variants/types.js";
import { CHAIN_VARIANTS, runCaseOnChain, type ChainVariantName } from "./chainCaseRun.js";

export type StudyVariantName = VariantName | ChainVariantName;
/** Column order of the study: the research variants, then the chain configurations. */
export const STUDY_VARIANTS: readonly StudyVariantName[] = [...VARIANT_NAMES, ...CHAIN_VARIANTS];

/** One row of `yuma-cases.csv`. */
export interface CaseTotalRow {
  case_key: string;
  case_name: string;
  variant: StudyVariantName;
  validator_index: number;
  validator: string;
  base_validator: boolean;
  total_dividend_per_1000_tao: number;
  /** % difference from the case's base validator under the same variant (0 for the base itself). */
  pct_vs_base: number;
}

export interface YumaCasesOptions {
  cases?: readonly YumaCase[];
  variants?: readonly StudyVariantName[];
  /** Bond penalty β for Yuma 1, 2 and 2B (the package requires one; the suite also uses 0, 0.5, 0.99). Default 1. */
  bondPenalty?: number;
}

export function isChainVariant(name: string): name is ChainVariantName {
  return (CHAIN_VARIANTS as readonly string[]).includes(name);
}

/** Total dividend per 1000 TAO per validator of one case under one variant. */
export function caseTotals(yumaCase: YumaCase, variant: StudyVariantName, bondPenalty = 1): Float64Array {
  if (isChainVariant(variant)) return runCaseOnChain(yumaCase, variant).totalDividendPer1000Tao;
  return runCase(yumaCase, { name: variant, params: { bondPenalty } }, { recordBonds: false }).totalDividendPer1000Tao;
}

/** Rows in case order, then variant order, then validator order. */
export function yumaCasesTotals(options: YumaCasesOptions = {}): CaseTotalRow[] {
  const cases = options.cases ?? YUMA_CASES;
  const variants = options.variants ?? STUDY_VARIANTS;
  const rows: CaseTotalRow[] = [];
  for (const c of cases) {
    const b = c.validators.indexOf(c.baseValidator);
    for (const variant of variants) {
      const totals = caseTotals(c, variant, options.bondPenalty ?? 1);
      const base = totals[b] === 0 ? 1e-6 : totals[b]; // the package's fallback
      c.validators.forEach((validator, i) => {
        rows.push({
          case_key: c.key, case_name: c.name, variant, validator_index: i, validator,
          base_validator: i === b, total_dividend_per_1000_tao: totals[i],
          pct_vs_base: i === b ? 0 : ((totals[i] - base) / base) * 100,
        });
      });
    }
  }
  return rows;
}
