// Yuma 3 and Yuma 3 liquid (yuma-simulation yumas.py::Yuma3, "Rhef + relative bonds";
// spec/yuma-variants.md §3): per-cell relative bonds in [0, 1] bought with unclipped W, stake-free;
// stake enters only the dividends. Liquid alpha (from epoch 1) reads the consensus chosen by
// liquidAlphaConsensusMode. Returns no trusts (computed, not returned, as in the package).
import { bondDividends, normalizeRewards, runCommonSteps } from "./commonSteps.js";
import { liquidAlphaRate } from "./liquidAlpha.js";
import type { LiquidAlphaConsensusMode, Variant, VariantEpochResult, VariantName, VariantParams } from "./types.js";
import { epochResult, finishEpoch } from "./variantBuffers.js";
import { variantShell } from "./variantShell.js";
import { columnShares } from "./yuma2c.js";

/** `name` is "yuma3" or "yuma3-liquid"; the latter differs only in its params (liquidAlpha on). */
export function createYuma3(params: VariantParams, name: Extract<VariantName, "yuma3" | "yuma3-liquid"> = "yuma3"): Variant {
  return variantShell(name, params, true, (b, weights, stakes, nV, nS): VariantEpochResult => {
    const { ws } = b;
    runCommonSteps(ws, weights, stakes, params, null);
    if (!b.hasBonds) b.bondsOld.fill(0);
    let alpha: number | Float64Array = 1 - params.bondMovingAvg;
    if (params.liquidAlpha && b.hasPrevConsensus) {
      liquidConsensus(params.liquidAlphaConsensusMode, ws.consensus, b.prevConsensus, nS, b.liquidConsensus);
      liquidAlphaRate(ws.w, b.bondsOld, b.liquidConsensus, nV, nS, params, b.alpha);
      alpha = b.alpha;
    }
    relativeBondPurchase(alpha, ws.w, b.bondsOld, nV * nS, b.bondsNew);
    columnShares(b.bondsNew, nV, nS, b.colSum, b.normalizedBonds);
    bondDividends(b.normalizedBonds, ws.incentive, nV, nS, ws.reward);
    for (let i = 0; i < nV; i++) ws.reward[i] = ws.s[i] * ws.reward[i];
    normalizeRewards(ws);
    const bonds = b.bondsNew;
    finishEpoch(b);
    return epochResult(
      ws,
      { weightForBond: null, validatorBond: null, validatorEmaBond: null, validatorBonds: bonds, alpha, carriedBonds: bonds },
      false,
    );
  });
}

/** CURRENT: C; PREVIOUS: C_old; MIXED: element-wise max (NaN propagates, as torch.max). */
export function liquidConsensus(
  mode: LiquidAlphaConsensusMode, c: Float64Array, cOld: Float64Array, nS: number, out: Float64Array,
): void {
  for (let j = 0; j < nS; j++) out[j] = mode === "CURRENT" ? c[j] : mode === "PREVIOUS" ? cOld[j] : Math.max(c[j], cOld[j]);
}

/**
 * B_decayed = (1 − α)·B_old; purchase = min(α·W, max(0, 1 − B_decayed)); B = min(1, B_decayed + purchase).
 * With W ≤ 1 this is the per-cell EMA B = (1 − α)·B_old + α·W.
 */
export function relativeBondPurchase(
  alpha: number | Float64Array, w: Float64Array, bOld: Float64Array, n: number, out: Float64Array,
): void {
  for (let x = 0; x < n; x++) {
    const a = typeof alpha === "number" ? alpha : alpha[x];
    const decayed = bOld[x] * (1 - a);
    const purchase = Math.min(a * w[x], Math.max(1.0 - decayed, 0.0));
    out[x] = Math.min(decayed + purchase, 1.0);
  }
}
