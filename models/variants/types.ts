// Types of the research Yuma variants (spec/yuma-variants.md): the consensus versions that
// bactensor/yuma-simulation (commit 2b976fd, v0.1.1, src/yuma_simulation/_internal/yumas.py) compares.
// These are NOT the chain epoch (models/consensus/); they run in float64 on dense V×S matrices.
// Matrices are row-major Float64Array: entry (validator i, server j) at i * nServers + j.

/** Variant names as used by `consensus.variant` (package keys in VARIANT_PACKAGE_KEYS). */
export const VARIANT_NAMES = ["yuma1", "yuma2", "yuma2b", "yuma2c", "yuma3", "yuma3-liquid"] as const;
export type VariantName = (typeof VARIANT_NAMES)[number];

/** yuma-simulation's `YumaSimulationNames` field for each variant (vector files use these). */
export const VARIANT_PACKAGE_KEYS: Readonly<Record<VariantName, string>> = Object.freeze({
  yuma1: "YUMA1",
  yuma2: "YUMA2",
  yuma2b: "YUMA2B",
  yuma2c: "YUMA2C",
  yuma3: "YUMA3",
  "yuma3-liquid": "YUMA3_LIQUID",
});

/** Display names, as the package prints them. */
export const VARIANT_DISPLAY_NAMES: Readonly<Record<VariantName, string>> = Object.freeze({
  yuma1: "Yuma 1",
  yuma2: "Yuma 2 (subtensor)",
  yuma2b: "Yuma 2B (Adrian-Fish)",
  yuma2c: "Yuma 2C (Rhef+reset)",
  yuma3: "Yuma 3 (Rhef+relative bonds)",
  "yuma3-liquid": "Yuma 3 (Rhef+relative bonds) - liquid alpha on",
});

/** Which consensus the liquid alpha of Yuma 3 reads (spec §3, last paragraph). */
export type LiquidAlphaConsensusMode = "CURRENT" | "PREVIOUS" | "MIXED";

/** Consensus implementation (spec §2.4): "optimized" (default) or the legacy bisection. */
export type ConsensusImpl = "optimized" | "bisection";

/** Every hyperparameter a variant reads (spec §5), camelCase of the package's names. */
export interface VariantParams {
  kappa: number;
  /** β. The package has no default (None crashes Yuma 1/2/2B); ours is the chain's 1.0. */
  bondPenalty: number;
  /** EMA weight of new bonds is α = 1 − bondMovingAvg (Yuma 2, 2B, 3). */
  bondMovingAvg: number;
  liquidAlpha: boolean;
  alphaHigh: number;
  alphaLow: number;
  alphaSigmoidSteepness: number;
  liquidAlphaConsensusMode: LiquidAlphaConsensusMode;
  /** Yuma 2C: bond decay per epoch and purchase share of capacity. */
  decayRate: number;
  capacityAlpha: number;
  /** Yuma 2C capacity scale; the package's 2^64 − 1 becomes the float 2^64. */
  maxint: number;
  winnerTakesAll: boolean;
  consensusImpl: ConsensusImpl;
  /** Legacy bisection only: stop when the interval is narrower than 1 / consensusPrecision. */
  consensusPrecision: number;
}

/**
 * What one variant epoch returns, under the package's output names in camelCase.
 * All arrays are owned by the variant and overwritten by its next epoch: copy what you keep.
 * A field is null when the package's version does not return it.
 */
export interface VariantEpochResult {
  nValidators: number;
  nServers: number;
  weight: Float64Array; // V×S, rows ÷ (row sum + 1e-6)
  stake: Float64Array; // V, ÷ sum
  serverPrerank: Float64Array; // S
  serverConsensusWeight: Float64Array; // S, normalised and quantised on 1/65535
  consensusClippedWeight: Float64Array; // V×S
  serverRank: Float64Array; // S
  serverIncentive: Float64Array; // S
  serverTrust: Float64Array | null; // S (1, 2, 2B, 2C)
  validatorTrust: Float64Array | null; // V (1, 2, 2B, 2C)
  weightForBond: Float64Array | null; // V×S (2, 2B)
  validatorBond: Float64Array | null; // V×S instant bonds (1, 2, 2B)
  validatorEmaBond: Float64Array | null; // V×S (1, 2, 2B)
  validatorBonds: Float64Array | null; // V×S (2C, 3)
  validatorReward: Float64Array; // V, D
  validatorRewardNormalized: Float64Array; // V, D ÷ (ΣD + 1e-6)
  /** EMA weight used: a scalar, or per cell (V×S) under liquid alpha; null for 2C. For Yuma 3 this is
   * not a package output (the package recomputes it in its runner). */
  alpha: number | Float64Array | null;
  /** The package's `alpha_a` / `alpha_b`: always-NaN placeholders returned by 1, 2 and 2B; null otherwise. */
  alphaA: number | null;
  alphaB: number | null;
  /** The bond matrix carried to the next epoch (validatorEmaBond or validatorBonds). */
  carriedBonds: Float64Array;
}

/** One research variant with its own state (bonds, last consensus, last weights) across epochs. */
export interface Variant {
  readonly name: VariantName;
  readonly params: Readonly<VariantParams>;
  /** Whether case bond resets apply to it (spec §6: only 2C, 3 and 3-liquid). */
  readonly appliesBondResets: boolean;
  /** One epoch: raw weights (V×S row-major) and raw stakes (V). */
  epoch(weights: ArrayLike<number>, stakes: ArrayLike<number>, nValidators: number, nServers: number): VariantEpochResult;
  /** Zero every validator's carried bond to server `server` (a UID re-registration). No-op before epoch 0. */
  resetBondColumn(server: number): void;
  /**
   * Re-aligns the carried state (bonds, last consensus, last weights) to a new validator × server set:
   * new validator i carries old validator `validatorFrom[i]`, new server j old server `serverFrom[j]`
   * (−1: a newcomer, whose state starts at zero). Used by the engine when neurons come and go.
   */
  remap(validatorFrom: ArrayLike<number>, serverFrom: ArrayLike<number>): void;
  /** Forget all state, as before epoch 0. */
  reset(): void;
}

/** Typed error for inputs a variant cannot run. */
export class VariantInputError extends Error {
  readonly code = "VARIANT_INPUT";
  constructor(message: string) {
    super(message);
    this.name = "VariantInputError";
  }
}

/** A multi-epoch case (spec/yuma-variants.md §7): raw weights and stakes per epoch. */
export interface YumaCase {
  key: string; // "case05"
  name: string; // the package's case name, e.g. "Case 5 - kappa moves second, then third"
  description: string; // the behaviour it models
  validators: readonly string[];
  servers: readonly string[];
  baseValidator: string; // totals are compared with this validator's
  numEpochs: number;
  weights: readonly Float64Array[]; // [epoch] V×S row-major, raw (normalised by the variant)
  stakes: readonly Float64Array[]; // [epoch] V, raw
  /** Server column whose bonds are zeroed before `epoch` (2C, 3, 3-liquid only), or null. */
  resetBonds: { server: number; epoch: number } | null;
  /** Parameter overrides the case imposes (the package's config_overrides, e.g. winnerTakesAll). */
  configOverrides: Partial<VariantParams>;
}
