// A hotkey's epoch dividend split among itself and its parents (spec/emission.md §5.2).
// Chain: coinbase/run_coinbase.rs::{get_parent_child_dividends_distribution, get_self_contribution}.

import type { ChainEconomy } from "./chainEconomy.js";
import { recycleSubnetAlpha } from "./emitToSubnets.js";
import {
  ONE32, checkedDiv96, mul96, satSub, toU64From96, u16Proportion96, u64Proportion96, u96,
} from "./fixedPoint.js";

/** get_self_contribution: floor(alpha·r + (root·r)·w_tao), r = 1 − Σ proportions given to children. */
export function selfContribution(state: ChainEconomy, hotkey: number, netuid: number, wTao96: bigint): bigint {
  let remaining = ONE32;
  const children = state.keys.children[netuid].get(hotkey);
  if (children) for (const c of children) remaining = satSub(remaining, u64Proportion96(c.proportion));
  const alpha = mul96(u96(state.keys.stake[netuid][hotkey]), remaining);
  const root = mul96(mul96(u96(state.keys.stake[0][hotkey]), remaining), wTao96);
  return toU64From96(alpha + root);
}

/** Effective childkey take: max(ChildkeyTake[hk][i], MinChildkeyTake), as U96F32 of u16::MAX. */
function childkeyTake96(state: ChainEconomy, hotkey: number, netuid: number): bigint {
  const own = state.keys.childkeyTake[netuid][hotkey];
  return u16Proportion96(Math.max(own, state.params.minChildkeyTake));
}

/**
 * get_parent_child_dividends_distribution: calls `emit(hotkey, amount u64)` for each parent (storage
 * order, parent's full stake × proportion, alpha + root·w_tao) and last for the hotkey itself
 * (its remaining share plus the childkey takes). Parents under another coldkey pay the CK burn
 * (recycled now) and the childkey take.
 */
export function parentChildDividends(
  state: ChainEconomy,
  hotkey: number,
  netuid: number,
  dividend: bigint,
  wTao96: bigint,
  emit: (hotkey: number, amount: bigint) => void,
): void {
  const parents = state.keys.parents[netuid].get(hotkey);
  if (!parents || parents.length === 0) {
    emit(hotkey, dividend); // tou64!(U96F32(d)) = d
    return;
  }
  const total = u96(dividend);
  let remaining = total;
  const burnProp = u64Proportion96(state.params.ckBurn);
  const takeProp = childkeyTake96(state, hotkey, netuid);
  let contributionSum = u96(selfContribution(state, hotkey, netuid, wTao96));
  const contributions: bigint[] = [];
  for (const p of parents) {
    const pp = u64Proportion96(p.proportion);
    const c =
      mul96(u96(state.keys.stake[netuid][p.hotkey]), pp) +
      mul96(mul96(u96(state.keys.stake[0][p.hotkey]), pp), wTao96);
    contributions.push(c);
    contributionSum += c;
  }
  const owner = state.keys.owner;
  let childTake = 0n;
  for (let j = 0; j < parents.length; j++) {
    const p = parents[j].hotkey;
    let pe = mul96(total, checkedDiv96(contributions[j], contributionSum) ?? 0n);
    remaining = satSub(remaining, pe);
    if (owner[p] !== owner[hotkey]) {
      const burn = mul96(burnProp, pe);
      const take = mul96(takeProp, pe);
      pe = satSub(satSub(pe, burn), take);
      childTake += take;
      recycleSubnetAlpha(state, netuid, toU64From96(burn));
    }
    emit(p, toU64From96(pe));
  }
  emit(hotkey, toU64From96(remaining + childTake));
}
