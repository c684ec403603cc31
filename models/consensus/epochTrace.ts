// The named intermediates of one epoch (interfaces.md "Epoch trace"), copied out of the epoch's scratch
// at the points where chain run_epoch.rs::epoch_mechanism computes (and logs) them. runEpoch records
// into a trace only when one is given: with none, the pipeline checks one null per stage and copies nothing.
// Values are raw I32F32 (value × 2^32; integers in exact mode), matrices in the pipeline's row order.

import { Csr } from "./csr.js";

export class EpochTrace {
  n = 0;
  yuma3 = false;
  /** Whether the EMA used liquid alpha (LiquidAlphaOn, Yuma3 and some consensus ≠ 0): then `alphas` is set. */
  liquidAlpha = false;
  /** kappa and β (bonds penalty) as raw I32F32, and the fixed EMA alpha (unused under liquid alpha). */
  kappa = 0;
  bondsPenalty = 0;
  emaAlpha = 0;
  /** stake: normalised stake weight S. activeStake: S masked by inactive/no permit, renormalised (A). */
  stake = new Float64Array(0);
  activeStake = new Float64Array(0);
  /** weights: after the permit, self-weight and outdated masks, row-normalised (W). */
  weights = new Csr();
  consensus = new Float64Array(0);
  /** clippedWeights: W clipped to consensus per column (Wc). validatorTrust: row sums of Wc. */
  clippedWeights = new Csr();
  validatorTrust = new Float64Array(0);
  /** ranks: Wc · A (per miner); incentive: ranks normalised. */
  ranks = new Float64Array(0);
  incentive = new Float64Array(0);
  /** weightsForBonds: W + β·(Wc − W) (Wb). */
  weightsForBonds = new Csr();
  /** bondsDelta: classic only, ΔB = Wb ∘ A column-normalised (chain log "ΔB"). */
  bondsDelta: Csr | null = null;
  /** bonds: the EMA bonds as they go to storage (classic: column max-upscaled), before u16 and the permit mask. */
  bonds = new Csr();
  /** bondsNormalized: the column-normalised EMA bonds the dividends are computed from. */
  bondsNormalized = new Csr();
  dividends = new Float64Array(0);
  /** alphas: liquid alpha per entry of Wb (rows aligned with weightsForBonds), only under liquid alpha. */
  alphas: Csr | null = null;

  /** Start a new epoch of n uids (buffers are reused when large enough). */
  begin(n: number): void {
    this.n = n;
    if (this.stake.length < n) {
      this.stake = new Float64Array(n);
      this.activeStake = new Float64Array(n);
      this.consensus = new Float64Array(n);
      this.validatorTrust = new Float64Array(n);
      this.ranks = new Float64Array(n);
      this.incentive = new Float64Array(n);
      this.dividends = new Float64Array(n);
    }
    this.bondsDelta = null;
    this.alphas = null;
    this.liquidAlpha = false;
  }

  /** Copy the first n entries of `src` into `dst`. */
  vector(dst: Float64Array, src: Float64Array): void {
    dst.set(src.subarray(0, this.n));
  }

  /** A trace-owned matrix for ΔB or the alphas (reused across epochs). */
  private spareDelta = new Csr();
  private spareAlphas = new Csr();
  deltaBuffer(): Csr {
    return (this.bondsDelta = this.spareDelta);
  }
  alphasBuffer(): Csr {
    this.liquidAlpha = true;
    return (this.alphas = this.spareAlphas);
  }
}

/** Entries of row i of a traced matrix as [uid, raw] pairs, in pipeline order. */
export function traceRow(m: Csr, i: number): [number, number][] {
  const out: [number, number][] = [];
  if (i >= m.rows) return out;
  for (let e = m.rowPtr[i]; e < m.rowPtr[i + 1]; e++) out.push([m.col[e], m.val[e]]);
  return out;
}
