// Chain state and agents of one run. The models own the formulas; the world owns the columns and
// wires them: ChainEconomy (pools, stakes, issuance, schedule), one SubnetWorld per subnet (uids,
// weights, bonds, permits, commits), free balances and share pools, and the agents.
import type { MinerOperator } from "../../models/agents/minerOperator.js";
import type { StakerState } from "../../models/agents/stakers.js";
import type { SubnetView } from "../../models/agents/types.js";
import type { ValidatorAgent } from "../../models/agents/validators.js";
import type { Arith } from "../../models/consensus/types.js";
import type { ChainEconomy } from "../../models/emission/chainEconomy.js";
import type { Scenario } from "../../scenarios/schema.js";
import type { Rng } from "../rng/createRng.js";
import type { EngineWorld } from "../engine/runEngine.js";
import type { Accounts } from "./Accounts.js";
import type { OpsLog } from "./opsLog.js";
import { economyBlockStep, nextEpochBlockOf, type MintSchedule } from "./economyAdapter.js";
import { runSubnetEpoch } from "./epochAdapter.js";
import { runVariantSubnetEpoch } from "./variantEpochAdapter.js";
import { runPoolsEpoch } from "./poolsEpoch.js";
import type { Keyring } from "../../models/registration/registerNeuron.js";
import { worldKeyring, type BurnClock } from "./registrationOps.js";
import { revealDueCommits } from "./weightsOps.js";
import { autoClaimRoot } from "./rootClaimOps.js";
import { ChainBuyLog } from "./chainBuyLog.js";
import { stakeRoot } from "../../models/emission/chainEconomy.js";
import type { SubnetWorld } from "./SubnetWorld.js";

/** A miner operator and where its hotkeys sit. */
export interface MinerSlot {
  op: MinerOperator;
  sub: SubnetWorld;
  coldkey: number;
  group: number;
  strategy: string;
  label: number;
}

export interface StakerSlot {
  state: StakerState;
  sub: SubnetWorld;
  group: number;
}

export interface UserSlot {
  sub: SubnetWorld;
  group: number;
  coldkey: number;
  taoPerDay: (day: number) => number;
  everyBlocks: number;
}

export class World implements EngineWorld {
  readonly validators: ValidatorAgent[][] = []; // per subnet index
  readonly operators: MinerSlot[] = [];
  readonly stakers: StakerSlot[] = [];
  readonly users: UserSlot[] = [];
  readonly burnClocks: BurnClock[] = [];
  /** Indices into `operators` / `stakers` by subnet index (netuid − 1). */
  readonly operatorsOf: number[][] = [];
  readonly stakersOf: number[][] = [];
  /** The read-only view agents get of each subnet (created on first use; see agentRuntime). */
  readonly views: (SubnetView | undefined)[] = [];
  /** Scenario coldkey that stakes in `stake` / `unstake` events. */
  outsideColdkey = -1;
  /** Next unused hotkey / coldkey ids (for registrations from events). */
  nextHotkey = 0;
  nextColdkey = 0;
  stakeThreshold = 0n;
  private chainBuys: ChainBuyLog | undefined = undefined;
  /** StakingHotkeys of coldkeys with root stake (the hotkeys they staked to on root, in order). */
  readonly stakingHotkeys = new Map<number, number[]>();
  /** Root dividends claimed so far: TAO staked on root by Swap claims, alpha claimed per netuid slot. */
  rootClaimedTao = 0n;
  readonly rootClaimedAlpha: bigint[] = [];
  /** Alpha sold into each netuid slot's pool by holders (unstakes, moves out, Swap claims), cumulative. */
  readonly alphaSold: bigint[] = [];
  /** Hotkeys of the aggregate validators shared by the `detail: pools` subnets (matureSubnet.ts). */
  aggregateValidators: number[] | undefined = undefined;
  /** The run's first block (0, or the snapshot's block for a run that starts from one). */
  startBlock = 0;
  /** The operations log (ops.csv) when the run keeps one; null: call sites build no record. */
  ops: OpsLog | null = null;
  /** Owner / OwnedHotkeys / free balances as the models' Keyring. */
  readonly keyring: Keyring;
  private readonly runEpochOf: (netuid: number, rao: bigint, block: number) => ReturnType<typeof runSubnetEpoch>;

  constructor(
    readonly scenario: Scenario,
    readonly rng: Rng,
    readonly econ: ChainEconomy,
    readonly accounts: Accounts,
    /** Subnets in scenario order; subnets[k].netuid = k + 1 (the models' dense slot). */
    readonly subnets: SubnetWorld[],
    readonly schedule: MintSchedule,
    readonly arith: Arith,
  ) {
    this.keyring = worldKeyring(econ, accounts, () => this.nextHotkey);
    this.runEpochOf = (netuid, rao, block) => {
      const sub = this.subnets[netuid - 1];
      if (sub.aggregate) return runPoolsEpoch(sub, this.econ, block, rao);
      return sub.variantEpoch === null
        ? runSubnetEpoch(sub, this.econ, block, rao, this.arith)
        : runVariantSubnetEpoch(sub, sub.variantEpoch, this.econ, block, rao);
    };
  }

  /**
   * A new hotkey owned by `coldkey` (ChainEconomy's hotkey columns grow by doubling when full;
   * buildWorld sizes them for the scenario, so this only grows for hotkeys nobody planned).
   */
  newHotkey(coldkey: number): number {
    const keys = this.econ.keys;
    const hk = this.nextHotkey++;
    if (hk >= keys.count) {
      const cap = Math.max(hk + 1, keys.count * 2);
      const grow = <T extends Int32Array | Uint16Array | BigUint64Array>(a: T, make: (n: number) => T): T => {
        const b = make(cap);
        b.set(a as never);
        return b;
      };
      keys.owner = grow(keys.owner, (n) => new Int32Array(n));
      keys.take = grow(keys.take, (n) => new Uint16Array(n).fill(11_796));
      keys.stake = keys.stake.map((col) => grow(col, (n) => new BigUint64Array(n)));
      keys.childkeyTake = keys.childkeyTake.map((col) => grow(col, (n) => new Uint16Array(n)));
      keys.count = cap;
    }
    keys.owner[hk] = coldkey;
    return hk;
  }

  /** Adds a miner operator; returns its index. */
  addOperator(slot: MinerSlot): number {
    const k = this.operators.length;
    this.operators.push(slot);
    (this.operatorsOf[slot.sub.netuid - 1] ??= []).push(k);
    return k;
  }

  addStaker(slot: StakerSlot): number {
    const k = this.stakers.length;
    this.stakers.push(slot);
    (this.stakersOf[slot.sub.netuid - 1] ??= []).push(k);
    return k;
  }

  /** The subnet with the scenario's netuid. */
  subnetByPublicNetuid(netuid: number): SubnetWorld {
    const sub = this.subnets.find((s) => s.publicNetuid === netuid);
    if (sub === undefined) throw new Error(`no subnet with netuid ${netuid}`);
    return sub;
  }

  /**
   * block_step (coinbase/block_step.rs), in the chain's order:
   * 1. update_registration_prices_for_networks — BurnClock, applied lazily up to any block that reads Burn;
   * 2. get_block_emission + mint — economyBlockStep;
   * 3. reveal_crv3_commits — revealDueCommits, per subnet;
   * 4. run_coinbase — subnet split, injection and chain buys, alpha-out split, pending drain, the drained
   *    subnets' epochs and distribute_emission — economyBlockStep;
   * 5. update_moving_prices — economyBlockStep.
   * The block's extrinsics (agents, scheduled events) follow in the engine's later phases.
   */
  blockStep(block: number): number {
    this.accounts.block = block; // the block's extrinsics follow its block step
    if (this.ops !== null) (this.chainBuys ??= new ChainBuyLog(this.econ)).before();
    const drained = economyBlockStep(this.econ, block, this.schedule, this.runEpochOf, this.accounts, this.revealAll);
    if (this.ops !== null) this.chainBuys?.after(block, this.ops);
    if (this.econ.rootClaims.numStakingColdkeys > 0n) autoClaimRoot(this, block);
    return drained;
  }

  /** Genesis root (netuid 0) stake of `hotkey` held by `coldkey`: stake_into_subnet on root, and the auto-claim index. */
  addRootStake(hotkey: number, coldkey: number, tao: bigint): void {
    stakeRoot(this.econ, hotkey, tao);
    this.noteRootStaker(hotkey, coldkey);
  }

  /** StakingHotkeys[coldkey] gains `hotkey` (a root stake), and the coldkey joins the auto-claim index. */
  noteRootStaker(hotkey: number, coldkey: number): void {
    let hks = this.stakingHotkeys.get(coldkey);
    if (hks === undefined) this.stakingHotkeys.set(coldkey, (hks = []));
    if (!hks.includes(hotkey)) hks.push(hotkey);
    this.econ.rootClaims.maybeAddColdkeyIndex(coldkey); // claim_root.rs::maybe_add_coldkey_index
  }

  private readonly revealAll = (block: number): void => {
    for (const sub of this.subnets) revealDueCommits(sub, this.econ, block, this.ops);
  };

  drainedNetuid(k: number): number {
    return this.econ.scratch.drained[k];
  }

  nextEpochBlock(): number {
    return nextEpochBlockOf(this.econ);
  }
}
