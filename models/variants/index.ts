// Research Yuma variants (spec/yuma-variants.md): Yuma 1, 2, 2B, 2C, 3 and 3-liquid as
// bactensor/yuma-simulation defines them, in float64, plus its 22 synthetic cases.
export {
  VARIANT_NAMES, VARIANT_PACKAGE_KEYS, VARIANT_DISPLAY_NAMES, VariantInputError,
  type VariantName, type VariantParams, type Variant, type VariantEpochResult, type YumaCase,
  type LiquidAlphaConsensusMode, type ConsensusImpl,
} from "./types.js";
export { createVariant } from "./createVariant.js";
export { PACKAGE_DEFAULTS, VARIANT_DEFAULTS, resolveVariantParams, isVariantName } from "./params.js";
export { runCase, dividendPer1000Tao, relativeDividend, type CaseRun, type RunCaseOptions } from "./runCase.js";
export { YUMA_CASES, yumaCaseByKey } from "./cases.js";
export { liquidAlphaRate } from "./liquidAlpha.js";
export { consensusSorted, consensusBisection, quantizeConsensus } from "./consensus.js";
