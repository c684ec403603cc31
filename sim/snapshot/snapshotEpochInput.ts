// The epoch the chain would run next on one subnet of a snapshot, as the kernel's EpochInput
// (models/consensus/types.ts). The engine builds its first epoch of an imported subnet with this
// same function, so `taosim epoch --snapshot` and that epoch read identical inputs.
import { epochHyperparametersOf, type EpochHyperparameters, type EpochInput, type SparseU16 } from "../../models/consensus/types.js";
import type { Snapshot, SnapshotNeuron, SnapshotSubnet } from "./snapshotSchema.js";

export interface SnapshotEpochOptions {
  /**
   * Rao the epoch distributes. Default: what the snapshot's pending buckets hold for it,
   * PendingServerEmission + PendingValidatorEmission + PendingRootAlphaDivs (spec/emission.md §5.1:
   * T = S + V + R; the owner cut is paid apart). The engine passes what its coinbase accumulated.
   */
  raoEmission?: bigint;
}

/** Why an epoch cannot be built from a (valid) snapshot: a path into it and what was expected. */
export class SnapshotEpochError extends Error {
  override readonly name = "SnapshotEpochError";
  constructor(
    readonly path: (string | number)[],
    readonly expected: string,
    readonly found: string,
  ) {
    super(`${path.join(".")}: expected ${expected}, found ${found}`);
  }
}

/** The subnet with this netuid and its index in `subnets`, or undefined. */
export function findSnapshotSubnet(snapshot: Snapshot, netuid: number): { subnet: SnapshotSubnet; index: number } | undefined {
  const index = snapshot.subnets.findIndex((s) => s.netuid === netuid);
  return index < 0 ? undefined : { subnet: snapshot.subnets[index], index };
}

/** The block of the subnet's next epoch: LastEpochBlock + tempo (chain: run_coinbase.rs::should_run_epoch, get_next_epoch_start_block). */
export function nextEpochBlock(subnet: SnapshotSubnet): number {
  return subnet.lastEpochBlock + subnet.tempo;
}

/** Root (netuid 0) stake per hotkey, TotalHotkeyAlpha[hotkey][0]: the sum of its rows in rootStakes. */
export function rootStakeByHotkey(snapshot: Snapshot): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const row of snapshot.rootStakes) out.set(row.hotkey, (out.get(row.hotkey) ?? 0n) + BigInt(row.tao));
  return out;
}

/** The epoch's hyperparameters of an imported subnet (the engine uses the same values). */
export function epochHyperparameters(snapshot: Snapshot, subnet: SnapshotSubnet): EpochHyperparameters {
  return epochHyperparametersOf(subnet.hyperparameters, subnet.tempo, BigInt(snapshot.chain.stakeThreshold), BigInt(snapshot.chain.taoWeight));
}

/** Stored rows (by uid) as CSR, entries in stored order. */
function rowsToCsr(byUid: readonly SnapshotNeuron[], key: "weights" | "bonds"): SparseU16 {
  const n = byUid.length;
  const rowPtr = new Int32Array(n + 1);
  for (let uid = 0; uid < n; uid++) rowPtr[uid + 1] = rowPtr[uid] + byUid[uid][key].length;
  const col = new Int32Array(rowPtr[n]);
  const val = new Uint16Array(rowPtr[n]);
  for (let uid = 0; uid < n; uid++) {
    const row = byUid[uid][key];
    col.set(row.uids, rowPtr[uid]);
    val.set(row.values, rowPtr[uid]);
  }
  return { rowPtr, col, val };
}

/**
 * The EpochInput of subnet `netuid` at `block` (default: the next epoch, nextEpochBlock) from a
 * validated snapshot. Throws SnapshotEpochError when the subnet is missing or has no neurons, or
 * when the emission does not fit the kernel's 2^53 bound.
 */
export function snapshotEpochInput(snapshot: Snapshot, netuid: number, block?: number, options: SnapshotEpochOptions = {}): EpochInput {
  const found = findSnapshotSubnet(snapshot, netuid);
  if (found === undefined) {
    const have = snapshot.subnets.map((s) => s.netuid).join(", ");
    throw new SnapshotEpochError(["subnets"], `a subnet with netuid ${netuid}`, `only netuids ${have}`);
  }
  const { subnet, index } = found;
  const n = subnet.neurons.length;
  if (n === 0) throw new SnapshotEpochError(["subnets", index, "neurons"], "at least one neuron to run an epoch on", "none");
  const raoEmission =
    options.raoEmission ??
    BigInt(subnet.pendingServerEmission) + BigInt(subnet.pendingValidatorEmission) + BigInt(subnet.pendingRootAlphaDivs);
  if (raoEmission > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new SnapshotEpochError(["subnets", index, "pendingServerEmission"], "pending emission of at most 2^53-1 rao in all", `${raoEmission} rao`);
  }
  const byUid: SnapshotNeuron[] = new Array(n);
  for (const neuron of subnet.neurons) byUid[neuron.uid] = neuron;
  const root = rootStakeByHotkey(snapshot);
  const input: EpochInput = {
    n,
    block: block ?? nextEpochBlock(subnet),
    raoEmission: Number(raoEmission),
    ownerUid: null,
    lastMechanismStepBlock: subnet.lastMechanismStepBlock,
    hyperparameters: epochHyperparameters(snapshot, subnet),
    alphaStake: new BigUint64Array(n),
    taoStake: new BigUint64Array(n),
    lastUpdate: new Float64Array(n),
    blockAtRegistration: new Float64Array(n),
    validatorPermit: new Uint8Array(n),
    weights: rowsToCsr(byUid, "weights"),
    bonds: rowsToCsr(byUid, "bonds"),
  };
  for (let uid = 0; uid < n; uid++) {
    const neuron = byUid[uid];
    input.alphaStake[uid] = BigInt(neuron.alphaStake);
    input.taoStake[uid] = root.get(neuron.hotkey) ?? 0n;
    input.lastUpdate[uid] = neuron.lastUpdate;
    input.blockAtRegistration[uid] = neuron.blockAtRegistration;
    input.validatorPermit[uid] = neuron.validatorPermit ? 1 : 0;
    if (subnet.ownerHotkey !== null && neuron.hotkey === subnet.ownerHotkey) input.ownerUid = uid;
  }
  return input;
}
