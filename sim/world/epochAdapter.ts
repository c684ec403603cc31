// Runs one subnet's Yuma epoch (models/consensus) on the world's state: fills the subnet's reused
// EpochInput from ChainEconomy stakes and the stored weight/bond rows, runs the kernel, and keeps
// what the chain stores for the next epoch (storedBonds, permits, Emission for pruning).
import { runEpoch } from "../../models/consensus/runEpoch.js";
import type { Arith, EpochOutput, SparseU16 } from "../../models/consensus/types.js";
import type { ChainEconomy } from "../../models/emission/chainEconomy.js";
import type { SubnetWorld } from "./SubnetWorld.js";

/** Copies the stored weight rows into the input's CSR (stored order; buffers grow, never shrink). */
function assembleWeights(sub: SubnetWorld, n: number): void {
  const w = sub.input.weights;
  let total = 0;
  for (let uid = 0; uid < n; uid++) total += sub.rowLen[uid];
  if (w.rowPtr.length < n + 1) w.rowPtr = new Int32Array(n + 1);
  if (w.col.length < total) {
    w.col = new Int32Array(total * 2);
    w.val = new Uint16Array(total * 2);
  }
  let p = 0;
  for (let uid = 0; uid < n; uid++) {
    w.rowPtr[uid] = p;
    const len = sub.rowLen[uid];
    const c = sub.rowCols[uid];
    const v = sub.rowVals[uid];
    for (let k = 0; k < len; k++) {
      const col = (c as Int32Array)[k];
      if (col >= n) continue; // a weight to a uid that no longer exists is ignored
      w.col[p] = col;
      w.val[p] = (v as Uint16Array)[k];
      p++;
    }
  }
  w.rowPtr[n] = p;
}

/** The stored bonds, with rows for uids appended since the last epoch. */
function bondsFor(sub: SubnetWorld, n: number): SparseU16 {
  const b = sub.bonds;
  if (b.rowPtr.length >= n + 1) return b;
  const rowPtr = new Int32Array(n + 1);
  rowPtr.set(b.rowPtr);
  const end = b.rowPtr[b.rowPtr.length - 1];
  for (let i = b.rowPtr.length; i <= n; i++) rowPtr[i] = end;
  sub.bonds = { rowPtr, col: b.col, val: b.val };
  return sub.bonds;
}

/** Runs the epoch of `sub` on `raoEmission` at `block`; the caller distributes the output. */
export function runSubnetEpoch(sub: SubnetWorld, econ: ChainEconomy, block: number, raoEmission: bigint, arith: Arith): EpochOutput {
  const i = sub.netuid;
  const n = sub.n;
  const input = sub.input;
  input.n = n;
  input.block = block;
  input.raoEmission = Number(raoEmission); // < 2^53: one epoch's emission is far below 9e6 TAO
  input.lastMechanismStepBlock = econ.lastMechanismStepBlock[i];
  const owner = econ.subnetOwnerHotkey[i];
  input.ownerUid = null;
  const uids = econ.uidHotkey[i];
  const alpha = econ.keys.stake[i];
  const root = econ.keys.stake[0];
  for (let uid = 0; uid < n; uid++) {
    const hk = uids[uid];
    input.alphaStake[uid] = hk >= 0 ? alpha[hk] : 0n;
    input.taoStake[uid] = hk >= 0 ? root[hk] : 0n;
    input.lastUpdate[uid] = sub.lastUpdate[uid];
    input.blockAtRegistration[uid] = econ.blockAtRegistration[i][uid];
    input.validatorPermit[uid] = sub.permit[uid];
    if (hk >= 0 && hk === owner) input.ownerUid = uid;
  }
  assembleWeights(sub, n);
  input.bonds = bondsFor(sub, n);
  const out = runEpoch(input, arith, sub.scratch, { reuseOutput: true }); // two output sets used in turn: lastOutput stays valid until the next epoch
  sub.bonds = out.storedBonds;
  sub.permit.set(out.validatorPermit.subarray(0, n));
  sub.lastEmission.set(out.emission.subarray(0, n));
  sub.lastOutput = out;
  sub.lastEpochBlock = block;
  sub.pushConsensus(out.consensus, n);
  return out;
}
