/**
 * The plain in-memory staking store (the reference the engine's ColumnStakingStore is tested
 * against, and the state of the models' own tests): the chain storages the staking extrinsics read
 * and write. Accounts (coldkeys, hotkeys) are dense integer ids; per-subnet data is keyed by netuid;
 * share pools are keyed by (hotkey, netuid). Maps are iterated in sorted key order where order matters.
 *
 *   freeBalance[ck]       Balances free TAO (rao)
 *   hotkeyOwner[hk] = ck  `Owner` (a hotkey "exists" once it has an owner, i.e. after registration)
 *   subnets[netuid]       pool (SubnetTAO/AlphaIn/AlphaOut/mechanism/balancer/FeeRate), SubtokenEnabled, TransferToggle
 *   sharePools[hk,netuid] TotalHotkeyAlpha / TotalHotkeySharesV2 / AlphaV2
 *   totalStake            `TotalStake`
 *   blockAuthor           coldkey receiving swap fees (null: fees are burned)
 *   burnedTao, burnedAlpha[netuid], subnetAccount[netuid]   where fees and leftovers go (ledger places)
 *
 * Operations (stakeOps.ts, moveOps.ts) validate like the chain and run inside `transactional`,
 * which restores every touched item on refusal, so a refused operation leaves the state unchanged.
 */
import { clonePool, type Pool } from "../pool/pool.js";
import { SharePool } from "./sharePool.js";
import { DEFAULT_MIN_STAKE, type StakingParams, type StakingStore, type SubnetStaking } from "./stakingStore.js";

export { DEFAULT_MIN_STAKE, type StakingParams, type SubnetStaking } from "./stakingStore.js";

export class StakingState implements StakingStore {
  block = 0;
  totalStake = 0n;
  blockAuthor: number | null = null;
  burnedTao = 0n;
  readonly params: StakingParams = { defaultMinStake: DEFAULT_MIN_STAKE, minimumReserve: 1_000_000n };
  readonly freeBalance = new Map<number, bigint>();
  readonly hotkeyOwner = new Map<number, number>();
  readonly subnets = new Map<number, SubnetStaking>();
  readonly sharePools = new Map<string, SharePool>();
  readonly burnedAlpha = new Map<number, bigint>();
  readonly subnetAccount = new Map<number, bigint>();
  /** `LastColdkeyHotkeyStakeBlock[(ck, hk)]` (written, not enforced at HEAD). */
  readonly lastStakeBlock = new Map<string, number>();

  subnet(netuid: number): SubnetStaking | undefined {
    return this.subnets.get(netuid);
  }
  netuids(): number[] {
    return [...this.subnets.keys()].sort((a, b) => a - b);
  }
  hotkeyExists(hk: number): boolean {
    return this.hotkeyOwner.has(hk);
  }
  balance(ck: number): bigint {
    return this.freeBalance.get(ck) ?? 0n;
  }
  addBalance(ck: number, delta: bigint): void {
    this.freeBalance.set(ck, this.balance(ck) + delta);
  }
  sharePool(hk: number, netuid: number): SharePool {
    const key = `${hk}:${netuid}`;
    let p = this.sharePools.get(key);
    if (p === undefined) {
      p = new SharePool();
      this.sharePools.set(key, p);
    }
    return p;
  }
  /** `get_stake_for_hotkey_and_coldkey_on_subnet`. */
  stakeOf(hk: number, ck: number, netuid: number): bigint {
    return this.sharePools.get(`${hk}:${netuid}`)?.getValue(ck) ?? 0n;
  }
  /** `TotalHotkeyAlpha[(hk, netuid)]`. */
  hotkeyAlpha(hk: number, netuid: number): bigint {
    return this.sharePools.get(`${hk}:${netuid}`)?.sharedValue ?? 0n;
  }
  markStakeBlock(ck: number, hk: number): void {
    this.lastStakeBlock.set(`${ck}:${hk}`, this.block);
  }
  burnTao(_netuid: number, tao: bigint): void {
    this.burnedTao += tao;
  }
  burnAlpha(netuid: number, alpha: bigint): void {
    this.burnedAlpha.set(netuid, (this.burnedAlpha.get(netuid) ?? 0n) + alpha);
  }
  keepOnSubnetAccount(netuid: number, tao: bigint): void {
    this.subnetAccount.set(netuid, (this.subnetAccount.get(netuid) ?? 0n) + tao);
  }
  /** `increase_stake_for_hotkey_on_subnet`: emission to a hotkey, shared pro rata by its nominators. */
  addHotkeyEmission(hk: number, netuid: number, alpha: bigint): void {
    this.sharePool(hk, netuid).updateValueForAll(alpha);
  }
  /** Adds a subnet (pool state is owned by the caller's object). */
  addSubnet(netuid: number, pool: Pool, opts: Partial<Omit<SubnetStaking, "pool">> = {}): void {
    this.subnets.set(netuid, { pool, subtokenEnabled: opts.subtokenEnabled ?? true, transferToggle: opts.transferToggle ?? true });
  }
  /**
   * Runs `fn` as the chain's storage transaction over the given subnets, hotkey pools and accounts:
   * if it returns `{ ok: false }` everything touched is restored.
   */
  transactional<R extends { ok: boolean }>(netuids: number[], accounts: number[], fn: () => R): R {
    const pools = netuids.map((n) => [n, this.subnets.get(n)] as const).map(([n, s]) => [n, s ? clonePool(s.pool) : undefined] as const);
    const sharePools = new Map<string, SharePool>();
    for (const [k, p] of this.sharePools) if (netuids.includes(Number(k.split(":")[1]))) sharePools.set(k, p.clone());
    const balances = new Map<number, bigint | undefined>();
    for (const a of [...accounts, ...(this.blockAuthor === null ? [] : [this.blockAuthor])]) balances.set(a, this.freeBalance.get(a));
    const totals = [this.totalStake, this.burnedTao] as const;
    const burned = new Map(this.burnedAlpha);
    const subnetAccount = new Map(this.subnetAccount);
    const r = fn();
    if (!r.ok) {
      for (const [n, p] of pools) if (p) Object.assign(this.subnets.get(n)!.pool, p);
      for (const k of [...this.sharePools.keys()]) if (netuids.includes(Number(k.split(":")[1])) && !sharePools.has(k)) this.sharePools.delete(k);
      for (const [k, p] of sharePools) this.sharePools.set(k, p);
      for (const [a, b] of balances) if (b === undefined) this.freeBalance.delete(a);
      else this.freeBalance.set(a, b);
      [this.totalStake, this.burnedTao] = totals;
      const restore = (m: Map<number, bigint>, from: Map<number, bigint>) => {
        m.clear();
        for (const [k, v] of from) m.set(k, v);
      };
      restore(this.burnedAlpha, burned);
      restore(this.subnetAccount, subnetAccount);
    }
    return r;
  }
}
