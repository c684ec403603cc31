// Types of the Yuma epoch kernel (chain: pallets/subtensor/src/epoch/run_epoch.rs::epoch_mechanism).
// Plain typed data, structure of arrays; the CLI and the engine both build these.

/** A sparse u16 matrix in stored order (CSR): row i is entries rowPtr[i]..rowPtr[i+1]-1. */
export interface SparseU16 {
  rowPtr: Int32Array; // length n + 1
  col: Int32Array; // column (uid) of each entry, < n, no duplicate within a row
  val: Uint16Array; // raw u16 value of each entry
}

/** Hyperparameters the epoch reads (spec/yuma.md §3); names as in the epoch JSON I/O. */
export interface EpochHyperparameters {
  tempo: number; // u16 blocks
  activityCutoffFactorMilli: number; // u32 per-mille of tempo
  kappa: number; // u16
  bondsPenalty: number; // u16
  bondsMovingAverage: number; // u64 (≤ 2^53 here), EMA alpha = 1 − bma/1e6
  yuma3: boolean;
  liquidAlpha: boolean;
  alphaLow: number; // u16
  alphaHigh: number; // u16
  alphaSigmoidSteepness: number; // i16
  maxAllowedValidators: number; // u16
  stakeThreshold: bigint; // u64 rao
  taoWeight: bigint; // u64, w = taoWeight / u64::MAX
}

/** Chain storage defaults (spec/yuma.md §3). */
export const DEFAULT_EPOCH_HYPERPARAMETERS: Readonly<EpochHyperparameters> = Object.freeze({
  tempo: 360,
  activityCutoffFactorMilli: 13_889,
  kappa: 32_767,
  bondsPenalty: 65_535,
  bondsMovingAverage: 900_000,
  yuma3: false,
  liquidAlpha: false,
  alphaLow: 45_875,
  alphaHigh: 58_982,
  alphaSigmoidSteepness: 1_000,
  maxAllowedValidators: 128,
  stakeThreshold: 0n,
  taoWeight: 971_718_665_099_567_868n,
});

/** Everything one epoch reads (one mechanism, commit-reveal already applied). */
export interface EpochInput {
  n: number;
  block: number; // current block (u64, < 2^53)
  raoEmission: number; // rao to distribute this epoch (u64, < 2^53)
  ownerUid: number | null;
  lastMechanismStepBlock: number;
  hyperparameters: EpochHyperparameters;
  alphaStake: BigUint64Array; // inherited alpha stake per uid, rao
  taoStake: BigUint64Array; // inherited root (TAO) stake per uid, rao
  lastUpdate: Float64Array; // block numbers (integers < 2^53)
  blockAtRegistration: Float64Array; // block numbers (integers < 2^53)
  validatorPermit: Uint8Array; // 0/1, previous epoch's permits
  weights: SparseU16; // stored rows, submission order
  bonds: SparseU16; // stored rows
}

/** What one epoch produces (spec/yuma.md §8, §7.6). */
export interface EpochOutput {
  active: Uint8Array;
  stakeWeight: Uint16Array;
  consensus: Uint16Array;
  incentive: Uint16Array;
  dividends: Uint16Array;
  validatorTrust: Uint16Array;
  validatorPermit: Uint8Array; // new permits
  bonds: SparseU16; // rows sorted by column, zero entries omitted (the JSON output)
  storedBonds: SparseU16; // rows as the chain stores them: EMA order, zeros kept, empty without a new permit
  serverEmission: Float64Array; // rao (integers)
  validatorEmission: Float64Array; // rao (integers)
  emission: Float64Array; // rao (integers)
}

export type Arith = "exact" | "float";

/** The per-subnet hyperparameter fields the epoch reads, as scenario and snapshot files name them. */
export type EpochHyperparameterFields = Pick<
  EpochHyperparameters,
  "activityCutoffFactorMilli" | "kappa" | "bondsPenalty" | "bondsMovingAverage" | "yuma3" | "liquidAlpha" | "alphaLow" | "alphaHigh" | "alphaSigmoidSteepness" | "maxAllowedValidators"
>;

/** The epoch's hyperparameters from a subnet's fields, its tempo and the chain-wide StakeThreshold and TaoWeight. */
export function epochHyperparametersOf(h: EpochHyperparameterFields, tempo: number, stakeThreshold: bigint, taoWeight: bigint): EpochHyperparameters {
  return {
    tempo,
    activityCutoffFactorMilli: h.activityCutoffFactorMilli,
    kappa: h.kappa,
    bondsPenalty: h.bondsPenalty,
    bondsMovingAverage: h.bondsMovingAverage,
    yuma3: h.yuma3,
    liquidAlpha: h.liquidAlpha,
    alphaLow: h.alphaLow,
    alphaHigh: h.alphaHigh,
    alphaSigmoidSteepness: h.alphaSigmoidSteepness,
    maxAllowedValidators: h.maxAllowedValidators,
    stakeThreshold,
    taoWeight,
  };
}
