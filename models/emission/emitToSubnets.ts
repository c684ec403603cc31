// Per-subnet injection of one block (spec/emission.md §3, §4.1).
// Chain: coinbase/run_coinbase.rs::{get_subnet_terms, inject_and_maybe_swap, emit_to_subnets},
//        staking/stake_utils.rs::swap_tao_for_alpha, coinbase/alpha.rs::recycle_subnet_alpha.

import { blockEmissionForIssuance } from "./blockEmission.js";
import type { ChainEconomy } from "./chainEconomy.js";
import {
  HALF32, checkedDiv96, mul96, satSub, toU64From96, u16Proportion96, u64f64ToU96, u96,
} from "./fixedPoint.js";
import type { PoolModel } from "./poolModel.js";
import { rootProportion } from "./rootProportion.js";

/**
 * get_subnet_terms: per emitting subnet (pre-injection state) tao_in, alpha_in, alpha_out, excess
 * (U96F32 raw into the scratch arrays). alpha_in = tao_emission / price, capped at
 * root_proportion · alpha_emission (then tao_in = alpha_in · price); the rest of the TAO is excess.
 */
export function subnetTerms(state: ChainEconomy, pool: PoolModel, wTao96: bigint): void {
  const s = state.scratch;
  for (let k = 0; k < s.nEmit; k++) {
    const i = s.emit[k];
    const taoEmission = s.taoEmission[k];
    const alphaEmission = u96(blockEmissionForIssuance(state.alphaIn[i] + state.alphaOut[i]));
    const price = u64f64ToU96(pool.currentPrice(state, i));
    let taoIn = taoEmission;
    let alphaIn = checkedDiv96(taoEmission, price) ?? 0n; // safe_div_or(price, 0)
    const cap = mul96(rootProportion(state, i, wTao96), alphaEmission);
    if (alphaIn > cap) {
      alphaIn = cap;
      taoIn = mul96(alphaIn, price);
    }
    s.taoIn[k] = taoIn;
    s.alphaIn[k] = alphaIn;
    s.alphaOut[k] = alphaEmission;
    s.excess[k] = satSub(taoEmission, taoIn);
  }
}

/** recycle_subnet_alpha: SubnetAlphaOut −= x, TotalAlphaIssuance −= x (both saturating). */
export function recycleSubnetAlpha(state: ChainEconomy, netuid: number, x: bigint): void {
  if (x === 0n) return;
  state.alphaOut[netuid] = satSub(state.alphaOut[netuid], x);
  state.alphaIssuance[netuid] = satSub(state.alphaIssuance[netuid], x);
  state.recycledAlphaTotal[netuid] += x;
}

/**
 * swap_tao_for_alpha(netuid, tao, max_price, drop_fees = true) through the pool (models/pool), plus
 * the economy's ledger: TotalStake += tao, and a stable pool paying out more alpha than its reserve
 * mints the difference. Returns the TAO that entered the pool and the alpha bought, or null on refusal.
 */
function chainBuy(state: ChainEconomy, pool: PoolModel, i: number, tao: bigint): { paidIn: bigint; bought: bigint } | null {
  const reserve = state.alphaIn[i];
  const r = pool.buyAlphaNoFee(state, i, tao);
  if (!r.ok) return null;
  if (r.amountPaidOut > reserve) state.alphaIssuance[i] += r.amountPaidOut - reserve; // reserve saturated at 0
  state.totalStake += r.totalStakeDelta;
  return { paidIn: r.amountPaidIn, bought: r.amountPaidOut };
}

/**
 * The excess TAO `x` (already taken from the credit) is spent into the subnet account and chain-bought;
 * what the buy does not take in (refusal, or a fill cut at max_price) stays in the account.
 */
export function buyWithExcess(state: ChainEconomy, pool: PoolModel, i: number, x: bigint): void {
  state.accountTao[i] += x; // spend_tao into the subnet account
  const r = chainBuy(state, pool, i, x);
  if (r !== null) {
    state.accountTao[i] -= r.paidIn;
    state.protocolAlpha[i] += r.bought;
    state.excessTao[i] = r.paidIn; // SubnetExcessTao = amount_paid_in
    state.excessTaoTotal[i] += r.paidIn;
  }
}

/**
 * inject_and_maybe_swap: per subnet, chain-buy the excess TAO (bought alpha is protocol-owned),
 * then add alpha_in to SubnetAlphaIn and tao_in to SubnetTAO. Returns the TAO credit left, which
 * the caller recycles (never minted).
 */
export function injectAndMaybeSwap(state: ChainEconomy, pool: PoolModel, credit: bigint): bigint {
  const s = state.scratch;
  for (let k = 0; k < s.nEmit; k++) {
    const i = s.emit[k];
    if (state.added[i] !== 1) continue;
    let t = toU64From96(s.taoIn[k]);
    let a = toU64From96(s.alphaIn[k]);
    const x = toU64From96(s.excess[k]);
    if (!pool.adjustProtocolLiquidity(state, i, t, a)) {
      t = 0n;
      a = 0n;
    }
    state.excessTao[i] = 0n;
    state.taoInEmission[i] = 0n;
    if (x > 0n && credit >= x) {
      credit -= x;
      buyWithExcess(state, pool, i, x);
    }
    state.alphaInEmission[i] = a;
    state.alphaIn[i] += a;
    state.alphaIssuance[i] += a;
    state.alphaInTotal[i] += a;
    if (t > 0n && credit >= t) {
      credit -= t;
      state.taoInEmission[i] = t;
      state.subnetTao[i] += t;
      state.totalStake += t;
      state.taoInTotal[i] += t;
    }
  }
  return credit;
}

/**
 * emit_to_subnets step 3: mint floor(alpha_out) to SubnetAlphaOut and split it: owner cut,
 * then 50 % server, validator half minus the root share (root_proportion recomputed on the
 * post-mint state), root share pending if `sell` else recycled. Flooring dust stays unowned.
 */
export function splitAlphaOut(state: ChainEconomy, sell: boolean, wTao96: bigint): void {
  const s = state.scratch;
  const cut = u16Proportion96(state.params.subnetOwnerCut);
  for (let k = 0; k < s.nEmit; k++) {
    const i = s.emit[k];
    let ao = s.alphaOut[k];
    const created = toU64From96(ao);
    state.alphaOutEmission[i] = created;
    state.alphaOut[i] += created;
    state.alphaIssuance[i] += created;
    state.alphaOutTotal[i] += created;
    let owner = 0n;
    if (state.ownerCutEnabled[i] === 1) {
      const oc = mul96(ao, cut);
      ao = satSub(ao, oc);
      owner = toU64From96(oc);
      state.pendingOwnerCut[i] += owner;
    }
    const rp = rootProportion(state, i, wTao96);
    const root = mul96(mul96(rp, ao), HALF32);
    const server = mul96(ao, HALF32);
    const validator = satSub(satSub(ao, server), root);
    const srv = toU64From96(server);
    const val = toU64From96(validator);
    const rt = toU64From96(root);
    state.pendingServer[i] += srv;
    state.pendingValidator[i] += val;
    if (sell) state.pendingRoot[i] += rt;
    else recycleSubnetAlpha(state, i, rt);
    state.unownedAlpha[i] += created - owner - srv - val - rt;
  }
}
