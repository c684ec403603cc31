// Bond kernels shared by Yuma 1, 2 and 2B (spec/yuma-variants.md §3; yumas.py YumaRust, Yuma, Yuma2b).
import { nanToNum } from "./commonSteps.js";

/** W_b = (1 − β)·W + β·W̃ (β = bond_penalty; W is the previous epoch's W for Yuma 2B). */
export function weightForBond(
  w: Float64Array, clipped: Float64Array, beta: number, n: number, out: Float64Array,
): void {
  const keep = 1 - beta;
  for (let x = 0; x < n; x++) out[x] = keep * w[x] + beta * clipped[x];
}

/**
 * Instant bonds B_ij = S_i·W_b,ij ÷ (Σ_k S_k·W_b,kj + epsilon), NaN → 0.
 * Yuma 1 uses epsilon 1e-6; Yuma 2 and 2B use 0 (0/0 → 0).
 */
export function instantBonds(
  s: Float64Array, wb: Float64Array, nV: number, nS: number, epsilon: number,
  out: Float64Array, colSum: Float64Array,
): void {
  colSum.fill(0, 0, nS);
  for (let i = 0; i < nV; i++) {
    for (let j = 0; j < nS; j++) {
      const v = s[i] * wb[i * nS + j];
      out[i * nS + j] = v;
      colSum[j] += v;
    }
  }
  for (let i = 0; i < nV; i++) {
    for (let j = 0; j < nS; j++) out[i * nS + j] = nanToNum(out[i * nS + j] / (colSum[j] + epsilon));
  }
}

/** B_ema = α·B + (1 − α)·B_old with a scalar α. */
export function bondsEmaScalar(alpha: number, b: Float64Array, bOld: Float64Array, n: number, out: Float64Array): void {
  const rest = 1 - alpha;
  for (let x = 0; x < n; x++) out[x] = alpha * b[x] + rest * bOld[x];
}

/** B_ema = α·B + (1 − α)·B_old with a per-cell α (liquid alpha). */
export function bondsEmaPerCell(alpha: Float64Array, b: Float64Array, bOld: Float64Array, n: number, out: Float64Array): void {
  for (let x = 0; x < n; x++) out[x] = alpha[x] * b[x] + (1 - alpha[x]) * bOld[x];
}
