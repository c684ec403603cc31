// Serialises an EpochTrace as the `"trace"` member of `taosim.epochResult/1` (interfaces.md "Epoch trace"):
// raw I32F32 bits as decimal strings, sparse matrices as rows of [uid, "bits"], in the chain's order.

import type { Csr } from "../../models/consensus/csr.js";
import type { EpochTrace } from "../../models/consensus/epochTrace.js";

/** Raw bits as a decimal string (exact mode: an integer; float mode: the float64 on the same scale). */
type Bits = string;
type SparseRows = [number, Bits][][];

/** The JSON shape of a trace, as `epoch(state, { trace: true })` returns it. */
export interface EpochTraceJson {
  yuma3: boolean;
  liquidAlpha: boolean;
  kappa: Bits;
  bondsPenalty: Bits;
  emaAlpha: Bits;
  stake: Bits[];
  activeStake: Bits[];
  weights: SparseRows;
  consensus: Bits[];
  clippedWeights: SparseRows;
  validatorTrust: Bits[];
  ranks: Bits[];
  incentive: Bits[];
  weightsForBonds: SparseRows;
  bondsDelta?: SparseRows; // classic (Yuma3 off) only
  alphas?: SparseRows; // liquid alpha only: rows aligned with weightsForBonds
  bonds: SparseRows;
  bondsNormalized: SparseRows;
  dividends: Bits[];
}

export function formatEpochTrace(t: EpochTrace): string {
  return (
    `{"yuma3":${t.yuma3},"liquidAlpha":${t.liquidAlpha}` +
    `,"kappa":"${bits(t.kappa)}","bondsPenalty":"${bits(t.bondsPenalty)}","emaAlpha":"${bits(t.emaAlpha)}"` +
    `,"stake":${vector(t.stake, t.n)}` +
    `,"activeStake":${vector(t.activeStake, t.n)}` +
    `,"weights":${sparse(t.weights)}` +
    `,"consensus":${vector(t.consensus, t.n)}` +
    `,"clippedWeights":${sparse(t.clippedWeights)}` +
    `,"validatorTrust":${vector(t.validatorTrust, t.n)}` +
    `,"ranks":${vector(t.ranks, t.n)}` +
    `,"incentive":${vector(t.incentive, t.n)}` +
    `,"weightsForBonds":${sparse(t.weightsForBonds)}` +
    (t.bondsDelta !== null ? `,"bondsDelta":${sparse(t.bondsDelta)}` : "") +
    (t.alphas !== null ? `,"alphas":${sparse(t.alphas)}` : "") +
    `,"bonds":${sparse(t.bonds)}` +
    `,"bondsNormalized":${sparse(t.bondsNormalized)}` +
    `,"dividends":${vector(t.dividends, t.n)}}`
  );
}

function bits(v: number): string {
  return String(v + 0); // + 0: no "-0"
}

// Parts joined once per row (not `+=` per entry): the trace is ~10^5 entries on 64×256, and this is most of its cost.
function vector(v: Float64Array, n: number): string {
  const parts = new Array<string>(n);
  for (let i = 0; i < n; i++) parts[i] = '"' + bits(v[i]) + '"';
  return "[" + parts.join(",") + "]";
}

function sparse(m: Csr): string {
  const { rowPtr, col, val } = m;
  const rows = new Array<string>(m.rows);
  for (let i = 0; i < m.rows; i++) {
    const start = rowPtr[i];
    const parts = new Array<string>(rowPtr[i + 1] - start);
    for (let k = start; k < rowPtr[i + 1]; k++) parts[k - start] = "[" + col[k] + ',"' + bits(val[k]) + '"]';
    rows[i] = "[" + parts.join(",") + "]";
  }
  return "[" + rows.join(",") + "]";
}
