/**
 * The per-UID state of one subnet that registration writes, as structure-of-arrays columns
 * indexed by uid (chain storages named beside each column; subtensor HEAD 14bc6f9f,
 * `pallets/subtensor/src/subnets/uids.rs`). One mechanism (`MechanismCountCurrent` = 1, the
 * default), so `Incentive`, `LastUpdate`, `Weights`, `Bonds` have one instance each.
 *
 *   n                    SubnetworkN
 *   hotkey[uid]          Keys (hotkey id, −1 = none)      uidOf: Uids (hotkey → uid)
 *   blockAtRegistration  BlockAtRegistration               lastUpdate: LastUpdate
 *   active               Active                            emission: Emission (alpha rao)
 *   consensus, incentive, dividends, validatorTrust, stakeWeight   (u16 columns)
 *   validatorPermit      ValidatorPermit (0/1)
 *   weights[uid]         Weights row: (uid, value) pairs in stored order; undefined = no row
 *   bonds[uid]           Bonds row, same shape
 *
 * Columns have a capacity ≥ n and grow on append. Only entries < n are meaningful.
 */
import type { SparseU16 } from "../consensus/types.js";

/** One stored `Vec<(u16, u16)>` row. */
export interface WeightRow {
  uids: Uint16Array;
  values: Uint16Array;
}

export interface SubnetNeurons {
  netuid: number;
  n: number;
  hotkey: Int32Array;
  uidOf: Map<number, number>;
  blockAtRegistration: Float64Array;
  lastUpdate: Float64Array;
  active: Uint8Array;
  emission: BigUint64Array;
  consensus: Uint16Array;
  incentive: Uint16Array;
  dividends: Uint16Array;
  validatorTrust: Uint16Array;
  stakeWeight: Uint16Array;
  validatorPermit: Uint8Array;
  weights: (WeightRow | undefined)[];
  bonds: (WeightRow | undefined)[];
}

/** An empty subnet (`init_new_network` sets SubnetworkN = 0). */
export function createSubnetNeurons(netuid: number, capacity = 256): SubnetNeurons {
  const c = Math.max(capacity, 1);
  const hotkey = new Int32Array(c).fill(-1);
  return {
    netuid, n: 0, hotkey, uidOf: new Map(),
    blockAtRegistration: new Float64Array(c), lastUpdate: new Float64Array(c), active: new Uint8Array(c),
    emission: new BigUint64Array(c), consensus: new Uint16Array(c), incentive: new Uint16Array(c),
    dividends: new Uint16Array(c), validatorTrust: new Uint16Array(c), stakeWeight: new Uint16Array(c),
    validatorPermit: new Uint8Array(c), weights: [], bonds: [],
  };
}

function grow<T extends Int32Array | Float64Array | Uint8Array | Uint16Array | BigUint64Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a as never);
  return b;
}

function ensureCapacity(s: SubnetNeurons, need: number): void {
  if (need <= s.hotkey.length) return;
  const size = Math.max(need, s.hotkey.length * 2);
  const old = s.hotkey.length;
  s.hotkey = grow(s.hotkey, size);
  s.hotkey.fill(-1, old);
  s.blockAtRegistration = grow(s.blockAtRegistration, size);
  s.lastUpdate = grow(s.lastUpdate, size);
  s.active = grow(s.active, size);
  s.emission = grow(s.emission, size);
  s.consensus = grow(s.consensus, size);
  s.incentive = grow(s.incentive, size);
  s.dividends = grow(s.dividends, size);
  s.validatorTrust = grow(s.validatorTrust, size);
  s.stakeWeight = grow(s.stakeWeight, size);
  s.validatorPermit = grow(s.validatorPermit, size);
}

/** chain: uids.rs::append_neuron — uid = n; zeroed columns, LastUpdate = BlockAtRegistration = block. */
export function appendNeuron(s: SubnetNeurons, hotkey: number, block: number): number {
  const uid = s.n;
  ensureCapacity(s, uid + 1);
  s.n = uid + 1;
  s.active[uid] = 1;
  s.emission[uid] = 0n;
  s.consensus[uid] = 0;
  s.incentive[uid] = 0;
  s.lastUpdate[uid] = block;
  s.dividends[uid] = 0;
  s.validatorTrust[uid] = 0;
  s.validatorPermit[uid] = 0;
  s.stakeWeight[uid] = 0; // not pushed by the chain (StakeWeight is rewritten by each epoch); kept aligned here
  s.hotkey[uid] = hotkey;
  s.uidOf.set(hotkey, uid);
  s.blockAtRegistration[uid] = block;
  s.weights[uid] = undefined;
  s.bonds[uid] = undefined;
  return uid;
}

/**
 * chain: uids.rs::clear_neuron — Emission, Consensus, Incentive, Dividends, StakeWeight,
 * ValidatorTrust := 0, ValidatorPermit := false; the uid's Bonds and Weights rows removed; every
 * other row's weight *to* this uid set to 0 (entry kept). Bonds held by others toward it stay.
 */
export function clearNeuron(s: SubnetNeurons, uid: number): void {
  s.emission[uid] = 0n;
  s.consensus[uid] = 0;
  s.incentive[uid] = 0;
  s.bonds[uid] = undefined;
  s.weights[uid] = undefined;
  for (let v = 0; v < s.weights.length; v++) {
    const row = s.weights[v];
    if (row === undefined) continue;
    for (let k = 0; k < row.uids.length; k++) if (row.uids[k] === uid) row.values[k] = 0;
  }
  s.dividends[uid] = 0;
  s.stakeWeight[uid] = 0;
  s.validatorTrust[uid] = 0;
  s.validatorPermit[uid] = 0;
}

/**
 * chain: uids.rs::replace_neuron — the new hotkey takes `uid`; returns false (and changes nothing)
 * when the old hotkey is `SubnetOwnerHotkey`, which the chain silently refuses to replace.
 * Stake is not touched: it belongs to the old hotkey, not to the uid.
 */
export function replaceNeuron(s: SubnetNeurons, uid: number, newHotkey: number, block: number, subnetOwnerHotkey: number): boolean {
  const old = s.hotkey[uid];
  if (subnetOwnerHotkey >= 0 && old === subnetOwnerHotkey) return false;
  if (old >= 0) s.uidOf.delete(old);
  s.active[uid] = 1;
  s.hotkey[uid] = newHotkey;
  s.uidOf.set(newHotkey, uid);
  s.blockAtRegistration[uid] = block;
  clearNeuron(s, uid);
  s.lastUpdate[uid] = block;
  return true;
}

/** The stored Weights (or Bonds) rows as the epoch kernel's CSR, rows in uid order, entries in stored order. */
export function rowsToCsr(rows: readonly (WeightRow | undefined)[], n: number): SparseU16 {
  let nnz = 0;
  for (let u = 0; u < n; u++) nnz += rows[u]?.uids.length ?? 0;
  const rowPtr = new Int32Array(n + 1);
  const col = new Int32Array(nnz);
  const val = new Uint16Array(nnz);
  let k = 0;
  for (let u = 0; u < n; u++) {
    rowPtr[u] = k;
    const r = rows[u];
    if (r !== undefined) for (let j = 0; j < r.uids.length; j++, k++) { col[k] = r.uids[j]; val[k] = r.values[j]; }
  }
  rowPtr[n] = k;
  return { rowPtr, col, val };
}

/** A deep copy (tests and callers that want to keep a snapshot). */
export function cloneSubnetNeurons(s: SubnetNeurons): SubnetNeurons {
  const copyRow = (r: WeightRow | undefined) => (r === undefined ? undefined : { uids: r.uids.slice(), values: r.values.slice() });
  return {
    ...s,
    hotkey: s.hotkey.slice(), uidOf: new Map(s.uidOf), blockAtRegistration: s.blockAtRegistration.slice(),
    lastUpdate: s.lastUpdate.slice(), active: s.active.slice(), emission: s.emission.slice(),
    consensus: s.consensus.slice(), incentive: s.incentive.slice(), dividends: s.dividends.slice(),
    validatorTrust: s.validatorTrust.slice(), stakeWeight: s.stakeWeight.slice(),
    validatorPermit: s.validatorPermit.slice(), weights: s.weights.map(copyRow), bonds: s.bonds.map(copyRow),
  };
}
