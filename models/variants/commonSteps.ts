// The epoch pipeline every research variant starts with (spec/yuma-variants.md §2, steps 1–8):
// weights → stake → prerank → consensus (+ quantisation) → clipping → rank → incentive → trusts.
// Operation order follows yumas.py so float64 results agree with the package to ~1e-15.
import { consensusBisection, consensusSorted, quantizeConsensus } from "./consensus.js";
import type { VariantParams } from "./types.js";

/** Scratch buffers of one variant, sized for V validators × S servers, reused every epoch. */
export interface Workspace {
  nV: number;
  nS: number;
  w: Float64Array; // V×S normalised weights
  s: Float64Array; // V normalised stake
  prerank: Float64Array; // S
  consensus: Float64Array; // S
  clipped: Float64Array; // V×S
  rank: Float64Array; // S
  incentive: Float64Array; // S
  serverTrust: Float64Array; // S
  validatorTrust: Float64Array; // V
  reward: Float64Array; // V
  rewardNormalized: Float64Array; // V
  order: Int32Array; // V, consensus sort scratch
}

export function createWorkspace(nV: number, nS: number): Workspace {
  return {
    nV, nS,
    w: new Float64Array(nV * nS),
    s: new Float64Array(nV),
    prerank: new Float64Array(nS),
    consensus: new Float64Array(nS),
    clipped: new Float64Array(nV * nS),
    rank: new Float64Array(nS),
    incentive: new Float64Array(nS),
    serverTrust: new Float64Array(nS),
    validatorTrust: new Float64Array(nV),
    reward: new Float64Array(nV),
    rewardNormalized: new Float64Array(nV),
    order: new Int32Array(nV),
  };
}

/** torch `nan_to_num(0)`: NaN → 0, ±∞ → ±largest finite double. */
export function nanToNum(x: number): number {
  if (x !== x) return 0;
  if (x === Infinity) return Number.MAX_VALUE;
  if (x === -Infinity) return -Number.MAX_VALUE;
  return x;
}

/** Step 1: each row ÷ (row sum + 1e-6); a zero row stays zero. */
export function normalizeWeightRows(raw: ArrayLike<number>, nV: number, nS: number, out: Float64Array): void {
  for (let i = 0; i < nV; i++) {
    let sum = 0;
    for (let j = 0; j < nS; j++) sum += raw[i * nS + j];
    const d = sum + 1e-6;
    for (let j = 0; j < nS; j++) out[i * nS + j] = raw[i * nS + j] / d;
  }
}

/** Step 2: S ÷ ΣS. */
export function normalizeStake(raw: ArrayLike<number>, nV: number, out: Float64Array): void {
  let sum = 0;
  for (let i = 0; i < nV; i++) sum += raw[i];
  for (let i = 0; i < nV; i++) out[i] = raw[i] / sum;
}

/** Σ_i s_i · m_ij per column (prerank of W, rank of W̃). */
export function stakeWeightedColumnSums(s: Float64Array, m: Float64Array, nV: number, nS: number, out: Float64Array): void {
  out.fill(0, 0, nS);
  for (let i = 0; i < nV; i++) {
    const si = s[i];
    for (let j = 0; j < nS; j++) out[j] += si * m[i * nS + j];
  }
}

/** Step 6: W̃_ij = min(source_ij, C_j) (source = W, or the previous W for Yuma 2B). NaN propagates. */
export function clipWeights(source: Float64Array, c: Float64Array, nV: number, nS: number, out: Float64Array): void {
  for (let i = 0; i < nV; i++) {
    for (let j = 0; j < nS; j++) out[i * nS + j] = Math.min(source[i * nS + j], c[j]);
  }
}

/** Step 7: I = R / ΣR with NaN → 0. */
export function incentiveProportional(r: Float64Array, nS: number, out: Float64Array): void {
  let sum = 0;
  for (let j = 0; j < nS; j++) sum += r[j];
  for (let j = 0; j < nS; j++) out[j] = nanToNum(r[j] / sum);
}

/** Step 7, `winner_takes_all`: 1/k to each of the k servers tied at max R (none if max R is NaN). */
export function incentiveWinnerTakesAll(r: Float64Array, nS: number, out: Float64Array): void {
  out.fill(0, 0, nS);
  if (nS === 0) return;
  let max = -Infinity;
  for (let j = 0; j < nS; j++) {
    if (r[j] !== r[j]) return; // torch.max propagates NaN; nothing equals NaN
    if (r[j] > max) max = r[j];
  }
  let k = 0;
  for (let j = 0; j < nS; j++) if (r[j] === max) k++;
  for (let j = 0; j < nS; j++) if (r[j] === max) out[j] = 1.0 / k;
}

/** Step 8: server trust R/P (NaN → 0) and validator trust ΣW̃_row / ΣW_row (NaN kept). */
export function trusts(ws: Workspace): void {
  const { nV, nS } = ws;
  for (let j = 0; j < nS; j++) ws.serverTrust[j] = nanToNum(ws.rank[j] / ws.prerank[j]);
  for (let i = 0; i < nV; i++) {
    let clippedSum = 0;
    let sum = 0;
    for (let j = 0; j < nS; j++) {
      clippedSum += ws.clipped[i * nS + j];
      sum += ws.w[i * nS + j];
    }
    ws.validatorTrust[i] = clippedSum / sum;
  }
}

/**
 * Steps 1–8 into `ws`. `clipSource` selects what is clipped: null for the current W, or the previous
 * epoch's normalised W (Yuma 2B). Consensus always comes from the current W.
 */
export function runCommonSteps(
  ws: Workspace, rawW: ArrayLike<number>, rawS: ArrayLike<number>, p: VariantParams, clipSource: Float64Array | null,
): void {
  const { nV, nS } = ws;
  normalizeWeightRows(rawW, nV, nS, ws.w);
  normalizeStake(rawS, nV, ws.s);
  stakeWeightedColumnSums(ws.s, ws.w, nV, nS, ws.prerank);
  if (p.consensusImpl === "bisection") {
    consensusBisection(ws.w, ws.s, nV, nS, p.kappa, p.consensusPrecision, ws.consensus);
  } else {
    consensusSorted(ws.w, ws.s, nV, nS, p.kappa, ws.consensus, ws.order);
  }
  quantizeConsensus(ws.consensus, nS);
  clipWeights(clipSource ?? ws.w, ws.consensus, nV, nS, ws.clipped);
  stakeWeightedColumnSums(ws.s, ws.clipped, nV, nS, ws.rank);
  if (p.winnerTakesAll) incentiveWinnerTakesAll(ws.rank, nS, ws.incentive);
  else incentiveProportional(ws.rank, nS, ws.incentive);
  trusts(ws);
}

/** D_n = D ÷ (ΣD + 1e-6), from ws.reward into ws.rewardNormalized. */
export function normalizeRewards(ws: Workspace): void {
  let sum = 0;
  for (let i = 0; i < ws.nV; i++) sum += ws.reward[i];
  const d = sum + 1e-6;
  for (let i = 0; i < ws.nV; i++) ws.rewardNormalized[i] = ws.reward[i] / d;
}

/** D_i = Σ_j B_ij I_j. */
export function bondDividends(b: Float64Array, incentive: Float64Array, nV: number, nS: number, out: Float64Array): void {
  for (let i = 0; i < nV; i++) {
    let d = 0;
    for (let j = 0; j < nS; j++) d += b[i * nS + j] * incentive[j];
    out[i] = d;
  }
}

/** B_ij ← B_ij ÷ (Σ_k B_kj + 1e-6), in place, NaN → 0 when `nanToZero`. */
export function normalizeBondColumns(b: Float64Array, nV: number, nS: number, colSum: Float64Array, nanToZero: boolean): void {
  colSum.fill(0, 0, nS);
  for (let i = 0; i < nV; i++) for (let j = 0; j < nS; j++) colSum[j] += b[i * nS + j];
  for (let i = 0; i < nV; i++) {
    for (let j = 0; j < nS; j++) {
      const v = b[i * nS + j] / (colSum[j] + 1e-6);
      b[i * nS + j] = nanToZero ? nanToNum(v) : v;
    }
  }
}
