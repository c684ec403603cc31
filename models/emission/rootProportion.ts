// Root proportion and TAO weight (spec/emission.md §4.2).
// Chain: coinbase/block_step.rs::root_proportion, staking/stake_utils.rs::get_tao_weight.

import type { ChainEconomy } from "./chainEconomy.js";
import { checkedDiv96, mul96, u64Proportion96, u96 } from "./fixedPoint.js";

/** get_tao_weight: U96F32(TaoWeight).safe_div(U96F32(u64::MAX)). */
export function taoWeight96(state: ChainEconomy): bigint {
  return u64Proportion96(state.params.taoWeight);
}

/** root_proportion(i) = tw / (tw + A), tw = SubnetTAO[0]·w_tao, A = SubnetAlphaIn + SubnetAlphaOut (U96F32). */
export function rootProportion(state: ChainEconomy, netuid: number, wTao96: bigint): bigint {
  const tw = mul96(u96(state.subnetTao[0]), wTao96);
  const a = u96(state.alphaIn[netuid] + state.alphaOut[netuid]);
  return checkedDiv96(tw, tw + a) ?? 0n;
}
