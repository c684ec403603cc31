// Which subnets emit and how one block's TAO emission is split among them (spec/emission.md §2).
// Chain: coinbase/subnet_emissions.rs::{get_subnets_to_emit_to, get_shares, get_shares_price_ema,
//        get_subnet_block_emissions}, run_coinbase.rs::get_network_root_sell_flag,
//        staking/stake_utils.rs::get_moving_alpha_price. get_shares_flow (shareRule "flow"): flowShares.ts.

import type { ChainEconomy, ShareRule } from "./chainEconomy.js";
import { ONE64, mul64, safeDiv64, u64f64ToU96, u96ToU64f64 } from "./fixedPoint.js";
import { sharesFlow } from "./flowShares.js";

/** Whether the rule weights price shares by (1 − MinerBurned) (5c1b38081, the specs' commit). */
export function weightsMinerBurned(rule: ShareRule): boolean {
  return rule === "price" || rule === "priceEmaMinerBurned";
}

/** get_subnets_to_emit_to: ascending netuids ≠ 0 with start_call made, subtoken and registration enabled. */
export function subnetsToEmitTo(state: ChainEconomy, out: Int32Array): number {
  let n = 0;
  for (let i = 1; i < state.netuids; i++) {
    if (
      state.added[i] === 1 &&
      state.firstEmissionBlock[i] >= 0 &&
      state.subtokenEnabled[i] === 1 &&
      state.registrationAllowed[i] === 1
    ) {
      out[n++] = i;
    }
  }
  return n;
}

/** get_moving_alpha_price (U64F64 raw): 1 for root and stable subnets, else SubnetMovingPrice. */
export function movingAlphaPrice(state: ChainEconomy, netuid: number): bigint {
  if (netuid === 0 || state.mechanism[netuid] === 0) return ONE64;
  return u96ToU64f64(state.movingPrice[netuid]);
}

/** get_network_root_sell_flag: Σ moving prices of emitting subnets > 1 (strict, U64F64). */
export function rootSellFlag(state: ChainEconomy, emit: Int32Array, n: number): boolean {
  let sum = 0n;
  for (let k = 0; k < n; k++) sum += movingAlphaPrice(state, emit[k]);
  return sum > ONE64;
}

/**
 * get_shares (U64F64 raw into `shares[k]` for emit[k]): price-EMA shares p_i/Σp, weighted by
 * (1 − min(MinerBurned, 1)) and renormalised, falling back to the plain price shares when every
 * weight is 0. With shareRule "priceEma" the MinerBurned weighting is skipped (pre-5c1b38081 rule);
 * with "flow" the shares are get_shares_flow's (which advances the flow EMAs: once per block).
 */
export function subnetShares(
  state: ChainEconomy,
  emit: Int32Array,
  n: number,
  shares: bigint[],
  weighted: bigint[], // scratch, length ≥ n
): void {
  if (state.params.shareRule === "flow") {
    sharesFlow(state.taoFlow, emit, n, shares);
    return;
  }
  let total = 0n;
  for (let k = 0; k < n; k++) {
    const p = movingAlphaPrice(state, emit[k]);
    shares[k] = p;
    total += p;
  }
  for (let k = 0; k < n; k++) shares[k] = safeDiv64(shares[k], total);
  if (!weightsMinerBurned(state.params.shareRule)) return;
  let weightTotal = 0n;
  for (let k = 0; k < n; k++) {
    let burned = u96ToU64f64(state.minerBurned[emit[k]]);
    if (burned > ONE64) burned = ONE64;
    const w = mul64(shares[k], ONE64 - burned);
    weighted[k] = w;
    weightTotal += w;
  }
  if (weightTotal === 0n) return;
  for (let k = 0; k < n; k++) shares[k] = safeDiv64(weighted[k], weightTotal);
}

/**
 * get_subnet_block_emissions: U96F32 raw TAO emission per emitting subnet into `taoEmission[k]`.
 * Emission-disabled subnets get 0 and their share goes to the enabled ones (renormalised).
 */
export function subnetBlockEmissions(
  state: ChainEconomy,
  emit: Int32Array,
  n: number,
  blockEmission: bigint, // u64 rao
  shares: bigint[],
  taoEmission: bigint[], // doubles as the weights scratch of subnetShares
): void {
  subnetShares(state, emit, n, shares, taoEmission);
  let enabledSum = 0n;
  let anyDisabled = false;
  for (let k = 0; k < n; k++) {
    if (state.emissionEnabled[emit[k]] === 1) enabledSum += shares[k];
    else anyDisabled = true;
  }
  const e64 = blockEmission << 64n;
  for (let k = 0; k < n; k++) {
    let share = shares[k];
    if (anyDisabled) {
      share = state.emissionEnabled[emit[k]] === 1 && enabledSum > 0n ? safeDiv64(share, enabledSum) : 0n;
      shares[k] = share;
    }
    taoEmission[k] = u64f64ToU96(mul64(e64, share));
  }
}
