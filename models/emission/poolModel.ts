// The pool operations the coinbase needs, behind one narrow interface so models/pool's exact
// balancer can replace the stand-in below (spec/pools-staking-registration.md §1–§2).
// Chain: pallets/swap/src/pallet/impls.rs::{current_price, adjust_protocol_liquidity, swap}.

import type { ChainEconomy } from "./chainEconomy.js";
import { ONE64, mul64, safeDiv64 } from "./fixedPoint.js";

export interface PoolModel {
  /** current_alpha_price(netuid) as U64F64 raw (TAO per alpha). */
  currentPrice(state: ChainEconomy, netuid: number): bigint;
  /** adjust_protocol_liquidity: true if the injection (tao, alpha) is accepted (it may re-weight the pool). */
  adjustProtocolLiquidity(state: ChainEconomy, netuid: number, tao: bigint, alpha: bigint): boolean;
  /**
   * Quote of swap_tao_for_alpha(netuid, tao, max_price, drop_fees = true) on a dynamic pool:
   * alpha paid out (the whole `tao` is paid in), or −1n when the chain refuses the swap.
   * Must not write state.
   */
  buyAlphaNoFee(state: ChainEconomy, netuid: number, tao: bigint): bigint;
}

const PARTS = 1_000_000_000_000_000_000n; // Perquintill accuracy
const MAX_PRICE_U64F64 = 1_000_000_000n << 64n; // max_price 1e18 rao = 1e9 TAO per alpha
const MINIMUM_RESERVE = 1_000_000n;

/** impls.rs::current_price: (w_base/w_quote)·(tao/alpha) in U64F64; 1 for stable pools, 0 if no alpha. */
export function balancerPrice(state: ChainEconomy, netuid: number): bigint {
  if (state.mechanism[netuid] !== 1) return ONE64;
  const x = state.alphaIn[netuid];
  if (x === 0n) return 0n;
  const w2 = state.quoteWeight[netuid];
  const w1 = PARTS - w2;
  const wr = w1 === w2 ? ONE64 : safeDiv64(w1 << 64n, w2 << 64n);
  return mul64(wr, safeDiv64(BigInt(state.subnetTao[netuid]) << 64n, x << 64n));
}

/**
 * Stand-in pool: the balancer with its weights held at 0.5/0.5 (where the chain's curve is
 * x·y = k and the buy is exact: dx = floor(x·(1 − floor(1e18·y/(y+dy))/1e18))). It accepts
 * every injection without re-weighting; the chain re-weights by rounding residue only.
 */
export const balancedPoolModel: PoolModel = {
  currentPrice: balancerPrice,
  adjustProtocolLiquidity: () => true,
  buyAlphaNoFee(state, netuid, tao) {
    const y = state.subnetTao[netuid];
    const x = state.alphaIn[netuid];
    if (tao > y * 1000n) return -1n; // SwapInputTooLarge
    if (x < MINIMUM_RESERVE) return -1n; // ReservesTooLow
    if (balancerPrice(state, netuid) >= MAX_PRICE_U64F64) return -1n; // PriceLimitExceeded
    const total = y + tao;
    if (total === 0n) return -1n;
    const r = (PARTS * y) / total; // pow_ratio_scaled with exponent w2/w1 = 1
    let e = (r << 64n) / PARTS; // U64F64(r) / U64F64(1e18)
    if (e > ONE64) e = ONE64;
    const dx = ((x << 64n) * (ONE64 - e)) >> 128n;
    if (tao !== 0n && dx === 0n) return -1n; // ReservesTooLow
    if (dx > x) return -1n; // InsufficientLiquidity
    return dx;
  },
};
