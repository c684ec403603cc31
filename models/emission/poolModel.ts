// The coinbase's pool operations on the economy's columns, each one a call into models/pool's
// balancer (spec/pools-staking-registration.md §1–§2, spec/emission.md §3.2): the economy keeps
// no pool math of its own. Chain: pallets/swap/src/pallet/impls.rs::{current_price,
// adjust_protocol_liquidity}, staking/stake_utils.rs::swap_tao_for_alpha.
import { adjustProtocolLiquidity } from "../pool/injection.js";
import { type AppliedSwapResult, swapTaoForAlpha } from "../pool/applySwap.js";
import { DEFAULT_FEE_RATE, MAX_PRICE_RAO, MINIMUM_RESERVE, type Pool } from "../pool/pool.js";
import { currentPrice } from "../pool/swap.js";
import type { ChainEconomy } from "./chainEconomy.js";

export interface PoolModel {
  /** current_alpha_price(netuid) as U64F64 raw (TAO per alpha). */
  currentPrice(state: ChainEconomy, netuid: number): bigint;
  /** adjust_protocol_liquidity: re-weights the pool for the coming injection; false (weights kept) when refused. */
  adjustProtocolLiquidity(state: ChainEconomy, netuid: number, tao: bigint, alpha: bigint): boolean;
  /**
   * The pool side of swap_tao_for_alpha(netuid, tao, max_price, drop_fees = true): on success the
   * reserves, SubnetAlphaOut and the balancer are written; the caller keeps TotalStake and accounts.
   */
  buyAlphaNoFee(state: ChainEconomy, netuid: number, tao: bigint): AppliedSwapResult;
}

/** A models/pool Pool over netuid's columns (FeeRate is irrelevant: the coinbase's swaps drop fees). */
export function poolView(state: ChainEconomy, netuid: number): Pool {
  return {
    mechanism: state.mechanism[netuid] === 1 ? 1 : 0,
    taoReserve: state.subnetTao[netuid],
    alphaReserve: state.alphaIn[netuid],
    alphaOut: state.alphaOut[netuid],
    quoteWeight: state.quoteWeight[netuid],
    balancerInitialized: state.balancerInitialized[netuid] === 1,
    feeRate: DEFAULT_FEE_RATE,
  };
}

/** Writes a Pool back into netuid's columns. */
function store(state: ChainEconomy, netuid: number, p: Pool): void {
  state.subnetTao[netuid] = p.taoReserve;
  state.alphaIn[netuid] = p.alphaReserve;
  state.alphaOut[netuid] = p.alphaOut;
  state.quoteWeight[netuid] = p.quoteWeight;
  state.balancerInitialized[netuid] = p.balancerInitialized ? 1 : 0;
}

/** The chain's balancer pool: the weights move on every injection, the chain buy runs at those weights. */
export const balancerPool: PoolModel = {
  currentPrice: (state, netuid) => currentPrice(poolView(state, netuid)),
  adjustProtocolLiquidity(state, netuid, tao, alpha) {
    const p = poolView(state, netuid);
    const act = adjustProtocolLiquidity(p, tao, alpha);
    state.quoteWeight[netuid] = p.quoteWeight;
    return act.tao === tao && act.alpha === alpha;
  },
  buyAlphaNoFee(state, netuid, tao) {
    const p = poolView(state, netuid);
    const r = swapTaoForAlpha(p, tao, MAX_PRICE_RAO, true, MINIMUM_RESERVE);
    if (r.ok) store(state, netuid, p);
    return r;
  },
};
