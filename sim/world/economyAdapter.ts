// The coinbase of one block through models/emission (spec/emission.md §1–§5): mint, run_coinbase
// (injection, chain buys, pending buckets, drain), then, per drained subnet, the Yuma epoch and
// distribute_emission, then update_moving_prices. Composed from the model's parts so that the
// scenario's block emission schedule and the engine's epoch runner plug in here, in one file.
import { blockEmissionForIssuance, DEFAULT_BLOCK_EMISSION, mintableTao } from "../../models/emission/blockEmission.js";
import type { ChainEconomy } from "../../models/emission/chainEconomy.js";
import { distributeEmission, type StakeSink } from "../../models/emission/distributeEmission.js";
import { nextEpochStartBlock } from "../../models/emission/epochScheduler.js";
import { balancerPool, type PoolModel } from "../../models/emission/poolModel.js";
import { runCoinbase, updateMovingPrices } from "../../models/emission/stepBlock.js";
import type { EpochOutput } from "../../models/consensus/types.js";
import { TWO64 } from "../../models/chainConstants.js";

/** Emission schedule of the scenario's `chain` block. */
export interface MintSchedule {
  /** DefaultBlockEmission in rao (1e9 on the chain). */
  defaultBlockEmission: bigint;
  /** Apply the issuance-driven halvings. */
  halving: boolean;
}

/** The pool the coinbase prices, injects and chain-buys with: the chain's re-weighting balancer (models/pool). */
export const COINBASE_POOL: PoolModel = balancerPool;

/** get_block_emission: this block's emission under the schedule (before the supply cap). */
export function scheduledBlockEmission(econ: ChainEconomy, schedule: MintSchedule): bigint {
  const e = schedule.halving ? blockEmissionForIssuance(econ.totalIssuance) : DEFAULT_BLOCK_EMISSION;
  return schedule.defaultBlockEmission === DEFAULT_BLOCK_EMISSION ? e : (e * schedule.defaultBlockEmission) / DEFAULT_BLOCK_EMISSION;
}

/** get_block_emission + mint_tao; returns the credit. */
export function mint(econ: ChainEconomy, schedule: MintSchedule): bigint {
  const e = scheduledBlockEmission(econ, schedule);
  const minted = mintableTao(e, econ.totalIssuance);
  econ.totalIssuance += minted;
  econ.blockEmission = minted;
  return minted;
}

export type EpochRunner = (netuid: number, raoEmission: bigint, block: number) => EpochOutput;

/**
 * block_step from the mint on: mint, `beforeCoinbase` (reveal_crv3_commits), run_coinbase with the
 * drained subnets' epochs and distribution, update_moving_prices. Returns how many subnets drained
 * (their netuids are in econ.scratch.drained).
 */
export function economyBlockStep(econ: ChainEconomy, block: number, schedule: MintSchedule, runEpochOf: EpochRunner, sink: StakeSink, beforeCoinbase: (block: number) => void): number {
  const credit = mint(econ, schedule);
  beforeCoinbase(block);
  const drained = runCoinbase(econ, block, credit, COINBASE_POOL);
  const s = econ.scratch;
  for (let k = 0; k < drained; k++) {
    const i = s.drained[k];
    const sv = s.drainedServer[k];
    const vv = s.drainedValidator[k];
    const rr = s.drainedRoot[k];
    const out = runEpochOf(i, sv + vv + rr, block);
    distributeEmission(econ, i, sv, vv, rr, s.drainedOwnerCut[k], out, sink);
    econ.lastMechanismStepBlock[i] = block;
  }
  updateMovingPrices(econ, block, COINBASE_POOL);
  return drained;
}

/** Earliest block at which any subnet's epoch may run. */
export function nextEpochBlockOf(econ: ChainEconomy): number {
  let next = Infinity;
  for (let i = 1; i < econ.netuids; i++) {
    if (econ.added[i] !== 1) continue;
    const b = nextEpochStartBlock(econ, i);
    if (b !== null && b < next) next = b;
  }
  return next;
}

/** Spot price in TAO per alpha (float64 of the U64F64 price). */
export function spotPrice(econ: ChainEconomy, netuid: number): number {
  return Number(COINBASE_POOL.currentPrice(econ, netuid)) / Number(TWO64);
}
