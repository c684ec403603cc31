// Buffers one subnet's epoch reuses from epoch to epoch (owned by the subnet, never shared between threads).

import { AlphaMemo } from "./alphaMemo.js";
import { Csr } from "./csr.js";
import type { LiquidAlphaParams, StoredBonds } from "./liquidAlpha.js";
import type { EpochTrace } from "./epochTrace.js";
import type { HintSums } from "./medianHint.js";
import type { EpochOutput, SparseU16 } from "./types.js";

export class EpochScratch {
  n = -1;
  // per-uid vectors (raw I32F32 or flags)
  inactive = new Uint8Array(0);
  forbid = new Uint8Array(0);
  stake = new Float64Array(0); // S
  activeStake = new Float64Array(0); // A
  consensus = new Float64Array(0); // C
  trust = new Float64Array(0); // Tv
  incentive = new Float64Array(0); // I
  dividends = new Float64Array(0); // D
  colAcc = new Float64Array(0); // per-column sums / maxima
  colRecip = new Float64Array(0); // 2^32 / colAcc (reciprocal estimates for exact division)
  denseRow = new Float64Array(0); // one densified row
  denseMark = new Int32Array(0); // generation marks for denseRow
  denseRow2 = new Float64Array(0);
  denseMark2 = new Int32Array(0);
  generation = 0;
  order = new Int32Array(0);
  keys = new Float64Array(0);
  // median
  useStake = new Float64Array(0);
  colCount = new Int32Array(0);
  colPtr = new Int32Array(0);
  selScore = new Float64Array(0);
  selStake = new Float64Array(0);
  hintGeq = new Float64Array(0); // Σ stake with score >= the hinted median, per column
  hintEq = new Float64Array(0); // Σ stake with score == the hinted median, per column
  hintAbove = new Float64Array(0); // nearest score above the hint, per column (tracked when hints miss)
  hintAboveStake = new Float64Array(0);
  hintBelow = new Float64Array(0); // nearest score below the hint
  hintBelowStake = new Float64Array(0);
  lastOpenColumns = 0; // columns the last epoch's hints did not settle
  neighbourPause = 0; // epochs to go without tracking nearest scores (it did not pay the last time)
  useStakeSum = 0; // Σ useStake (prepareUseStake)
  positiveRows = 0; // rows with active stake > 0
  colOpen = new Uint8Array(0); // 1: the column's median is still to be selected
  colMask = new Uint8Array(0); // per-column 0/1 mask (bonds towards recently registered uids)
  rowAligned = new Uint8Array(0); // 1: the stored bond row has exactly W's columns
  // matrices
  weights = new Csr();
  clipped = new Csr();
  forBonds = new Csr();
  bonds = new Csr();
  delta = new Csr();
  ema = new Csr();
  // liquid-alpha memo: combined_diff raw → alpha raw, valid for one parameter set
  alphaMemo = new AlphaMemo();
  // the liquid-alpha EMA's parameters and its view of the stored bonds, refilled each epoch (no allocation)
  liquidParams: LiquidAlphaParams = { low: 0, high: 0, steepness: 0 };
  storedBonds: StoredBonds = { rowPtr: new Int32Array(1), col: new Int32Array(0), val: new Uint16Array(0), lastTempo: 0, blockAtRegistration: new Float64Array(0) };
  private hintSumsView: HintSums = {
    useStake: new Float64Array(0), hint: new Float64Array(0), geq: new Float64Array(0), eq: new Float64Array(0), neighbours: false,
    above: new Float64Array(0), aboveStake: new Float64Array(0), below: new Float64Array(0), belowStake: new Float64Array(0),
  };
  /** When set, every epoch run with this scratch records its intermediates here (off: null, costs nothing). */
  trace: EpochTrace | null = null;

  // reused outputs (runEpoch's reuseOutput): two sets used in turn, with bond buffers of growing capacity
  private outputs: EpochOutput[] = [];
  private bondCol: Int32Array[] = [new Int32Array(0), new Int32Array(0)];
  private bondVal: Uint16Array[] = [new Uint16Array(0), new Uint16Array(0)];
  private turn = 0;

  /** The next output set for n uids (allocated by `make` when missing or of another size). */
  nextOutput(n: number, make: (n: number) => EpochOutput): EpochOutput {
    this.turn ^= 1;
    let out = this.outputs[this.turn];
    if (out === undefined || out.active.length !== n) {
      out = make(n);
      this.outputs[this.turn] = out;
    }
    return out;
  }

  /** storedBonds for the current output set: n + 1 row pointers and views of `count` entries. */
  storedBondsBuffer(out: EpochOutput, n: number, count: number): SparseU16 {
    const t = this.turn;
    if (this.bondCol[t].length < count) {
      const cap = Math.max(count, this.bondCol[t].length * 2);
      this.bondCol[t] = new Int32Array(cap);
      this.bondVal[t] = new Uint16Array(cap);
    }
    const rowPtr = out.storedBonds.rowPtr.length === n + 1 ? out.storedBonds.rowPtr : new Int32Array(n + 1);
    return { rowPtr, col: this.bondCol[t].subarray(0, count), val: this.bondVal[t].subarray(0, count) };
  }

  /** Size the per-uid buffers for n uids (reallocates only when n grows). */
  ensure(n: number): this {
    if (n <= this.inactive.length) {
      this.n = n;
      return this;
    }
    this.n = n;
    this.inactive = new Uint8Array(n);
    this.forbid = new Uint8Array(n);
    this.stake = new Float64Array(n);
    this.activeStake = new Float64Array(n);
    this.consensus = new Float64Array(n);
    this.trust = new Float64Array(n);
    this.incentive = new Float64Array(n);
    this.dividends = new Float64Array(n);
    this.colAcc = new Float64Array(n);
    this.colRecip = new Float64Array(n);
    this.denseRow = new Float64Array(n);
    this.denseMark = new Int32Array(n);
    this.denseRow2 = new Float64Array(n);
    this.denseMark2 = new Int32Array(n);
    this.generation = 0;
    this.order = new Int32Array(n);
    this.keys = new Float64Array(n);
    this.useStake = new Float64Array(n);
    this.colCount = new Int32Array(n + 1);
    this.colPtr = new Int32Array(n + 1);
    this.hintGeq = new Float64Array(n);
    this.hintEq = new Float64Array(n);
    this.hintAbove = new Float64Array(n);
    this.hintAboveStake = new Float64Array(n);
    this.hintBelow = new Float64Array(n);
    this.hintBelowStake = new Float64Array(n);
    this.colOpen = new Uint8Array(n);
    this.colMask = new Uint8Array(n);
    this.rowAligned = new Uint8Array(n);
    return this;
  }

  /** The median's hint sums (views of this scratch's arrays; one object, refreshed when the arrays grow). */
  hintSums(): HintSums {
    const h = this.hintSumsView;
    if (h.useStake !== this.useStake || h.geq !== this.hintGeq) {
      h.useStake = this.useStake;
      h.hint = this.consensus;
      h.geq = this.hintGeq;
      h.eq = this.hintEq;
      h.above = this.hintAbove;
      h.aboveStake = this.hintAboveStake;
      h.below = this.hintBelow;
      h.belowStake = this.hintBelowStake;
    }
    return h;
  }

  /**
   * Whether this epoch's W sweep should track each column's nearest scores around its hint: when last epoch's
   * hints missed in more than 1/16 of the columns, unless tracking recently failed to settle most of them
   * (then it pauses for 8 epochs). Only speed depends on this, never results.
   */
  wantNeighbours(n: number): boolean {
    if (this.neighbourPause > 0) {
      this.neighbourPause--;
      return false;
    }
    return this.lastOpenColumns * 16 > n;
  }

  /** A fresh generation id for the dense-row marks (avoids clearing the rows). */
  nextGeneration(): number {
    this.generation++;
    if (this.generation > 2_000_000_000) {
      this.denseMark.fill(0);
      this.denseMark2.fill(0);
      this.generation = 1;
    }
    return this.generation;
  }

  /** Median selection buffers with room for `size` entries. */
  ensureSelection(size: number): void {
    if (this.selScore.length < size) {
      this.selScore = new Float64Array(Math.max(size, this.selScore.length * 2));
      this.selStake = new Float64Array(this.selScore.length);
    }
  }
}
