// The consensus-guarantee grid (issue 9 item 3) as independent chunks: one chunk per (honest stake,
// weight sigma, bonds penalty), each a samples × samples grid of (W_H, W_C), so a worker pool can fan
// the study out and any chunk can be re-run alone with the same numbers.
import type { GraphShape } from "./splitGraph.js";

/** Honest (major) stake levels of the chain's map_consensus_guarantees. */
export const HONEST_STAKES: readonly number[] = [0.51, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.99];
/** Weight deviations σ_W (in units of the mean weight) of docs/consensus.md, "Subjectivity variance". */
export const WEIGHT_SIGMAS: readonly number[] = [0, 0.2, 0.4];
/** Bonds penalties β of docs/consensus.md, "Bonds penalty". */
export const BONDS_PENALTIES: readonly number[] = [0, 0.5, 1];
/** The chain's network: 512 neurons, 64 validators. */
export const GUARANTEE_SHAPE: Readonly<GraphShape> = Object.freeze({ neurons: 512, validators: 64 });
/** Grid points per self-weight axis (1 down to 0 in steps of 1/50). */
export const FULL_GRID_SAMPLES = 51;

export interface GuaranteeStudyParams {
  honestStakes: readonly number[];
  weightSigmas: readonly number[];
  bondsPenalties: readonly number[];
  /** Grid points per self-weight axis, ≥ 2 (51 in the chain's study; fewer for a quick run). */
  samples: number;
  /** Independent networks per grid point; the ratio written is their mean (the chain uses 1). */
  replicates: number;
  shape: GraphShape;
}

export const GUARANTEE_DEFAULTS: Readonly<GuaranteeStudyParams> = Object.freeze({
  honestStakes: HONEST_STAKES,
  weightSigmas: WEIGHT_SIGMAS,
  bondsPenalties: BONDS_PENALTIES,
  samples: FULL_GRID_SAMPLES,
  replicates: 1,
  shape: GUARANTEE_SHAPE,
});

/** Everything one chunk needs (plain data: it travels to a worker as is). */
export interface GuaranteeChunkSpec {
  index: number;
  honestStake: number;
  weightSigma: number;
  bondsPenalty: number;
  samples: number;
  replicates: number;
  shape: GraphShape;
}

/** Self-weight values of the grid, from 1 down to 0: value k = (samples − 1 − k) / (samples − 1). */
export function selfWeightGrid(samples: number): Float64Array {
  if (!Number.isInteger(samples) || samples < 2) throw new RangeError(`samples must be an integer ≥ 2, got ${samples}`);
  return Float64Array.from({ length: samples }, (_, k) => (samples - 1 - k) / (samples - 1));
}

/** Chunks in a fixed order: weight sigma, then bonds penalty, then honest stake. */
export function planGuaranteeChunks(params: GuaranteeStudyParams): GuaranteeChunkSpec[] {
  selfWeightGrid(params.samples);
  if (!Number.isInteger(params.replicates) || params.replicates < 1) throw new RangeError(`replicates must be an integer ≥ 1`);
  const chunks: GuaranteeChunkSpec[] = [];
  for (const weightSigma of params.weightSigmas) {
    for (const bondsPenalty of params.bondsPenalties) {
      for (const honestStake of params.honestStakes) {
        chunks.push({
          index: chunks.length, honestStake, weightSigma, bondsPenalty,
          samples: params.samples, replicates: params.replicates, shape: { ...params.shape },
        });
      }
    }
  }
  return chunks;
}

/** Stream names of a network's noise: shared by every sigma, penalty and grid point of one stake level. */
export function noiseStreamNames(honestStake: number, replicate: number): { stake: string; weights: string } {
  const key = `consensus-guarantees/${honestStake}/r${replicate}`;
  return { stake: `${key}/stake`, weights: `${key}/weights` };
}
