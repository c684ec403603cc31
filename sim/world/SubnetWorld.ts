// One subnet's chain state beyond what models/emission keeps (ChainEconomy holds pools, stakes,
// Keys and BlockAtRegistration): structure of arrays indexed by uid, weight rows as they were set
// (assembled into CSR for each epoch), stored bonds, permits, LastUpdate, commits awaiting reveal,
// the epoch kernel's scratch and input buffers, and the agents' bookkeeping (roles, true quality).
import { EpochScratch } from "../../models/consensus/scratch.js";
import type { EpochHyperparameters, EpochInput, EpochOutput, SparseU16 } from "../../models/consensus/types.js";
import { Role } from "./roles.js";
import type { VariantEpochState } from "./variantEpochAdapter.js";

export interface SubnetParams {
  maxAllowedUids: number;
  immunityPeriod: number;
  minAllowedWeights: number;
  weightsSetRateLimit: number;
  commitReveal: boolean;
  revealPeriodEpochs: number;
  feeRate: number;
  burn: bigint; // Burn, rao
  minBurn: bigint;
  maxBurn: bigint;
  burnHalfLife: number;
  burnIncreaseMult: number;
  registrationAllowed: boolean;
}

const emptySparse = (n: number): SparseU16 => ({ rowPtr: new Int32Array(n + 1), col: new Int32Array(0), val: new Uint16Array(0) });

export class SubnetWorld {
  /** SubnetworkN: uids 0..n-1 are in use. */
  n = 0;
  /** The scenario's netuid (`netuid` is the dense internal slot used by the models). */
  publicNetuid = 0;
  /** Operator index (into the world's miner operators) and hotkey slot of each uid, −1 none. */
  readonly operatorOfUid: Int32Array;
  readonly role: Uint8Array;
  readonly strategy: string[]; // per uid, e.g. "honest" (validators), "honest"/"sybil" (miners), "" otherwise
  readonly group: Int16Array; // population group index (−1 none)
  readonly minerLabel: Int16Array; // index into labels (−1 none)
  readonly trueQuality: Float64Array;
  readonly isMiner: Uint8Array; // 1 = a miner hotkey that is serving
  readonly lastUpdate: Float64Array;
  readonly lastWeightsBlock: Float64Array; // for the rate limit (−Infinity: never)
  readonly permit: Uint8Array;
  readonly lastEmission: Float64Array; // Emission[uid] of the last epoch (pruning score)
  // weight rows as set (submission order), one buffer per uid allocated on first use
  readonly rowCols: (Int32Array | null)[];
  readonly rowVals: (Uint16Array | null)[];
  readonly rowLen: Int32Array;
  // commits awaiting reveal (commit-reveal): the u16 row and the epoch index of its reveal
  readonly commitCols: (Int32Array | null)[];
  readonly commitVals: (Uint16Array | null)[];
  readonly commitLen: Int32Array;
  readonly commitRevealEpoch: Float64Array; // −1 none
  pendingCommits = 0;
  /** Scratch of the weights protocol: a u16 row and a generation mark per uid (duplicate check). */
  readonly rowScratch: Uint16Array;
  readonly seenMark: Int32Array;
  seenGeneration = 0;
  bonds: SparseU16;
  readonly labels: string[] = [];
  // consensus history for copiers (ring of the last `historyDepth` epochs)
  readonly consensusHistory: Uint16Array[];
  historyCount = 0;
  lastOutput: EpochOutput | null = null;
  lastEpochBlock = -1;
  registrationsTotal = 0;
  demandFactor = 1;
  /** The research Yuma variant this subnet runs instead of the chain epoch (null: the chain epoch). */
  variantEpoch: VariantEpochState | null = null;
  // epoch kernel buffers
  readonly scratch = new EpochScratch();
  readonly input: EpochInput;

  constructor(
    readonly netuid: number,
    readonly hyper: EpochHyperparameters,
    readonly params: SubnetParams,
    historyDepth: number,
  ) {
    const m = params.maxAllowedUids;
    this.role = new Uint8Array(m);
    this.operatorOfUid = new Int32Array(m).fill(-1);
    this.rowScratch = new Uint16Array(m);
    this.seenMark = new Int32Array(m);
    this.strategy = new Array<string>(m).fill("");
    this.group = new Int16Array(m).fill(-1);
    this.minerLabel = new Int16Array(m).fill(-1);
    this.trueQuality = new Float64Array(m);
    this.isMiner = new Uint8Array(m);
    this.lastUpdate = new Float64Array(m);
    this.lastWeightsBlock = new Float64Array(m).fill(-Infinity);
    this.permit = new Uint8Array(m);
    this.lastEmission = new Float64Array(m);
    this.rowCols = new Array<Int32Array | null>(m).fill(null);
    this.rowVals = new Array<Uint16Array | null>(m).fill(null);
    this.rowLen = new Int32Array(m);
    this.commitCols = new Array<Int32Array | null>(m).fill(null);
    this.commitVals = new Array<Uint16Array | null>(m).fill(null);
    this.commitLen = new Int32Array(m);
    this.commitRevealEpoch = new Float64Array(m).fill(-1);
    this.bonds = emptySparse(0);
    this.consensusHistory = Array.from({ length: Math.max(1, historyDepth) }, () => new Uint16Array(m));
    this.input = {
      n: 0,
      block: 0,
      raoEmission: 0,
      ownerUid: null,
      lastMechanismStepBlock: 0,
      hyperparameters: hyper,
      alphaStake: new BigUint64Array(m),
      taoStake: new BigUint64Array(m),
      lastUpdate: new Float64Array(m),
      blockAtRegistration: new Float64Array(m),
      validatorPermit: new Uint8Array(m),
      weights: emptySparse(m),
      bonds: emptySparse(m),
    };
  }

  labelIndex(label: string): number {
    return this.labels.indexOf(label);
  }

  /** Stores a u16 row for `uid` (copied), replacing the previous one. */
  storeRow(uid: number, cols: ArrayLike<number>, vals: ArrayLike<number>, len: number): void {
    let c = this.rowCols[uid];
    let v = this.rowVals[uid];
    if (c === null || v === null || c.length < len) {
      c = this.rowCols[uid] = new Int32Array(Math.max(len, this.params.maxAllowedUids));
      v = this.rowVals[uid] = new Uint16Array(c.length);
    }
    for (let k = 0; k < len; k++) {
      c[k] = cols[k];
      v[k] = vals[k];
    }
    this.rowLen[uid] = len;
  }

  /** Keeps a committed row until `revealEpoch` (a newer commit replaces an older one). */
  storeCommit(uid: number, cols: ArrayLike<number>, vals: ArrayLike<number>, len: number, revealEpoch: number): void {
    let c = this.commitCols[uid];
    let v = this.commitVals[uid];
    if (c === null || v === null || c.length < len) {
      c = this.commitCols[uid] = new Int32Array(Math.max(len, this.params.maxAllowedUids));
      v = this.commitVals[uid] = new Uint16Array(c.length);
    }
    for (let k = 0; k < len; k++) {
      c[k] = cols[k];
      v[k] = vals[k];
    }
    if (this.commitRevealEpoch[uid] < 0) this.pendingCommits++;
    this.commitLen[uid] = len;
    this.commitRevealEpoch[uid] = revealEpoch;
  }

  /** Reveals every commit due by `epochIndex` (reveal_crv3_commits); returns how many. */
  revealDue(epochIndex: number, block: number): number {
    if (this.pendingCommits === 0) return 0;
    let revealed = 0;
    for (let uid = 0; uid < this.n; uid++) {
      const at = this.commitRevealEpoch[uid];
      if (at < 0 || at > epochIndex) continue;
      this.storeRow(uid, this.commitCols[uid] as Int32Array, this.commitVals[uid] as Uint16Array, this.commitLen[uid]);
      this.lastUpdate[uid] = block;
      this.commitRevealEpoch[uid] = -1;
      this.pendingCommits--;
      revealed++;
    }
    return revealed;
  }

  /** Consensus of `lag` epochs ago (1 = last), or null. */
  consensusAgo(lag: number): Uint16Array | null {
    if (lag < 1 || lag > this.historyCount || lag > this.consensusHistory.length) return null;
    const depth = this.consensusHistory.length;
    return this.consensusHistory[(this.historyCount - lag) % depth];
  }

  /** Records the last epoch's consensus into the history ring. */
  pushConsensus(consensus: Uint16Array, n: number): void {
    const slot = this.consensusHistory[this.historyCount % this.consensusHistory.length];
    slot.fill(0);
    slot.set(consensus.subarray(0, n));
    this.historyCount++;
  }

  /** Clears a uid's per-neuron state when its hotkey is replaced (uids.rs::replace_neuron, clear_neuron). */
  clearUid(uid: number, block: number): void {
    this.role[uid] = Role.empty;
    this.operatorOfUid[uid] = -1;
    this.strategy[uid] = "";
    this.group[uid] = -1;
    this.minerLabel[uid] = -1;
    this.trueQuality[uid] = 0;
    this.isMiner[uid] = 0;
    this.permit[uid] = 0;
    this.lastEmission[uid] = 0;
    this.rowLen[uid] = 0;
    if (this.commitRevealEpoch[uid] >= 0) this.pendingCommits--;
    this.commitRevealEpoch[uid] = -1;
    this.lastWeightsBlock[uid] = -Infinity;
    this.lastUpdate[uid] = block;
    // every other uid's weight to this uid is set to 0 (entry kept)
    for (let v = 0; v < this.n; v++) {
      const c = this.rowCols[v];
      const w = this.rowVals[v];
      if (c === null || w === null) continue;
      for (let k = 0; k < this.rowLen[v]; k++) if (c[k] === uid) w[k] = 0;
    }
    this.removeBondRow(uid);
  }

  private removeBondRow(uid: number): void {
    const b = this.bonds;
    if (uid + 1 >= b.rowPtr.length) return;
    const start = b.rowPtr[uid];
    const len = b.rowPtr[uid + 1] - start;
    if (len === 0) return;
    const col = new Int32Array(b.col.length - len);
    const val = new Uint16Array(b.val.length - len);
    col.set(b.col.subarray(0, start));
    val.set(b.val.subarray(0, start));
    col.set(b.col.subarray(start + len), start);
    val.set(b.val.subarray(start + len), start);
    const rowPtr = b.rowPtr.slice();
    for (let i = uid + 1; i < rowPtr.length; i++) rowPtr[i] -= len;
    this.bonds = { rowPtr, col, val };
  }
}
