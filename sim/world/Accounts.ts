// The world's accounts: models/staking's ColumnStakingStore (free balances per coldkey, share pools
// whose value is keys.stake, the coinbase's StakeSink) plus the engine's own bookkeeping of TAO that
// enters from outside the modelled accounts.
import type { ChainEconomy } from "../../models/emission/chainEconomy.js";
import { ColumnStakingStore } from "../../models/staking/columnStore.js";

export class Accounts extends ColumnStakingStore {
  constructor(econ: ChainEconomy, coldkeys: number) {
    super(econ, coldkeys);
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
    this.addBalance(coldkey, tao);
  }

  /** Alpha of `coldkey` staked to `hotkey` on `netuid` (the owner holds genesis stake). */
  alphaOf(netuid: number, hotkey: number, coldkey: number): bigint {
    return this.stakeOf(hotkey, coldkey, netuid);
  }
}
