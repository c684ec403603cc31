// Liquid alpha of the research variants (spec/yuma-variants.md §4; yuma-simulation
// simulation_utils.py::_compute_liquid_alpha). Not the chain's liquid alpha.
import type { VariantParams } from "./types.js";

/**
 * Per-cell EMA weight α_ij from the current normalised weights W, the bonds carried in B and a
 * consensus C (per server):
 *   buying (W ≥ B): gap = clamp(W − C_j, 0, 1);  selling (W < B): gap = clamp(B − W, 0, 1)
 *   α = clamp(low + σ(steepness · (gap − 0.5)) · (high − low), low, high)
 * A bigger gap gives α nearer alpha_high (faster bond movement).
 */
export function liquidAlphaRate(
  w: Float64Array, b: Float64Array, c: Float64Array, nV: number, nS: number,
  p: Pick<VariantParams, "alphaLow" | "alphaHigh" | "alphaSigmoidSteepness">, out: Float64Array,
): void {
  const { alphaLow: low, alphaHigh: high, alphaSigmoidSteepness: k } = p;
  for (let i = 0; i < nV; i++) {
    for (let j = 0; j < nS; j++) {
      const x = i * nS + j;
      const gap = w[x] >= b[x] ? clamp(w[x] - c[j], 0.0, 1.0) : clamp(b[x] - w[x], 0.0, 1.0);
      const sigmoid = 1.0 / (1.0 + Math.exp(-k * (gap - 0.5)));
      out[x] = clamp(low + sigmoid * (high - low), low, high);
    }
  }
}

/** torch.clamp: NaN stays NaN. */
function clamp(x: number, lo: number, hi: number): number {
  if (x !== x) return x;
  return x < lo ? lo : x > hi ? hi : x;
}
