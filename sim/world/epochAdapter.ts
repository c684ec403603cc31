// Runs one subnet's Yuma epoch (models/consensus) on the world's state: fills the subnet's reused
// EpochInput from ChainEconomy stakes and the neurons' stored rows (models/registration SubnetNeurons),
// applies the commit-reveal column mask (models/weights), runs the kernel, and writes back what the
// chain's epoch stores (Bonds, ValidatorPermit, Emission, Consensus, Incentive, Dividends, …).
import { runEpoch } from "../../models/consensus/runEpoch.js";
import type { Arith, EpochOutput, SparseU16 } from "../../models/consensus/types.js";
import type { ChainEconomy } from "../../models/emission/chainEconomy.js";
import { shouldRunEpoch } from "../../models/emission/epochScheduler.js";
import type { WeightRow } from "../../models/registration/subnetNeurons.js";
import { commitBlocksForEpoch, maskWeightsByCommitBlocks } from "../../models/weights/commitReveal.js";
import type { SubnetWorld } from "./SubnetWorld.js";
import { inheritedAlpha, inheritedTao } from "../../models/staking/stakeInheritance.js";
import { weightsViewOf } from "./weightsOps.js";

/**
 * Copies stored rows into a reused CSR (stored order; buffers grow, never shrink), keeping entries to
 * uids < n as the chain's get_weights_sparse / get_bonds_sparse read them.
 */
function rowsIntoCsr(rows: readonly (WeightRow | undefined)[], n: number, w: SparseU16): void {
  let total = 0;
  for (let uid = 0; uid < n; uid++) total += rows[uid]?.uids.length ?? 0;
  if (w.rowPtr.length < n + 1) w.rowPtr = new Int32Array(n + 1);
  if (w.col.length < total) {
    w.col = new Int32Array(total * 2);
    w.val = new Uint16Array(total * 2);
  }
  let p = 0;
  for (let uid = 0; uid < n; uid++) {
    w.rowPtr[uid] = p;
    const r = rows[uid];
    if (r === undefined) continue;
    for (let k = 0; k < r.uids.length; k++) {
      if (r.uids[k] >= n) continue;
      w.col[p] = r.uids[k];
      w.val[p] = r.values[k];
      p++;
    }
  }
  w.rowPtr[n] = p;
}

/** The kernel's stored bonds (CSR, chain storage order) back into per-uid rows. */
function storeBondRows(sub: SubnetWorld, b: SparseU16, n: number): void {
  const rows = sub.neurons.bonds;
  for (let uid = 0; uid < n; uid++) {
    const s = b.rowPtr[uid];
    const e = b.rowPtr[uid + 1];
    if (e === s) {
      rows[uid] = undefined;
      continue;
    }
    const r = rows[uid];
    if (r !== undefined && r.uids.length === e - s) {
      for (let k = s; k < e; k++) {
        r.uids[k - s] = b.col[k];
        r.values[k - s] = b.val[k];
      }
    } else rows[uid] = { uids: Uint16Array.from(b.col.subarray(s, e)), values: b.val.slice(s, e) };
  }
}

/** Runs the epoch of `sub` on `raoEmission` at `block`; the caller distributes the output. */
export function runSubnetEpoch(sub: SubnetWorld, econ: ChainEconomy, block: number, raoEmission: bigint, arith: Arith): EpochOutput {
  const i = sub.netuid;
  const nr = sub.neurons;
  const n = nr.n;
  const input = sub.input;
  input.n = n;
  input.block = block;
  input.raoEmission = Number(raoEmission); // < 2^53: one epoch's emission is far below 9e6 TAO
  input.lastMechanismStepBlock = econ.lastMechanismStepBlock[i];
  const owner = econ.subnetOwnerHotkey[i];
  input.ownerUid = null;
  const alpha = econ.keys.stake[i];
  const root = econ.keys.stake[0];
  // with childkeys on this subnet the epoch reads inherited stake (get_inherited_for_hotkey_on_subnet)
  const linked = econ.keys.children[i].size > 0 || econ.keys.parents[i].size > 0;
  const links = { children: econ.keys.children, parents: econ.keys.parents };
  const alphaOf = (hk: number) => alpha[hk];
  const rootOf = (hk: number) => root[hk];
  for (let uid = 0; uid < n; uid++) {
    const hk = nr.hotkey[uid];
    input.alphaStake[uid] = hk < 0 ? 0n : linked ? inheritedAlpha(links, hk, i, alphaOf) : alpha[hk];
    input.taoStake[uid] = hk < 0 ? 0n : linked ? inheritedTao(links, hk, i, rootOf) : root[hk];
    input.lastUpdate[uid] = nr.lastUpdate[uid];
    input.blockAtRegistration[uid] = nr.blockAtRegistration[uid];
    input.validatorPermit[uid] = nr.validatorPermit[uid];
    if (hk >= 0 && hk === owner) input.ownerUid = uid;
  }
  rowsIntoCsr(nr.weights, n, input.weights);
  if (sub.params.commitReveal && (sub.commits.hashCommits.size > 0 || sub.commits.timelocked.size > 0)) {
    // run_epoch.rs: drop (i, j) where i's earliest live commit predates j's registration
    const clock = { epochIndex: econ.epochIndex[i], epochFiresThisBlock: shouldRunEpoch(econ, i, block) };
    const cb = commitBlocksForEpoch(weightsViewOf(sub, econ, block), clock, sub.commits);
    input.weights = maskWeightsByCommitBlocks(input.weights, cb, nr.blockAtRegistration);
  }
  rowsIntoCsr(nr.bonds, n, input.bonds);
  const out = runEpoch(input, arith, sub.scratch, { reuseOutput: true }); // two output sets used in turn: lastOutput stays valid until the next epoch
  storeBondRows(sub, out.storedBonds, n);
  for (let uid = 0; uid < n; uid++) {
    nr.validatorPermit[uid] = out.validatorPermit[uid];
    nr.emission[uid] = BigInt(out.emission[uid]);
    nr.active[uid] = out.active[uid];
  }
  nr.consensus.set(out.consensus.subarray(0, n));
  nr.incentive.set(out.incentive.subarray(0, n));
  nr.dividends.set(out.dividends.subarray(0, n));
  nr.validatorTrust.set(out.validatorTrust.subarray(0, n));
  nr.stakeWeight.set(out.stakeWeight.subarray(0, n));
  sub.lastOutput = out;
  sub.lastEpochBlock = block;
  sub.pushConsensus(out.consensus, n);
  return out;
}
