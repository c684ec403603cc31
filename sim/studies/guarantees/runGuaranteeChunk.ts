// Runs one chunk of the consensus-guarantee grid: for every (W_H, W_C) on the grid, one chain-exact
// epoch per replicate network; returns the honest emission ratio (mean over replicates).
import { noiseStreamNames, selfWeightGrid, type GuaranteeChunkSpec } from "./guaranteeChunks.js";
import { GuaranteeNetwork } from "./guaranteeNetwork.js";
import { drawGraphNoise, type UniformSource } from "./splitGraph.js";

/** Gives a fresh uniform generator for a stream name (e.g. `(name) => createRng(seed).fork(name)`). */
export type StreamFactory = (name: string) => UniformSource;

/**
 * Ratios row-major by (honest self-weight index h, cabal self-weight index c), both from 1 down to 0:
 * entry h · samples + c.
 */
export function runGuaranteeChunk(spec: GuaranteeChunkSpec, streams: StreamFactory): Float64Array {
  const grid = selfWeightGrid(spec.samples);
  const n = spec.samples;
  const ratios = new Float64Array(n * n);
  for (let r = 0; r < spec.replicates; r++) {
    const names = noiseStreamNames(spec.honestStake, r);
    const noise = drawGraphNoise(spec.shape, streams(names.stake), streams(names.weights));
    const net = new GuaranteeNetwork(spec.shape, spec.honestStake, spec.weightSigma, spec.bondsPenalty, noise);
    for (let h = 0; h < n; h++) {
      for (let c = 0; c < n; c++) ratios[h * n + c] += net.honestEmissionRatio(grid[h], grid[c]);
    }
  }
  if (spec.replicates > 1) for (let e = 0; e < ratios.length; e++) ratios[e] /= spec.replicates;
  return ratios;
}
