// State and scratch a research variant keeps between epochs (spec/yuma-variants.md §6): the carried
// bonds (double-buffered), the last consensus (liquid alpha) and, for Yuma 2B, the last weights.
import { createWorkspace, type Workspace } from "./commonSteps.js";
import { VariantInputError, type VariantEpochResult } from "./types.js";

export interface VariantBuffers {
  ws: Workspace;
  weightForBond: Float64Array; // V×S
  instantBond: Float64Array; // V×S
  bondsOld: Float64Array; // V×S, carried in (valid when hasBonds)
  bondsNew: Float64Array; // V×S, written this epoch, swapped in by finishEpoch
  normalizedBonds: Float64Array; // V×S, bonds ÷ column sum for dividends (2C, 3)
  hasBonds: boolean;
  alpha: Float64Array; // V×S per-cell liquid alpha
  colSum: Float64Array; // S scratch
  prevConsensus: Float64Array; // S, last epoch's quantised consensus (valid when hasPrevConsensus)
  hasPrevConsensus: boolean;
  liquidConsensus: Float64Array; // S, consensus fed to liquid alpha
  prevWeight: Float64Array; // V×S, last epoch's normalised W (valid when hasPrevWeight)
  hasPrevWeight: boolean;
}

function allocate(nV: number, nS: number): VariantBuffers {
  const m = nV * nS;
  return {
    ws: createWorkspace(nV, nS),
    weightForBond: new Float64Array(m),
    instantBond: new Float64Array(m),
    bondsOld: new Float64Array(m),
    bondsNew: new Float64Array(m),
    normalizedBonds: new Float64Array(m),
    hasBonds: false,
    alpha: new Float64Array(m),
    colSum: new Float64Array(nS),
    prevConsensus: new Float64Array(nS),
    hasPrevConsensus: false,
    liquidConsensus: new Float64Array(nS),
    prevWeight: new Float64Array(m),
    hasPrevWeight: false,
  };
}

/**
 * Checks one epoch's input and returns buffers sized for it: the existing ones, or new ones before
 * the first epoch. Shapes may not change once state exists (the package's metagraph re-alignment by
 * hotkey is not modelled).
 */
export function prepareBuffers(
  buf: VariantBuffers | null, weights: ArrayLike<number>, stakes: ArrayLike<number>, nV: number, nS: number,
): VariantBuffers {
  if (!Number.isInteger(nV) || !Number.isInteger(nS) || nV < 1 || nS < 1) {
    throw new VariantInputError(`variant epoch: expected positive integer sizes, found ${nV} validators × ${nS} servers`);
  }
  if (weights.length !== nV * nS) {
    throw new VariantInputError(`variant epoch: weights have ${weights.length} entries, expected ${nV} × ${nS}`);
  }
  if (stakes.length !== nV) {
    throw new VariantInputError(`variant epoch: stakes have ${stakes.length} entries, expected ${nV}`);
  }
  if (buf === null) return allocate(nV, nS);
  if (buf.ws.nV !== nV || buf.ws.nS !== nS) {
    if (!buf.hasBonds && !buf.hasPrevConsensus && !buf.hasPrevWeight) return allocate(nV, nS);
    throw new VariantInputError(
      `variant epoch: shape changed from ${buf.ws.nV} × ${buf.ws.nS} to ${nV} × ${nS}; call reset() first`,
    );
  }
  return buf;
}

/** End of an epoch: the new bonds become the carried bonds, the consensus the previous one. */
export function finishEpoch(buf: VariantBuffers): void {
  const old = buf.bondsOld;
  buf.bondsOld = buf.bondsNew;
  buf.bondsNew = old;
  buf.hasBonds = true;
  buf.prevConsensus.set(buf.ws.consensus);
  buf.hasPrevConsensus = true;
}

/** Zero column `server` of the carried bonds (spec §6 bond reset). No-op when no bonds are carried. */
export function zeroBondColumn(buf: VariantBuffers | null, server: number): void {
  if (buf === null || !buf.hasBonds) return;
  const { nV, nS } = buf.ws;
  if (!Number.isInteger(server) || server < 0 || server >= nS) {
    throw new VariantInputError(`bond reset: server column ${server} is outside 0..${nS - 1}`);
  }
  for (let i = 0; i < nV; i++) buf.bondsOld[i * nS + server] = 0;
}

/**
 * Buffers for a new shape carrying `buf`'s state: cell (i, j) takes old cell (validatorFrom[i],
 * serverFrom[j]); a −1 index gives zero state. Returns null before the first epoch (nothing to carry).
 */
export function remapBuffers(
  buf: VariantBuffers | null, validatorFrom: ArrayLike<number>, serverFrom: ArrayLike<number>,
): VariantBuffers | null {
  if (buf === null) return null;
  const nV = validatorFrom.length;
  const nS = serverFrom.length;
  if (nV < 1 || nS < 1) return null;
  const { nV: oldV, nS: oldS } = buf.ws;
  const check = (from: ArrayLike<number>, n: number, what: string): void => {
    for (let k = 0; k < from.length; k++) {
      const f = from[k];
      if (!Number.isInteger(f) || f < -1 || f >= n) throw new VariantInputError(`remap: ${what} ${k} maps to ${f}, outside −1..${n - 1}`);
    }
  };
  check(validatorFrom, oldV, "validator");
  check(serverFrom, oldS, "server");
  const next = allocate(nV, nS);
  for (let j = 0; j < nS; j++) {
    const oj = serverFrom[j];
    if (oj >= 0) next.prevConsensus[j] = buf.prevConsensus[oj];
  }
  for (let i = 0; i < nV; i++) {
    const oi = validatorFrom[i];
    if (oi < 0) continue;
    for (let j = 0; j < nS; j++) {
      const oj = serverFrom[j];
      if (oj < 0) continue;
      next.bondsOld[i * nS + j] = buf.bondsOld[oi * oldS + oj];
      next.prevWeight[i * nS + j] = buf.prevWeight[oi * oldS + oj];
    }
  }
  next.hasBonds = buf.hasBonds;
  next.hasPrevConsensus = buf.hasPrevConsensus;
  next.hasPrevWeight = buf.hasPrevWeight;
  return next;
}

type VersionFields = Pick<
  VariantEpochResult,
  "weightForBond" | "validatorBond" | "validatorEmaBond" | "validatorBonds" | "alpha" | "carriedBonds"
>;

/** The result of one epoch: the common outputs of `ws` plus the version's own; trusts unless `withTrusts` is false. */
export function epochResult(ws: Workspace, fields: VersionFields, withTrusts = true): VariantEpochResult {
  return {
    nValidators: ws.nV,
    nServers: ws.nS,
    weight: ws.w,
    stake: ws.s,
    serverPrerank: ws.prerank,
    serverConsensusWeight: ws.consensus,
    consensusClippedWeight: ws.clipped,
    serverRank: ws.rank,
    serverIncentive: ws.incentive,
    serverTrust: withTrusts ? ws.serverTrust : null,
    validatorTrust: withTrusts ? ws.validatorTrust : null,
    validatorReward: ws.reward,
    validatorRewardNormalized: ws.rewardNormalized,
    alphaA: fields.validatorEmaBond !== null ? NaN : null, // the package's placeholders (1, 2, 2B)
    alphaB: fields.validatorEmaBond !== null ? NaN : null,
    ...fields,
  };
}
