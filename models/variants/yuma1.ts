// Yuma 1 (yuma-simulation yumas.py::YumaRust, "currently implemented Subtensor Yuma";
// spec/yuma-variants.md §3): stake-weighted instant bonds with α fixed at 1 (no memory) unless
// liquid alpha is on, the EMA column-normalised again, dividends from the EMA bonds.
import { bondsEmaPerCell, bondsEmaScalar, instantBonds, weightForBond } from "./bondKernels.js";
import { bondDividends, normalizeBondColumns, normalizeRewards, runCommonSteps } from "./commonSteps.js";
import { liquidAlphaRate } from "./liquidAlpha.js";
import type { Variant, VariantEpochResult, VariantParams } from "./types.js";
import { epochResult, finishEpoch } from "./variantBuffers.js";
import { variantShell } from "./variantShell.js";

export function createYuma1(params: VariantParams): Variant {
  return variantShell("yuma1", params, false, (b, weights, stakes, nV, nS): VariantEpochResult => {
    const { ws } = b;
    const n = nV * nS;
    runCommonSteps(ws, weights, stakes, params, null);
    weightForBond(ws.w, ws.clipped, params.bondPenalty, n, b.weightForBond);
    instantBonds(ws.s, b.weightForBond, nV, nS, 1e-6, b.instantBond, b.colSum);
    let alpha: number | Float64Array = 1; // bond_moving_avg is ignored
    if (params.liquidAlpha && b.hasPrevConsensus) {
      liquidAlphaRate(ws.w, b.bondsOld, ws.consensus, nV, nS, params, b.alpha);
      alpha = b.alpha;
    }
    if (!b.hasBonds) b.bondsNew.set(b.instantBond);
    else if (typeof alpha === "number") bondsEmaScalar(alpha, b.instantBond, b.bondsOld, n, b.bondsNew);
    else bondsEmaPerCell(alpha, b.instantBond, b.bondsOld, n, b.bondsNew);
    normalizeBondColumns(b.bondsNew, nV, nS, b.colSum, true);
    bondDividends(b.bondsNew, ws.incentive, nV, nS, ws.reward);
    normalizeRewards(ws);
    const emaBond = b.bondsNew;
    finishEpoch(b);
    return epochResult(ws, {
      weightForBond: null, validatorBond: b.instantBond, validatorEmaBond: emaBond, validatorBonds: null,
      alpha, carriedBonds: emaBond,
    });
  });
}
