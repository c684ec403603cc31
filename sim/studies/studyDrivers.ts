// The experiment drivers of the built-in studies (issue 9): `yuma-cases` (synthetic cases under every
// Yuma variant and the chain epoch) and `consensus-guarantees` (the chain's Monte Carlo of honest stake
// retention). They drive models/ and hold no chain rule, so they live here, beside the code that runs
// them and writes their files (runStudy.ts).
export {
  STUDY_VARIANTS, yumaCasesTotals, caseTotals, isChainVariant,
  type StudyVariantName, type CaseTotalRow, type YumaCasesOptions,
} from "./yumaCases/yumaCasesStudy.js";
export {
  CHAIN_VARIANTS, runCaseOnChain, chainCaseHyperparameters, submittedWeightRow,
  type ChainVariantName, type ChainCaseRun,
} from "./yumaCases/chainCaseRun.js";
export {
  HONEST_STAKES, WEIGHT_SIGMAS, BONDS_PENALTIES, GUARANTEE_SHAPE, FULL_GRID_SAMPLES, GUARANTEE_DEFAULTS,
  selfWeightGrid, planGuaranteeChunks, noiseStreamNames,
  type GuaranteeStudyParams, type GuaranteeChunkSpec,
} from "./guarantees/guaranteeChunks.js";
export { runGuaranteeChunk, type StreamFactory } from "./guarantees/runGuaranteeChunk.js";
export { GuaranteeNetwork, guaranteeHyperparameters, bondsPenaltyU16, GUARANTEE_EPOCH_RAO } from "./guarantees/guaranteeNetwork.js";
export {
  nonExtremeCount, splitSizes, drawGraphNoise, sampleStakes, weightShares, standardNormal,
  TOTAL_STAKE_RAO, STAKE_SIGMA, type GraphShape, type GraphNoise, type SplitSizes, type UniformSource,
} from "./guarantees/splitGraph.js";
export { honestUtilityNeeded, contourSegments, type ContourSegment } from "./guarantees/retention.js";
