// Cross-field checks of a snapshot whose fields are each well typed: what a real chain state always
// satisfies. uids 0..n-1 once each, unique netuids and hotkeys, pool reserves at least the swap
// pallet's MinimumReserve and a balancer weight inside [MIN_WEIGHT, 1 − MIN_WEIGHT], a moving price
// in [0, 1] (spec/emission.md §2.3), stake sums within the issued amounts, blocks not after the
// snapshot's block. Every problem is collected.
import { MINIMUM_RESERVE } from "../../models/pool/pool.js";
import type { IssueText } from "../../scenarios/issueText.js";
import type { Snapshot, SnapshotSubnet } from "./snapshotSchema.js";

/** Balancer MIN_WEIGHT (0.01) as a Perquintill. */
const MIN_QUOTE_WEIGHT = 10_000_000_000_000_000n;
const MAX_QUOTE_WEIGHT = 990_000_000_000_000_000n;
/** I96F32 raw bits of 1.0. */
const ONE_I96F32 = 1n << 32n;

type Path = (string | number)[];

function problem(out: IssueText[], path: Path, expected: string, found: string, atKey = false): void {
  out.push({ path, atKey, expected, found });
}

function checkUids(subnet: SnapshotSubnet, base: Path, out: IssueText[]): void {
  const n = subnet.neurons.length;
  const at = new Int32Array(n).fill(-1);
  const hotkeyAt = new Map<string, number>();
  subnet.neurons.forEach((neuron, k) => {
    if (neuron.uid >= n) {
      problem(out, [...base, "neurons", k, "uid"], `a uid from 0 to ${n - 1} (uids are 0..n-1 for n = ${n} neurons)`, String(neuron.uid));
    } else if (at[neuron.uid] >= 0) {
      problem(out, [...base, "neurons", k, "uid"], "a uid not used by another neuron", `${neuron.uid} (also at neurons[${at[neuron.uid]}])`);
    } else {
      at[neuron.uid] = k;
    }
    const other = hotkeyAt.get(neuron.hotkey);
    if (other !== undefined) {
      problem(out, [...base, "neurons", k, "hotkey"], "a hotkey not registered twice on this subnet", `${JSON.stringify(neuron.hotkey)} (also at neurons[${other}])`);
    } else {
      hotkeyAt.set(neuron.hotkey, k);
    }
  });
  const missing: number[] = [];
  for (let uid = 0; uid < n; uid++) if (at[uid] < 0) missing.push(uid);
  if (missing.length > 0) {
    const list = missing.length > 10 ? `${missing.slice(0, 10).join(", ")}, … (${missing.length} in all)` : missing.join(", ");
    problem(out, [...base, "neurons"], `every uid from 0 to ${n - 1} exactly once`, `no neuron with uid ${list}`);
  }
}

function checkPool(subnet: SnapshotSubnet, base: Path, out: IssueText[]): void {
  const pool = subnet.pool;
  if (pool !== undefined) {
    for (const key of ["taoReserve", "alphaReserve"] as const) {
      if (BigInt(pool[key]) < MINIMUM_RESERVE) {
        problem(out, [...base, "pool", key], `a reserve of at least the chain's MinimumReserve (${MINIMUM_RESERVE} rao)`, pool[key]);
      }
    }
    const w = BigInt(pool.quoteWeight);
    if (w < MIN_QUOTE_WEIGHT || w > MAX_QUOTE_WEIGHT) {
      problem(out, [...base, "pool", "quoteWeight"], "a balancer weight from 0.01 to 0.99 (10000000000000000 to 990000000000000000)", pool.quoteWeight);
    }
    // SubnetAlphaOut holds every hotkey's stake and the pending buckets' minted alpha
    let staked = BigInt(subnet.pendingServerEmission) + BigInt(subnet.pendingValidatorEmission) + BigInt(subnet.pendingRootAlphaDivs) + BigInt(subnet.pendingOwnerCut);
    for (const neuron of subnet.neurons) staked += BigInt(neuron.alphaStake);
    if (staked > BigInt(subnet.alphaOut)) {
      problem(out, [...base, "alphaOut"], `at least the alpha staked on the subnet's hotkeys plus the pending emission (${staked} rao)`, subnet.alphaOut);
    }
  }
  const price = BigInt(subnet.movingPriceI96F32);
  if (price < 0n || price > ONE_I96F32) {
    problem(out, [...base, "movingPriceI96F32"], `a moving price from 0 to 1.0 (raw bits 0 to ${ONE_I96F32})`, subnet.movingPriceI96F32);
  }
}

function checkBlocks(subnet: SnapshotSubnet, base: Path, block: number, out: IssueText[]): void {
  const expected = `a block not after the snapshot's block (source.block = ${block})`;
  for (const key of ["lastEpochBlock", "lastMechanismStepBlock", "registeredAt"] as const) {
    if (subnet[key] > block) problem(out, [...base, key], expected, String(subnet[key]));
  }
  subnet.neurons.forEach((neuron, k) => {
    if (neuron.lastUpdate > block) problem(out, [...base, "neurons", k, "lastUpdate"], expected, String(neuron.lastUpdate));
    if (neuron.blockAtRegistration > block) {
      problem(out, [...base, "neurons", k, "blockAtRegistration"], expected, String(neuron.blockAtRegistration));
    }
  });
}

function checkRootStakes(snapshot: Snapshot, out: IssueText[]): void {
  const seen = new Map<string, number>();
  let total = 0n;
  snapshot.rootStakes.forEach((row, k) => {
    const key = `${row.hotkey}\n${row.coldkey}`;
    const other = seen.get(key);
    if (other !== undefined) {
      problem(out, ["rootStakes", k], "one row per (hotkey, coldkey)", `the pair of rootStakes[${other}] again`);
    } else {
      seen.set(key, k);
    }
    total += BigInt(row.tao);
  });
  if (total > BigInt(snapshot.chain.totalIssuance)) {
    problem(out, ["chain", "totalIssuance"], `at least the TAO staked on root (${total} rao)`, snapshot.chain.totalIssuance);
  }
}

/** Every cross-field problem of a snapshot whose fields are each valid. */
export function snapshotConsistency(snapshot: Snapshot): IssueText[] {
  const out: IssueText[] = [];
  checkRootStakes(snapshot, out);
  const netuidAt = new Map<number, number>();
  snapshot.subnets.forEach((subnet, s) => {
    const base: Path = ["subnets", s];
    const other = netuidAt.get(subnet.netuid);
    if (other !== undefined) problem(out, [...base, "netuid"], "a netuid not used by another subnet", `${subnet.netuid} (also subnets[${other}])`);
    else netuidAt.set(subnet.netuid, s);
    checkUids(subnet, base, out);
    checkPool(subnet, base, out);
    const block = snapshot.source?.block;
    if (block !== undefined && block !== null) checkBlocks(subnet, base, block, out);
  });
  return out;
}
