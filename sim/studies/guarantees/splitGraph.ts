// The honest/cabal network of the consensus-guarantee Monte Carlo (subtensor docs/consensus.md,
// "Monte Carlo simulations"; chain test tests/consensus.rs::split_graph, interleave 0): N neurons,
// the first V are validators, the rest servers; the major (honest) set takes the first
// nonExtremeCount(S_H, ·) validators and servers, the minor (cabal) set the rest.
//
// Noise is drawn once per (stake level, replicate) and shared by every (W_H, W_C) grid point, as the
// chain's test does by reseeding its generator for every grid point (common random numbers): the
// contours then move only with the self-weights, not with resampling.
// Sampling runs in float64 from our own seeded uniforms; the stored u16 weights and rao stakes are
// what the chain would store for those samples (fixed_proportion_to_u16, then set_weights' max-upscale).

import { TWO32 } from "../../../models/chainConstants.js";

/** A uniform source on [0, 1). */
export type UniformSource = () => number;

/** Total stake split between the sets, rao (split_graph's 21e15). */
export const TOTAL_STAKE_RAO = 21_000_000_000_000_000;
/** Stake noise: S'_i ~ N(1, 0.3²) clamped at 0. */
export const STAKE_SIGMA = 0.3;

export interface GraphShape {
  neurons: number; // N = 512
  validators: number; // V = 64
}

export interface SplitSizes {
  majorValidators: number;
  majorServers: number;
  servers: number;
}

/**
 * chain: tests/consensus.rs::non_extreme_fixed_ratio — floor(I32F32(ratio) · total), moved off the
 * extremes (at least 1, at most total − 1). I32F32::from_num(f64) rounds to the nearest 2^-32.
 */
export function nonExtremeCount(ratio: number, total: number): number {
  if (total === 0) return 0;
  const raw = Math.round(ratio * TWO32); // ≤ 2^32; raw · total < 2^42: exact
  let subset = Math.floor((raw * total) / TWO32);
  if (subset === 0) subset = 1;
  else if (subset === total) subset = total - 1;
  return subset;
}

export function splitSizes(honestStake: number, shape: GraphShape): SplitSizes {
  const servers = shape.neurons - shape.validators;
  return {
    majorValidators: nonExtremeCount(honestStake, shape.validators),
    majorServers: nonExtremeCount(honestStake, servers),
    servers,
  };
}

/** Standard normal by Box–Muller (cosine branch, as the chain's `normal`). Consumes 2 uniforms. */
export function standardNormal(u: UniformSource): number {
  const u1 = 1 - u(); // (0, 1]
  const u2 = u();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Standard-normal draws of one (stake level, replicate): stake z per validator, weight z per (validator, server). */
export interface GraphNoise {
  stakeZ: Float64Array; // V
  weightZ: Float64Array; // V × (N − V), row-major, server k = uid V + k
}

/** Draws stake z (validators in uid order) from `stakeU`, then weight z (validator by validator, servers in uid order) from `weightU`. */
export function drawGraphNoise(shape: GraphShape, stakeU: UniformSource, weightU: UniformSource): GraphNoise {
  const nS = shape.neurons - shape.validators;
  const stakeZ = new Float64Array(shape.validators);
  for (let i = 0; i < stakeZ.length; i++) stakeZ[i] = standardNormal(stakeU);
  const weightZ = new Float64Array(shape.validators * nS);
  for (let e = 0; e < weightZ.length; e++) weightZ[e] = standardNormal(weightU);
  return { stakeZ, weightZ };
}

/**
 * Stake per uid in rao: S'_i = max(0, 1 + 0.3 z_i), normalised within each set and scaled by its share
 * (S_H for the major set, 1 − S_H for the minor), times TOTAL_STAKE_RAO. Servers hold none.
 */
export function sampleStakes(honestStake: number, shape: GraphShape, sizes: SplitSizes, noise: GraphNoise): BigUint64Array {
  const out = new BigUint64Array(shape.neurons);
  const clamped = Array.from(noise.stakeZ, (z) => Math.max(0, 1 + STAKE_SIGMA * z));
  const sets: [number, number, number][] = [
    [0, sizes.majorValidators, honestStake],
    [sizes.majorValidators, shape.validators, 1 - honestStake],
  ];
  for (const [from, to, share] of sets) {
    let sum = 0;
    for (let i = from; i < to; i++) sum += clamped[i];
    if (sum === 0) continue; // inplace_normalize leaves an all-zero vector as is
    for (let i = from; i < to; i++) out[i] = BigInt(Math.floor(share * (clamped[i] / sum) * TOTAL_STAKE_RAO));
  }
  return out;
}

/**
 * Per-(validator, side) weight shares: W'_ij = max(0, 1 + σ z_ij), normalised over the major servers
 * and over the minor servers separately (each side sums to 1, or is all 0 if every draw clamped).
 */
export function weightShares(weightSigma: number, shape: GraphShape, sizes: SplitSizes, noise: GraphNoise): Float64Array {
  const nS = sizes.servers;
  const out = new Float64Array(shape.validators * nS);
  for (let i = 0; i < shape.validators; i++) {
    const row = i * nS;
    for (const [from, to] of [[0, sizes.majorServers], [sizes.majorServers, nS]]) {
      let sum = 0;
      for (let k = from; k < to; k++) {
        const x = Math.max(0, 1 + weightSigma * noise.weightZ[row + k]);
        out[row + k] = x;
        sum += x;
      }
      for (let k = from; k < to; k++) out[row + k] = sum === 0 ? 0 : out[row + k] / sum;
    }
  }
  return out;
}
