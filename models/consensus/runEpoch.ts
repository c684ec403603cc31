// One Yuma Consensus epoch (one mechanism), as the chain's sparse path computes it.
// Ports opentensor/subtensor@14bc6f9f pallets/subtensor/src/epoch/run_epoch.rs::epoch_mechanism.
// Pipeline: active mask → stake → permits → weights → consensus → clip/trust/incentive → bonds → dividends → emission.

import { exactArith, floatArith, type EpochArith } from "./arith.js";
import type { Arith, EpochInput, EpochOutput, SparseU16 } from "./types.js";
import { EpochScratch } from "./scratch.js";
import { stakeWeights } from "./stakeWeights.js";
import { isTopkNonzero } from "./validatorPermits.js";
import { epochWeights } from "./epochWeights.js";
import { prepareUseStake, weightedMedianCol } from "./weightedMedianCol.js";
import { resetHintSums } from "./medianHint.js";
import { clipTrustRanks, inplaceNormalize, inplaceNormalizeUsingSum } from "./clipAndRank.js";
import { interpolateSparse } from "./interpolateSparse.js";
import { bondsAndDividends, emaAlpha, lastTempo, yuma3Dividends } from "./bonds.js";
import { alignBondRows, clipEmaStore } from "./clipEmaFused.js";
import { emissionSplit } from "./emissionSplit.js";
import { fixedProportionToU16, ONE, u16ProportionToFixed } from "../fixed/i32f32.js";
import type { Csr } from "./csr.js";
import type { EpochTrace } from "./epochTrace.js";

export function arithFor(mode: Arith): EpochArith {
  return mode === "float" ? floatArith : exactArith;
}

/** Activity cutoff in blocks. chain: utils/misc.rs::get_activity_cutoff_blocks */
export function activityCutoffBlocks(factorMilli: number, tempo: number): number {
  return Math.max(1, Math.floor((factorMilli * tempo) / 1000));
}

export interface EpochOptions {
  /**
   * Write the result into buffers owned by `scratch` (two sets, used in turn) instead of fresh arrays: the
   * returned output stays valid until the next-but-one runEpoch call with the same scratch, so the previous
   * epoch's `storedBonds` may be passed as this epoch's `input.bonds`. Default false (fresh arrays).
   */
  reuseOutput?: boolean;
  /** Record the epoch's named intermediates into this trace (else `scratch.trace`; none when both are null). */
  trace?: EpochTrace | null;
  /** Take the step-by-step path even where a fused fast path applies (differential tests; same results). */
  generalPath?: boolean;
}

/** Runs one epoch. Pass the subnet's own `scratch` to reuse buffers across epochs. */
export function runEpoch(
  input: EpochInput, mode: Arith = "exact", scratch: EpochScratch = new EpochScratch(), options?: EpochOptions,
): EpochOutput {
  const arith = arithFor(mode);
  const n = input.n;
  const hp = input.hyperparameters;
  const s = scratch.ensure(n);
  const reuse = options?.reuseOutput === true;
  const out = reuse ? scratch.nextOutput(n, allocateOutput) : allocateOutput(n);
  const trace = options?.trace ?? scratch.trace; // null on the engine's hot path: one check per stage below
  if (trace !== null) trace.begin(n);

  // activity
  const cutoff = activityCutoffBlocks(hp.activityCutoffFactorMilli, hp.tempo);
  for (let i = 0; i < n; i++) {
    const inactive = input.lastUpdate[i] + cutoff < input.block;
    s.inactive[i] = inactive ? 1 : 0;
    out.active[i] = inactive ? 0 : 1;
  }
  // stake and permits (the owner is always permitted)
  stakeWeights(input, arith, s.stake);
  const owner = input.ownerUid;
  for (let i = 0; i < n; i++) s.forbid[i] = input.validatorPermit[i] || i === owner ? 0 : 1;
  isTopkNonzero(s.stake, n, hp.maxAllowedValidators, out.validatorPermit, s);
  if (owner !== null && owner < n) out.validatorPermit[owner] = 1;
  // active stake
  for (let i = 0; i < n; i++) s.activeStake[i] = s.inactive[i] || s.forbid[i] ? 0 : s.stake[i];
  inplaceNormalize(s.activeStake, n, arith);
  // weights, consensus, clipping
  // last epoch's C is each column's first guess at its median; in exact mode its stake sums are taken while W is built
  const hinted = arith.name === "exact" && options?.generalPath !== true;
  if (hinted) {
    prepareUseStake(s.activeStake, n, arith, s);
    resetHintSums(s.hintSums(), n, s.wantNeighbours(n)); // nearest scores too when last epoch's hints missed
  }
  const weightsSorted = epochWeights(input, s.forbid, arith, s.weights, hinted ? s.hintSums() : null);
  const kappa = arith.name === "exact" ? u16ProportionToFixed(hp.kappa) : (hp.kappa / 65535) * 4294967296;
  weightedMedianCol(s.activeStake, s.weights, n, kappa, arith, s, s.consensus, s.consensus, hinted, weightsSorted);
  const beta = arith.name === "exact" ? u16ProportionToFixed(hp.bondsPenalty) : (hp.bondsPenalty / 65535) * 4294967296;
  if (trace === null && options?.generalPath !== true && fusedApplies(input, arith, beta, weightsSorted, s)) {
    // Yuma3 + liquid alpha, β = 1, sorted rows: clip, trust, ranks, EMA and stored bonds in one sweep
    fusedBondsStep(input, s, out, reuse ? scratch : null);
  } else {
    clipTrustRanks(s.weights, s.consensus, s.activeStake, arith, s.clipped, s.trust, s.incentive); // Wc, Tv, R in one sweep
    if (trace !== null) trace.vector(trace.ranks, s.incentive); // ranks, before normalisation
    inplaceNormalize(s.incentive, n, arith);
    // bonds (penalty β interpolates W toward Wc) and dividends
    const wb = interpolateSparse(s.weights, s.clipped, beta, arith, s, s.forBonds);
    const ema = bondsAndDividends(input, wb, arith, s, trace);
    storeBonds(ema, out.validatorPermit, out, reuse ? scratch : null);
    if (trace !== null) recordTrace(trace, s, wb, ema, kappa, beta, emaAlpha(hp.bondsMovingAverage, arith), hp.yuma3);
  }
  // emission
  emissionSplit(input.raoEmission, n, arith, s, out);
  toU16(s.stake, n, out.stakeWeight);
  toU16(s.consensus, n, out.consensus);
  toU16(s.incentive, n, out.incentive);
  toU16(s.dividends, n, out.dividends);
  toU16(s.trust, n, out.validatorTrust);
  return out;
}

/** The fused sweep applies: exact, Yuma3 with liquid alpha in force (some C ≠ 0), β = 1, rows of W and B sorted. */
function fusedApplies(input: EpochInput, arith: EpochArith, beta: number, weightsSorted: boolean, s: EpochScratch): boolean {
  const hp = input.hyperparameters;
  if (arith.name !== "exact" || !hp.yuma3 || !hp.liquidAlpha || beta !== ONE || !weightsSorted) return false;
  let anyConsensus = false;
  for (let j = 0; j < input.n; j++) if (s.consensus[j] !== 0) { anyConsensus = true; break; }
  return anyConsensus && alignBondRows(s.weights, input.bonds, input.n, s.rowAligned);
}

/** clipEmaStore, then incentive and dividends; the stored bonds go straight into the output. */
function fusedBondsStep(input: EpochInput, s: EpochScratch, out: EpochOutput, reuse: EpochScratch | null): void {
  const n = input.n;
  const hp = input.hyperparameters;
  const p = s.liquidParams;
  p.low = u16ProportionToFixed(hp.alphaLow);
  p.high = u16ProportionToFixed(hp.alphaHigh);
  p.steepness = hp.alphaSigmoidSteepness;
  const cap = s.weights.nnz;
  const stored: SparseU16 = reuse
    ? reuse.storedBondsBuffer(out, n, cap)
    : { rowPtr: new Int32Array(n + 1), col: new Int32Array(cap), val: new Uint16Array(cap) };
  const count = clipEmaStore(
    s.weights, s.consensus, s.activeStake, input.bonds, lastTempo(input), input.blockAtRegistration, p, out.validatorPermit, s,
    { trust: s.trust, ranks: s.incentive, ema: s.ema, stored },
  );
  if (count < cap) {
    stored.col = reuse ? stored.col.subarray(0, count) : stored.col.slice(0, count);
    stored.val = reuse ? stored.val.subarray(0, count) : stored.val.slice(0, count);
  }
  out.storedBonds = stored;
  inplaceNormalize(s.incentive, n, exactArith);
  yuma3Dividends(s.ema, n, exactArith, s, true);
}

/** The intermediates still in the scratch at the end of the epoch (ranks, ΔB, alphas and bondsNormalized are taken on the way). */
function recordTrace(t: EpochTrace, s: EpochScratch, wb: Csr, ema: Csr, kappa: number, beta: number, alpha: number, yuma3: boolean): void {
  t.yuma3 = yuma3;
  t.kappa = kappa;
  t.bondsPenalty = beta;
  t.emaAlpha = alpha;
  t.vector(t.stake, s.stake);
  t.vector(t.activeStake, s.activeStake);
  t.weights.copyFrom(s.weights);
  t.vector(t.consensus, s.consensus);
  t.clippedWeights.copyFrom(s.clipped);
  t.vector(t.validatorTrust, s.trust);
  t.vector(t.incentive, s.incentive);
  t.weightsForBonds.copyFrom(wb);
  t.bonds.copyFrom(ema);
  t.vector(t.dividends, s.dividends);
}

/** chain fixed_proportion_to_u16 over a vector (the same floor(x·65535 / 2^32) in both modes). */
function toU16(x: Float64Array, n: number, out: Uint16Array): void {
  for (let i = 0; i < n; i++) out[i] = fixedProportionToU16(x[i]);
}

/**
 * One epoch's outputs. `bonds` (rows sorted by uid, zeros dropped: the JSON view) is derived from
 * `storedBonds` on first read and cached, so callers that never print it never pay for it.
 */
export class EpochResult implements EpochOutput {
  active: Uint8Array;
  stakeWeight: Uint16Array;
  consensus: Uint16Array;
  incentive: Uint16Array;
  dividends: Uint16Array;
  validatorTrust: Uint16Array;
  validatorPermit: Uint8Array;
  storedBonds: SparseU16;
  serverEmission: Float64Array;
  validatorEmission: Float64Array;
  emission: Float64Array;
  private sortedFor: SparseU16 | null = null;
  private sorted: SparseU16 | null = null;

  constructor(n: number) {
    this.active = new Uint8Array(n);
    this.stakeWeight = new Uint16Array(n);
    this.consensus = new Uint16Array(n);
    this.incentive = new Uint16Array(n);
    this.dividends = new Uint16Array(n);
    this.validatorTrust = new Uint16Array(n);
    this.validatorPermit = new Uint8Array(n);
    this.storedBonds = emptySparse(n);
    this.serverEmission = new Float64Array(n);
    this.validatorEmission = new Float64Array(n);
    this.emission = new Float64Array(n);
  }

  get bonds(): SparseU16 {
    if (this.sortedFor !== this.storedBonds || this.sorted === null) {
      this.sorted = sortedNonZero(this.storedBonds);
      this.sortedFor = this.storedBonds;
    }
    return this.sorted;
  }
}

export function allocateOutput(n: number): EpochOutput {
  return new EpochResult(n);
}

function emptySparse(n: number): SparseU16 {
  return { rowPtr: new Int32Array(n + 1), col: new Int32Array(0), val: new Uint16Array(0) };
}

/**
 * Bond rows as the chain stores them (new permit → the EMA row as u16 in its order, else empty), and the
 * same rows sorted by uid without zero entries for the JSON output. chain: epoch_mechanism (terms.bond).
 * With `reuse`, the rows go into that scratch's current output buffers (views of their first entries).
 */
function storeBonds(ema: Csr, permit: Uint8Array, out: EpochOutput, reuse: EpochScratch | null): void {
  const n = ema.rows;
  const { rowPtr, col, val } = ema;
  let count = 0;
  for (let i = 0; i < n; i++) if (permit[i]) count += rowPtr[i + 1] - rowPtr[i];
  const stored: SparseU16 = reuse
    ? reuse.storedBondsBuffer(out, n, count)
    : { rowPtr: new Int32Array(n + 1), col: new Int32Array(count), val: new Uint16Array(count) };
  const sPtr = stored.rowPtr;
  const sCol = stored.col;
  const sVal = stored.val;
  let k = 0;
  sPtr[0] = 0;
  for (let i = 0; i < n; i++) {
    if (permit[i]) {
      for (let e = rowPtr[i], end = rowPtr[i + 1]; e < end; e++) {
        sCol[k] = col[e];
        sVal[k++] = fixedProportionToU16(val[e]);
      }
    }
    sPtr[i + 1] = k;
  }
  out.storedBonds = stored; // the sorted JSON view (EpochResult.bonds) follows on first read
}

/** Rows sorted by uid with zero entries dropped. */
export function sortedNonZero(m: SparseU16): SparseU16 {
  const n = m.rowPtr.length - 1;
  let count = 0;
  for (let e = 0; e < m.rowPtr[n]; e++) if (m.val[e] !== 0) count++;
  const res: SparseU16 = { rowPtr: new Int32Array(n + 1), col: new Int32Array(count), val: new Uint16Array(count) };
  const keys = new Float64Array(count); // uid·2^16 + value: sorting the keys sorts by uid
  let k = 0;
  for (let i = 0; i < n; i++) {
    const start = k;
    for (let e = m.rowPtr[i]; e < m.rowPtr[i + 1]; e++) if (m.val[e] !== 0) keys[k++] = m.col[e] * 65536 + m.val[e];
    if (k - start > 1 && !keysAscending(keys, start, k)) keys.subarray(start, k).sort();
    for (let t = start; t < k; t++) {
      const j = Math.floor(keys[t] / 65536);
      res.col[t] = j;
      res.val[t] = keys[t] - j * 65536;
    }
    res.rowPtr[i + 1] = k;
  }
  return res;
}

function keysAscending(keys: Float64Array, start: number, end: number): boolean {
  for (let t = start + 1; t < end; t++) if (keys[t] <= keys[t - 1]) return false;
  return true;
}

export { EpochScratch, inplaceNormalizeUsingSum };
export { EpochTrace } from "./epochTrace.js";
