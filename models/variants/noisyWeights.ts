// The noisy weights of yuma-simulation cases 19–22 (cases.py: _get_shared_weights_epochs,
// _get_shared_3server_weights_epochs, and the client-side one-hot of cases 19 and 21), rebuilt
// with the torch generator port of torchNormal.ts. Seeds: 42 + k·numEpochs + epoch.
import { TorchCpuNormal } from "./torchNormal.js";

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Clamp to [0, 1] and divide each row by (row sum + 1e-6), in place. */
function clampNormalizeRows(w: Float64Array, nV: number, nS: number): void {
  for (let i = 0; i < nV; i++) {
    let sum = 0;
    for (let j = 0; j < nS; j++) {
      w[i * nS + j] = clamp01(w[i * nS + j]);
      sum += w[i * nS + j];
    }
    for (let j = 0; j < nS; j++) w[i * nS + j] = w[i * nS + j] / (sum + 1e-6);
  }
}

/**
 * Two servers with true quality 0.6 / 0.55; validator A scores with σ = 0.05, B and C with σ = 0.15;
 * one fresh generator per (validator, server) entry: seed 42 + k·numEpochs + epoch, k = 2·i + j.
 */
export function twoServerNoisyWeights(numEpochs: number, seed = 42): Float64Array[] {
  const truth = [0.6, 0.55];
  const sigma = [0.05, 0.15, 0.15];
  const out: Float64Array[] = [];
  for (let e = 0; e < numEpochs; e++) {
    const w = new Float64Array(6);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 2; j++) {
        const k = 2 * i + j;
        w[i * 2 + j] = truth[j] + new TorchCpuNormal(seed + k * numEpochs + e).normal(0.0, sigma[i]);
      }
    }
    clampNormalizeRows(w, 3, 2);
    out.push(w);
  }
  return out;
}

/**
 * Three servers with true quality 0.30 / 0.35 / 0.40; validator i draws its row of three from one
 * generator seeded 42 + i·numEpochs + epoch, σ = 0.05 (A) or 0.10 (B, C).
 */
export function threeServerNoisyWeights(numEpochs: number, seed = 42): Float64Array[] {
  const truth = [0.3, 0.35, 0.4];
  const sigma = [0.05, 0.1, 0.1];
  const out: Float64Array[] = [];
  for (let e = 0; e < numEpochs; e++) {
    const w = new Float64Array(9);
    for (let i = 0; i < 3; i++) {
      const g = new TorchCpuNormal(seed + i * numEpochs + e);
      for (let j = 0; j < 3; j++) w[i * 3 + j] = truth[j] + g.normal(0.0, sigma[i]);
    }
    clampNormalizeRows(w, 3, 3);
    out.push(w);
  }
  return out;
}

/** Client-side winner-takes-all: each row becomes one-hot at its first maximum (torch.argmax). */
export function oneHotRows(weights: readonly Float64Array[], nS: number): Float64Array[] {
  return weights.map((w) => {
    const out = new Float64Array(w.length);
    for (let i = 0; i < w.length / nS; i++) {
      let best = 0;
      for (let j = 1; j < nS; j++) if (w[i * nS + j] > w[i * nS + best]) best = j;
      out[i * nS + best] = 1.0;
    }
    return out;
  });
}
