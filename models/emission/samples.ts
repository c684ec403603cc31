// Sample rows for the run outputs (interfaces.md: subnets.csv amount columns, chain.csv).

import type { ChainEconomy } from "./chainEconomy.js";
import { balancerPool, type PoolModel } from "./poolModel.js";

/** The subnets.csv columns this model owns (rao; `_total` cumulative since the run's start). */
export interface SubnetSample {
  netuid: number;
  priceRaw: bigint; // current_alpha_price, U64F64 raw
  price: number; // TAO per alpha (float64 of priceRaw)
  tao_reserve: bigint;
  alpha_reserve: bigint;
  alpha_outstanding: bigint;
  tao_in_total: bigint; // TAO that entered the pool from emission: injection + chain buys
  alpha_in_total: bigint; // alpha injected into the pool reserve
  owner_alpha_total: bigint;
  miner_alpha_total: bigint;
  validator_alpha_total: bigint;
  root_alpha_total: bigint;
  recycled_alpha_total: bigint;
  // model-specific columns
  excess_tao_total: bigint; // part of tao_in_total spent on chain buys
  alpha_out_total: bigint; // alpha minted to SubnetAlphaOut
  burned_alpha_total: bigint;
  moving_price: number; // SubnetMovingPrice as float64
}

const TWO64 = 18446744073709551616;

export function subnetSample(state: ChainEconomy, netuid: number, pool: PoolModel = balancerPool): SubnetSample {
  const i = netuid;
  const priceRaw = pool.currentPrice(state, i);
  return {
    netuid,
    priceRaw,
    price: Number(priceRaw) / TWO64,
    tao_reserve: state.subnetTao[i],
    alpha_reserve: state.alphaIn[i],
    alpha_outstanding: state.alphaOut[i],
    tao_in_total: state.taoInTotal[i] + state.excessTaoTotal[i],
    alpha_in_total: state.alphaInTotal[i],
    owner_alpha_total: state.ownerAlphaTotal[i],
    miner_alpha_total: state.minerAlphaTotal[i],
    validator_alpha_total: state.validatorAlphaTotal[i],
    root_alpha_total: state.rootAlphaTotal[i],
    recycled_alpha_total: state.recycledAlphaTotal[i],
    excess_tao_total: state.excessTaoTotal[i],
    alpha_out_total: state.alphaOutTotal[i],
    burned_alpha_total: state.burnedAlphaTotal[i],
    moving_price: Number(state.movingPrice[i]) / 4294967296,
  };
}

/** The chain.csv columns (rao). */
export interface ChainSample {
  total_issuance: bigint;
  block_emission: bigint; // TAO minted by the last block
  total_stake: bigint;
  free_balance_total: bigint;
}

export function chainSample(state: ChainEconomy): ChainSample {
  return {
    total_issuance: state.totalIssuance,
    block_emission: state.blockEmission,
    total_stake: state.totalStake,
    free_balance_total: state.freeBalanceTotal,
  };
}
