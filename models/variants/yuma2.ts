// Yuma 2 (yuma-simulation yumas.py::Yuma, "original Yuma with bonds and EMA";
// spec/yuma-variants.md §3): instant bonds without epsilon, EMA with α = 1 − bond_moving_avg (or
// per-cell liquid alpha from the current consensus), NOT renormalised; dividends from the EMA bonds.
import { bondsEmaPerCell, bondsEmaScalar, instantBonds, weightForBond } from "./bondKernels.js";
import { bondDividends, normalizeRewards, runCommonSteps } from "./commonSteps.js";
import { liquidAlphaRate } from "./liquidAlpha.js";
import type { Variant, VariantEpochResult, VariantParams } from "./types.js";
import { epochResult, finishEpoch, type VariantBuffers } from "./variantBuffers.js";
import { variantShell } from "./variantShell.js";

export function createYuma2(params: VariantParams): Variant {
  return variantShell("yuma2", params, false, (b, weights, stakes, nV, nS): VariantEpochResult => {
    const { ws } = b;
    runCommonSteps(ws, weights, stakes, params, null);
    weightForBond(ws.w, ws.clipped, params.bondPenalty, nV * nS, b.weightForBond);
    return yuma2BondsAndDividends(b, params);
  });
}

/**
 * The part Yuma 2 and 2B share, after W_b is in `b.weightForBond`: B = S·W_b ÷ column sum (0/0 → 0),
 * B_ema = α·B + (1 − α)·B_old (B_ema = B at the first epoch), D = B_ema·I, D_n; then the state moves on.
 */
export function yuma2BondsAndDividends(b: VariantBuffers, params: VariantParams): VariantEpochResult {
  const { ws } = b;
  const { nV, nS } = ws;
  const n = nV * nS;
  instantBonds(ws.s, b.weightForBond, nV, nS, 0, b.instantBond, b.colSum);
  let alpha: number | Float64Array = 1 - params.bondMovingAvg;
  if (params.liquidAlpha && b.hasPrevConsensus) {
    liquidAlphaRate(ws.w, b.bondsOld, ws.consensus, nV, nS, params, b.alpha);
    alpha = b.alpha;
  }
  if (!b.hasBonds) b.bondsNew.set(b.instantBond);
  else if (typeof alpha === "number") bondsEmaScalar(alpha, b.instantBond, b.bondsOld, n, b.bondsNew);
  else bondsEmaPerCell(alpha, b.instantBond, b.bondsOld, n, b.bondsNew);
  bondDividends(b.bondsNew, ws.incentive, nV, nS, ws.reward);
  normalizeRewards(ws);
  const emaBond = b.bondsNew;
  finishEpoch(b);
  return epochResult(ws, {
    weightForBond: b.weightForBond, validatorBond: b.instantBond, validatorEmaBond: emaBond, validatorBonds: null,
    alpha, carriedBonds: emaBond,
  });
}
