// Coldkey free balances and the nominator share pools of the world. ChainEconomy keeps
// TotalHotkeyAlpha (keys.stake) and Σ free balances; this keeps who owns what: free TAO per coldkey
// and, for hotkeys that outside coldkeys have staked to, a SharePool (models/staking) whose value is
// kept equal to keys.stake[netuid][hotkey] (the emission sink feeds it).
import type { ChainEconomy } from "../../models/emission/chainEconomy.js";
import type { StakeSink } from "../../models/emission/distributeEmission.js";
import { SharePool } from "../../models/staking/sharePool.js";

export class Accounts implements StakeSink {
  /** Free TAO per coldkey id (grows when a new coldkey appears). */
  free: BigInt64Array;
  private readonly pools = new Map<number, SharePool>();

  constructor(
    private readonly econ: ChainEconomy,
    coldkeys: number,
  ) {
    this.free = new BigInt64Array(coldkeys);
  }

  /** Free TAO of a coldkey (0 for one never credited). */
  balance(coldkey: number): bigint {
    return coldkey < this.free.length ? this.free[coldkey] : 0n;
  }

  private key(netuid: number, hotkey: number): number {
    return netuid * this.econ.keys.count + hotkey;
  }

  /** Pays TAO from outside the modelled accounts (ChainEconomy.otherTao) into a coldkey. */
  fundFromOutside(coldkey: number, tao: bigint): void {
    const e = this.econ;
    if (e.otherTao < tao) {
      // the scenario's totalIssuance did not leave enough TAO outside; count the shortfall as issued
      e.totalIssuance += tao - e.otherTao;
      e.otherTao = tao;
    }
    e.otherTao -= tao;
    this.credit(coldkey, tao);
  }

  /** Adds (or with a negative amount removes) free TAO, keeping Σ free balances. */
  credit(coldkey: number, tao: bigint): void {
    if (coldkey >= this.free.length) {
      const next = new BigInt64Array(Math.max(coldkey + 1, this.free.length * 2));
      next.set(this.free);
      this.free = next;
    }
    this.free[coldkey] += tao;
    this.econ.freeBalanceTotal += tao;
  }

  /** The share pool of (hotkey, netuid), created with the owner coldkey holding the current stake. */
  pool(netuid: number, hotkey: number): SharePool {
    const k = this.key(netuid, hotkey);
    let p = this.pools.get(k);
    if (p === undefined) {
      p = new SharePool();
      const s = this.econ.keys.stake[netuid][hotkey];
      if (s > 0n) p.updateValueForOne(this.econ.keys.owner[hotkey], s);
      this.pools.set(k, p);
    }
    return p;
  }

  /** Alpha of `coldkey` staked to `hotkey` on `netuid` (the owner holds everything without a pool). */
  alphaOf(netuid: number, hotkey: number, coldkey: number): bigint {
    const p = this.pools.get(this.key(netuid, hotkey));
    if (p !== undefined) return p.getValue(coldkey);
    return this.econ.keys.owner[hotkey] === coldkey ? this.econ.keys.stake[netuid][hotkey] : 0n;
  }

  toColdkey(netuid: number, hotkey: number, coldkey: number, alpha: bigint): void {
    this.pools.get(this.key(netuid, hotkey))?.updateValueForOne(coldkey, alpha);
  }

  toNominators(netuid: number, hotkey: number, alpha: bigint): void {
    this.pools.get(this.key(netuid, hotkey))?.updateValueForAll(alpha);
  }
}
