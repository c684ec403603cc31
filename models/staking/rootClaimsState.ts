/**
 * The chain storages of root claims (pallets/subtensor/src/lib.rs at 14bc6f9f), with an undo journal
 * so `with_transaction` can roll them back:
 *   RootClaimable[hk]            BTreeMap<netuid, I96F32>  claimable alpha per unit of root stake
 *   RootClaimed[(netuid,hk,ck)]  u128                      alpha already claimed (or pre-credited)
 *   RootClaimType[ck]            Swap (default) | Keep | KeepSubnets{subnets}
 *   RootClaimableThreshold[i]    I96F32, default DefaultMinRootClaimAmount = 500_000
 *   NumRootClaim                 u64, default 5 (coldkeys auto-claimed per block)
 *   StakingColdkeys / StakingColdkeysByIndex / NumStakingColdkeys   the auto-claim index
 *   SubnetRootSellTao[i]         TAO the Swap claims took out of subnet i
 */

export type RootClaimType =
  | { kind: "Swap" }
  | { kind: "Keep" }
  | { kind: "KeepSubnets"; subnets: ReadonlySet<number> };

export const ROOT_CLAIM_SWAP: RootClaimType = Object.freeze({ kind: "Swap" });
export const ROOT_CLAIM_KEEP: RootClaimType = Object.freeze({ kind: "Keep" });
/** `DefaultMinRootClaimAmount`: 500_000 as I96F32 raw. */
export const DEFAULT_ROOT_CLAIMABLE_THRESHOLD = 500_000n << 32n;
/** `DefaultNumRootClaim`. */
export const DEFAULT_NUM_ROOT_CLAIM = 5n;
/** lib.rs `MAX_NUM_ROOT_CLAIMS`, `MAX_SUBNET_CLAIMS`, `MAX_ROOT_CLAIM_THRESHOLD`. */
export const MAX_NUM_ROOT_CLAIMS = 50n;
export const MAX_SUBNET_CLAIMS = 5;
export const MAX_ROOT_CLAIM_THRESHOLD = 10_000_000n;

const claimedKey = (netuid: number, hk: number, ck: number): string => `${netuid}:${hk}:${ck}`;

export class RootClaimsState {
  private readonly claimableMap = new Map<number, Map<number, bigint>>();
  private readonly claimedMap = new Map<string, bigint>();
  private readonly claimTypeMap = new Map<number, RootClaimType>();
  private readonly thresholdMap = new Map<number, bigint>();
  private readonly rootSellTao = new Map<number, bigint>();
  private readonly coldkeyIndex = new Map<number, bigint>(); // StakingColdkeys
  private readonly coldkeyByIndex = new Map<bigint, number>(); // StakingColdkeysByIndex
  private numColdkeys = 0n; // NumStakingColdkeys
  numRootClaim = DEFAULT_NUM_ROOT_CLAIM;
  private readonly journal: Array<() => void> = [];
  private depth = 0;

  // --- transactions (frame_support::storage::with_transaction) ---
  begin(): number {
    this.depth++;
    return this.journal.length;
  }
  /** Keeps the writes since `mark`; an enclosing transaction can still undo them. */
  commit(_mark: number): void {
    this.depth--;
    if (this.depth === 0) this.journal.length = 0;
  }
  rollback(mark: number): void {
    while (this.journal.length > mark) (this.journal.pop() as () => void)();
    this.depth--;
  }
  private record<K, V>(map: Map<K, V>, key: K): void {
    if (this.depth === 0) return;
    const had = map.has(key);
    const old = map.get(key);
    this.journal.push(() => (had ? map.set(key, old as V) : map.delete(key)));
  }

  // --- RootClaimable ---
  /** RootClaimable[hk] as (netuid, rate) pairs in ascending netuid (BTreeMap order). */
  claimableOf(hk: number): Array<[number, bigint]> {
    const m = this.claimableMap.get(hk);
    return m ? Array.from(m.entries()).sort((a, b) => a[0] - b[0]) : [];
  }
  claimableRate(hk: number, netuid: number): bigint {
    return this.claimableMap.get(hk)?.get(netuid) ?? 0n;
  }
  setClaimableRate(hk: number, netuid: number, rate: bigint): void {
    let m = this.claimableMap.get(hk);
    if (!m) {
      this.record(this.claimableMap, hk);
      m = new Map();
      this.claimableMap.set(hk, m);
    }
    this.record(m, netuid);
    m.set(netuid, rate);
  }
  /** Hotkeys with a RootClaimable entry, ascending. */
  claimableHotkeys(): number[] {
    return Array.from(this.claimableMap.keys()).sort((a, b) => a - b);
  }

  // --- RootClaimed ---
  claimed(netuid: number, hk: number, ck: number): bigint {
    return this.claimedMap.get(claimedKey(netuid, hk, ck)) ?? 0n;
  }
  setClaimed(netuid: number, hk: number, ck: number, v: bigint): void {
    const k = claimedKey(netuid, hk, ck);
    this.record(this.claimedMap, k);
    this.claimedMap.set(k, v);
  }

  // --- RootClaimType, RootClaimableThreshold, SubnetRootSellTao ---
  claimType(ck: number): RootClaimType {
    return this.claimTypeMap.get(ck) ?? ROOT_CLAIM_SWAP;
  }
  setClaimType(ck: number, t: RootClaimType): void {
    this.record(this.claimTypeMap, ck);
    this.claimTypeMap.set(ck, t);
  }
  threshold(netuid: number): bigint {
    return this.thresholdMap.get(netuid) ?? DEFAULT_ROOT_CLAIMABLE_THRESHOLD;
  }
  setThreshold(netuid: number, rawI96: bigint): void {
    this.record(this.thresholdMap, netuid);
    this.thresholdMap.set(netuid, rawI96);
  }
  subnetRootSellTao(netuid: number): bigint {
    return this.rootSellTao.get(netuid) ?? 0n;
  }
  addSubnetRootSellTao(netuid: number, tao: bigint): void {
    this.record(this.rootSellTao, netuid);
    this.rootSellTao.set(netuid, this.subnetRootSellTao(netuid) + tao);
  }

  // --- staking-coldkey index ---
  get numStakingColdkeys(): bigint {
    return this.numColdkeys;
  }
  coldkeyAt(index: bigint): number | undefined {
    return this.coldkeyByIndex.get(index);
  }
  indexOf(ck: number): bigint | undefined {
    return this.coldkeyIndex.get(ck);
  }
  /** maybe_add_coldkey_index. */
  maybeAddColdkeyIndex(ck: number): void {
    if (this.coldkeyIndex.has(ck)) return;
    const n = this.numColdkeys;
    this.record(this.coldkeyByIndex, n);
    this.coldkeyByIndex.set(n, ck);
    this.record(this.coldkeyIndex, ck);
    this.coldkeyIndex.set(ck, n);
    this.setNum(n + 1n);
  }
  /** maybe_remove_coldkey_index: the last entry moves into the freed slot. */
  maybeRemoveColdkeyIndex(ck: number): void {
    const idx = this.coldkeyIndex.get(ck);
    if (idx === undefined) return;
    this.record(this.coldkeyIndex, ck);
    this.coldkeyIndex.delete(ck);
    const last = this.numColdkeys > 0n ? this.numColdkeys - 1n : 0n;
    const moved = idx !== last ? this.coldkeyByIndex.get(last) : undefined;
    if (moved !== undefined) {
      this.record(this.coldkeyByIndex, last);
      this.coldkeyByIndex.delete(last);
      this.record(this.coldkeyByIndex, idx);
      this.coldkeyByIndex.set(idx, moved);
      this.record(this.coldkeyIndex, moved);
      this.coldkeyIndex.set(moved, idx);
    } else {
      this.record(this.coldkeyByIndex, idx);
      this.coldkeyByIndex.delete(idx);
    }
    this.setNum(last);
  }
  private setNum(n: bigint): void {
    if (this.depth > 0) {
      const old = this.numColdkeys;
      this.journal.push(() => (this.numColdkeys = old));
    }
    this.numColdkeys = n;
  }
}
