// One block of the chain's money flow, in block_step order (spec/emission.md §1–§5).
// Chain: coinbase/block_step.rs::block_step → tao.rs::get_block_emission,
//        run_coinbase.rs::run_coinbase, block_step.rs::update_moving_prices.

import type { EpochOutput } from "../consensus/types.js";
import { blockEmissionForIssuance, mintableTao } from "./blockEmission.js";
import type { ChainEconomy } from "./chainEconomy.js";
import { type DistributionReport, type StakeSink, distributeEmission } from "./distributeEmission.js";
import { injectAndMaybeSwap, splitAlphaOut, subnetTerms } from "./emitToSubnets.js";
import { drainPending } from "./epochScheduler.js";
import { emitToSubnetsFast } from "./fastCoinbase.js";
import { updateMovingPricesFast } from "./fastMovingPrice.js";
import { updateMovingPrice } from "./movingPrice.js";
import { balancerPool, type PoolModel } from "./poolModel.js";
import { taoWeight96 } from "./rootProportion.js";
import { rootSellFlag, subnetBlockEmissions, subnetsToEmitTo } from "./subnetShares.js";

/** Runs the epoch of `netuid` on `raoEmission` (= S + V + R) against the current state. */
export type EpochRunner = (netuid: number, raoEmission: bigint, state: ChainEconomy) => EpochOutput;

export interface StepOptions {
  pool?: PoolModel; // default: balancerPool
  runEpoch?: EpochRunner; // required on blocks where a subnet drains
  sink?: StakeSink;
  onDistributed?: (report: DistributionReport) => void;
}

/** get_block_emission + mint_tao: adds this block's TAO to TotalIssuance and returns it (the credit). */
export function mintBlockEmission(state: ChainEconomy): bigint {
  const minted = mintableTao(blockEmissionForIssuance(state.totalIssuance), state.totalIssuance);
  state.totalIssuance += minted;
  state.blockEmission = minted;
  return minted;
}

/**
 * run_coinbase(credit) up to the drain: split the credit over the emitting subnets, inject,
 * chain-buy, mint and split alpha_out into the pending buckets, recycle the unspent credit
 * (TotalIssuance −= it), then drain due subnets into state.scratch. Returns how many drained.
 * With the chain's pool this runs on exact `number` arithmetic at any quote weight (fastCoinbase.ts),
 * bit-identical to `runCoinbaseReference`; the per-subnet working buffers of the scratch (shares …
 * excess) are then not filled. Out-of-range states (fastCoinbase.ts' header) run the reference.
 */
export function runCoinbase(state: ChainEconomy, block: number, credit: bigint, pool: PoolModel = balancerPool): number {
  const s = state.scratch;
  s.nEmit = subnetsToEmitTo(state, s.emit);
  state.taoFlow.currentBlock = block; // get_ema_flow's current block (share rule "flow")
  if (s.nEmit > 0) {
    const fast = pool === balancerPool && state.params.shareRule !== "flow"; // flow shares: BigInt reference only
    const left = fast ? emitToSubnetsFast(state, pool, credit) : null;
    credit = left ?? emitToSubnetsReference(state, credit, pool);
  }
  return recycleAndDrain(state, block, credit);
}

/** run_coinbase on the BigInt reference path only (the differential tests' oracle). */
export function runCoinbaseReference(state: ChainEconomy, block: number, credit: bigint, pool: PoolModel = balancerPool): number {
  const s = state.scratch;
  s.nEmit = subnetsToEmitTo(state, s.emit);
  state.taoFlow.currentBlock = block;
  if (s.nEmit > 0) credit = emitToSubnetsReference(state, credit, pool);
  return recycleAndDrain(state, block, credit);
}

/** get_subnet_block_emissions … emit_to_subnets in BigInt fixed point; returns the credit left. */
function emitToSubnetsReference(state: ChainEconomy, credit: bigint, pool: PoolModel): bigint {
  const s = state.scratch;
  const wTao = taoWeight96(state);
  subnetBlockEmissions(state, s.emit, s.nEmit, credit, s.shares, s.taoEmission);
  const sell = rootSellFlag(state, s.emit, s.nEmit);
  subnetTerms(state, pool, wTao);
  const left = injectAndMaybeSwap(state, pool, credit);
  splitAlphaOut(state, sell, wTao);
  return left;
}

function recycleAndDrain(state: ChainEconomy, block: number, credit: bigint): number {
  if (credit > 0n) {
    state.totalIssuance -= credit; // recycle_credit: the rest is never created
    state.recycledTaoTotal += credit;
  }
  return drainPending(state, block);
}

/** Coinbase of one block without epochs: mint, then run_coinbase. Returns how many subnets drained. */
export function coinbase(state: ChainEconomy, block: number, pool: PoolModel = balancerPool): number {
  return runCoinbase(state, block, mintBlockEmission(state), pool);
}

/** coinbase on the reference path only. */
export function coinbaseReference(state: ChainEconomy, block: number, pool: PoolModel = balancerPool): number {
  return runCoinbaseReference(state, block, mintBlockEmission(state), pool);
}

/** update_moving_prices: for every subnet in get_subnets_to_emit_to, after the coinbase. */
export function updateMovingPrices(state: ChainEconomy, block: number, pool: PoolModel = balancerPool): void {
  const s = state.scratch;
  const n = subnetsToEmitTo(state, s.emit);
  if (pool === balancerPool) updateMovingPricesFast(state, s.emit, n, block, pool);
  else for (let k = 0; k < n; k++) updateMovingPrice(state, s.emit[k], block, pool);
}

/** update_moving_prices on the reference path only. */
export function updateMovingPricesReference(state: ChainEconomy, block: number, pool: PoolModel = balancerPool): void {
  const s = state.scratch;
  const n = subnetsToEmitTo(state, s.emit);
  for (let k = 0; k < n; k++) updateMovingPrice(state, s.emit[k], block, pool);
}

/** One whole block: coinbase, the epochs and distributions of drained subnets, moving prices. */
export function stepBlock(state: ChainEconomy, block: number, opts: StepOptions = {}): number {
  const pool = opts.pool ?? balancerPool;
  const s = state.scratch;
  const drained = coinbase(state, block, pool);
  for (let k = 0; k < drained; k++) {
    const i = s.drained[k];
    if (!opts.runEpoch) throw new Error(`stepBlock: netuid ${i} drains at block ${block} but no runEpoch was given`);
    const sv = s.drainedServer[k];
    const vv = s.drainedValidator[k];
    const rr = s.drainedRoot[k];
    const oc = s.drainedOwnerCut[k];
    const out = opts.runEpoch(i, sv + vv + rr, state);
    const rep = distributeEmission(state, i, sv, vv, rr, oc, out, opts.sink);
    state.lastMechanismStepBlock[i] = block;
    opts.onDistributed?.(rep);
  }
  updateMovingPrices(state, block, pool);
  return drained;
}
