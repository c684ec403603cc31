// Yuma 2C (yuma-simulation yumas.py::Yuma2c, "Rhef + reset"; spec/yuma-variants.md §3): absolute,
// stake-capped bond purchase with unclipped W; β and liquid alpha unused. Bonds are ~1e18 in size
// (capacity S_i · maxint); only their column shares matter.
import { bondDividends, normalizeRewards, runCommonSteps } from "./commonSteps.js";
import type { Variant, VariantEpochResult, VariantParams } from "./types.js";
import { epochResult, finishEpoch } from "./variantBuffers.js";
import { variantShell } from "./variantShell.js";

/** torch.min / torch.clamp of two values: NaN propagates, as with Math.min / Math.max. */
const torchMin = Math.min;
const torchMax = Math.max;

export function createYuma2c(params: VariantParams): Variant {
  return variantShell("yuma2c", params, true, (b, weights, stakes, nV, nS): VariantEpochResult => {
    const { ws } = b;
    runCommonSteps(ws, weights, stakes, params, null);
    if (!b.hasBonds) b.bondsOld.fill(0);
    cappedBondPurchase(ws.s, ws.w, b.bondsOld, nV, nS, params, b.bondsNew);
    columnShares(b.bondsNew, nV, nS, b.colSum, b.normalizedBonds);
    bondDividends(b.normalizedBonds, ws.incentive, nV, nS, ws.reward);
    normalizeRewards(ws);
    const bonds = b.bondsNew;
    finishEpoch(b);
    return epochResult(ws, {
      weightForBond: null, validatorBond: null, validatorEmaBond: null, validatorBonds: bonds,
      alpha: null, carriedBonds: bonds,
    });
  });
}

/**
 * cap_i = S_i·maxint; room_ij = max(0, cap_i − B_old,ij); budget_ij = min(capacity_alpha·cap_i, room_ij);
 * B_ij = min((1 − decay_rate)·B_old,ij + budget_ij·W_ij, cap_i).
 */
export function cappedBondPurchase(
  s: Float64Array, w: Float64Array, bOld: Float64Array, nV: number, nS: number,
  p: Pick<VariantParams, "maxint" | "capacityAlpha" | "decayRate">, out: Float64Array,
): void {
  const decay = 1 - p.decayRate;
  for (let i = 0; i < nV; i++) {
    const cap = s[i] * p.maxint;
    const budgetCap = p.capacityAlpha * cap;
    for (let j = 0; j < nS; j++) {
      const x = i * nS + j;
      const room = torchMax(cap - bOld[x], 0.0);
      const purchase = torchMin(budgetCap, room) * w[x];
      out[x] = torchMin(decay * bOld[x] + purchase, cap);
    }
  }
}

/** B̂_ij = B_ij ÷ (Σ_k B_kj + 1e-6) (no NaN guard, as in the package). */
export function columnShares(b: Float64Array, nV: number, nS: number, colSum: Float64Array, out: Float64Array): void {
  colSum.fill(0, 0, nS);
  for (let i = 0; i < nV; i++) for (let j = 0; j < nS; j++) colSum[j] += b[i * nS + j];
  for (let i = 0; i < nV; i++) for (let j = 0; j < nS; j++) out[i * nS + j] = b[i * nS + j] / (colSum[j] + 1e-6);
}
