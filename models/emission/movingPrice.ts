// Subnet moving (EMA) price, updated after the coinbase (spec/emission.md §2.3).
// Chain: staking/stake_utils.rs::update_moving_price, block_step.rs::update_moving_prices.

import type { ChainEconomy } from "./chainEconomy.js";
import { ONE64, mul64, safeDiv64, satSub, u96ToU64f64 } from "./fixedPoint.js";
import type { PoolModel } from "./poolModel.js";
import { movingAlphaPrice } from "./subnetShares.js";

/**
 * update_moving_price (U64F64): a = SubnetMovingAlpha · b/(b + h), b = blocks since start_call,
 * new = a·min(spot, 1) + (1 − a)·old, stored as I96F32 (low 32 fraction bits dropped).
 */
export function updateMovingPrice(state: ChainEconomy, netuid: number, block: number, pool: PoolModel): void {
  const first = state.firstEmissionBlock[netuid];
  const start = first > 0 ? first - 1 : 0;
  const b = BigInt(block > start ? block - start : 0) << 64n;
  const h = BigInt(state.emaPriceHalvingBlocks[netuid]) << 64n;
  const a = mul64(u96ToU64f64(state.params.subnetMovingAlpha), safeDiv64(b, b + h));
  let spot = pool.currentPrice(state, netuid);
  if (spot > ONE64) spot = ONE64;
  const next = mul64(a, spot) + mul64(satSub(ONE64, a), movingAlphaPrice(state, netuid));
  state.movingPrice[netuid] = next >> 32n;
}
