// Yuma 2B (yuma-simulation yumas.py::Yuma2b, "Adrian-Fish"; spec/yuma-variants.md §3): consensus
// from the current W, but clipping and bond weights use the previous epoch's normalised W
// (the current W at the first epoch), so a validator moving early is not clipped for it at once.
// Validator trust divides by the current W's row sum. Bonds, EMA and dividends as Yuma 2.
import { weightForBond } from "./bondKernels.js";
import { runCommonSteps } from "./commonSteps.js";
import type { Variant, VariantEpochResult, VariantParams } from "./types.js";
import { variantShell } from "./variantShell.js";
import { yuma2BondsAndDividends } from "./yuma2.js";

export function createYuma2b(params: VariantParams): Variant {
  return variantShell("yuma2b", params, false, (b, weights, stakes, nV, nS): VariantEpochResult => {
    const { ws } = b;
    const prev = b.hasPrevWeight ? b.prevWeight : null; // W_prev = W at epoch 0
    runCommonSteps(ws, weights, stakes, params, prev);
    weightForBond(prev ?? ws.w, ws.clipped, params.bondPenalty, nV * nS, b.weightForBond);
    const result = yuma2BondsAndDividends(b, params);
    b.prevWeight.set(ws.w);
    b.hasPrevWeight = true;
    return result;
  });
}
