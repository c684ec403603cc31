/**
 * The ports the staking operations (stakeOps.ts, moveOps.ts) read and write: the chain storages
 * of subtensor's staking extrinsics, whoever holds them. Two stores implement it: the plain
 * in-memory StakingState (reference, tests) and ColumnStakingStore (the engine's ChainEconomy
 * columns), so the engine runs the same operations as the tests.
 */
import type { Pool } from "../pool/pool.js";
import type { SharePool } from "./sharePool.js";

/** `DefaultMinStake` (rao). */
export const DEFAULT_MIN_STAKE = 2_000_000n;

export interface SubnetStaking {
  pool: Pool;
  /** `SubtokenEnabled` (true after start_call; root is always enabled). */
  subtokenEnabled: boolean;
  /** `TransferToggle`. */
  transferToggle: boolean;
}

export interface StakingParams {
  defaultMinStake: bigint;
  /** Swap pallet `MinimumReserve`. */
  minimumReserve: bigint;
}

export interface StakingStore {
  readonly block: number;
  /** `TotalStake`. */
  totalStake: bigint;
  /** Coldkey receiving swap fees (null: fees are burned). */
  readonly blockAuthor: number | null;
  readonly params: StakingParams;
  /** Pool and switches of an added subnet; undefined when `NetworksAdded` is false. */
  subnet(netuid: number): SubnetStaking | undefined;
  /** Added netuids, ascending. */
  netuids(): number[];
  /** `Owner` exists: the hotkey account was created. */
  hotkeyExists(hk: number): boolean;
  /** Free TAO of a coldkey. */
  balance(ck: number): bigint;
  addBalance(ck: number, delta: bigint): void;
  /** Share pool of (hotkey, netuid), created empty on first use. */
  sharePool(hk: number, netuid: number): SharePool;
  /** `get_stake_for_hotkey_and_coldkey_on_subnet`. */
  stakeOf(hk: number, ck: number, netuid: number): bigint;
  /** `LastColdkeyHotkeyStakeBlock[(ck, hk)] = now`. */
  markStakeBlock(ck: number, hk: number): void;
  /** `record_tao_inflow` (tao > 0) / `record_tao_outflow` (tao < 0): SubnetTaoFlow, read by the flow share rule. */
  recordTaoFlow?(netuid: number, tao: bigint): void;
  /** TAO taken out of circulation (a swap fee with no block author). */
  burnTao(netuid: number, tao: bigint): void;
  /** `burn_subnet_alpha`: alpha that leaves its holder but stays counted in `SubnetAlphaOut`. */
  burnAlpha(netuid: number, alpha: bigint): void;
  /** TAO left on the subnet account outside `SubnetTAO` (a buy truncated by its limit, a fee with no input). */
  keepOnSubnetAccount(netuid: number, tao: bigint): void;
  /**
   * The chain's storage transaction: runs `fn`; if it returns `{ ok: false }` every item it touched
   * (pools of `netuids`, share pools, balances of `accounts`, totals) is restored.
   */
  transactional<R extends { ok: boolean }>(netuids: number[], accounts: number[], fn: () => R): R;
}
