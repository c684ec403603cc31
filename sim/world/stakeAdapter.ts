// Staking extrinsics on the world's ChainEconomy through models/pool's exact swap (add_stake,
// remove_stake, move_stake within a subnet; spec/pools-staking-registration.md §3). Each checks
// like the chain and returns a typed result; a refused operation changes nothing.
// models/staking keeps its own StakingState; this adapter applies the same rules to the engine's
// columns so that stakes stay in one place. TODO(model): call models/staking once it can run on
// ChainEconomy columns (the block author is absent here: swap fees stay in the subnet account).
import type { ChainEconomy } from "../../models/emission/chainEconomy.js";
import { HALF_WEIGHT } from "../../models/pool/balancer.js";
import { MAX_PRICE_RAO, MIN_PRICE_RAO, type Pool } from "../../models/pool/pool.js";
import { doSwap, limitPriceFromRao, type SwapResult } from "../../models/pool/swap.js";
import type { Accounts } from "./Accounts.js";

export type StakeOutcome = { ok: true; amountIn: bigint; amountOut: bigint; fee: bigint } | { ok: false; error: string };

const DEFAULT_MIN_STAKE = 2_000_000n;
const BUY_LIMIT = limitPriceFromRao(MAX_PRICE_RAO);
const SELL_LIMIT = limitPriceFromRao(MIN_PRICE_RAO);

/** A Pool view of netuid's columns (the swap never writes it). */
export function poolOf(e: ChainEconomy, netuid: number, feeRate: number): Pool {
  return {
    mechanism: e.mechanism[netuid] === 1 ? 1 : 0,
    taoReserve: e.subnetTao[netuid],
    alphaReserve: e.alphaIn[netuid],
    alphaOut: e.alphaOut[netuid],
    quoteWeight: e.quoteWeight[netuid] || HALF_WEIGHT,
    balancerInitialized: true,
    feeRate,
  };
}

function swap(e: ChainEconomy, netuid: number, feeRate: number, side: "buy" | "sell", amount: bigint): SwapResult {
  if (e.mechanism[netuid] !== 1) return { ok: true, amountPaidIn: amount, amountPaidOut: amount, feePaid: 0n, feeToBlockAuthor: 0n, quoteWeight: 0n };
  return doSwap(poolOf(e, netuid, feeRate), side, amount, side === "buy" ? BUY_LIMIT : SELL_LIMIT, false);
}

/** Applies a buy of `tao` (already validated) to the pool columns; returns alpha out. */
export function applyBuy(e: ChainEconomy, netuid: number, r: { amountPaidIn: bigint; amountPaidOut: bigint; feePaid: bigint }, tao: bigint): bigint {
  e.subnetTao[netuid] += r.amountPaidIn;
  e.accountTao[netuid] += tao - r.amountPaidIn; // the fee stays in the subnet account (no block author)
  e.alphaIn[netuid] -= r.amountPaidOut;
  e.alphaOut[netuid] += r.amountPaidOut;
  e.totalStake += tao;
  return r.amountPaidOut;
}

/** add_stake(hotkey, netuid, tao) from `coldkey`. */
export function addStake(e: ChainEconomy, acc: Accounts, netuid: number, coldkey: number, hotkey: number, tao: bigint, feeRate: number): StakeOutcome {
  if (e.added[netuid] !== 1) return { ok: false, error: "SubnetNotExists" };
  if (tao < DEFAULT_MIN_STAKE) return { ok: false, error: "AmountTooLow" };
  if (acc.balance(coldkey) < tao) return { ok: false, error: "NotEnoughBalanceToStake" };
  if (hotkey < 0 || hotkey >= e.keys.count) return { ok: false, error: "HotKeyAccountNotExists" };
  if (e.mechanism[netuid] === 1 && tao > e.subnetTao[netuid] * 1000n) return { ok: false, error: "InsufficientLiquidity" };
  const r = swap(e, netuid, feeRate, "buy", tao);
  if (!r.ok) return { ok: false, error: r.error };
  if (r.amountPaidOut === 0n || r.amountPaidOut > e.alphaIn[netuid]) return { ok: false, error: "InsufficientLiquidity" };
  const pool = acc.pool(netuid, hotkey);
  if (!pool.simUpdateValueForOne(r.amountPaidOut)) return { ok: false, error: "InsufficientLiquidity" };
  acc.credit(coldkey, -tao);
  const alpha = applyBuy(e, netuid, r, tao);
  e.keys.stake[netuid][hotkey] += alpha;
  pool.updateValueForOne(coldkey, alpha);
  return { ok: true, amountIn: tao, amountOut: alpha, fee: r.feePaid };
}

/** remove_stake(hotkey, netuid, alpha) to `coldkey`. */
export function removeStake(e: ChainEconomy, acc: Accounts, netuid: number, coldkey: number, hotkey: number, alpha: bigint, feeRate: number): StakeOutcome {
  if (e.added[netuid] !== 1) return { ok: false, error: "SubnetNotExists" };
  if (alpha === 0n) return { ok: false, error: "AmountTooLow" };
  if (acc.alphaOf(netuid, hotkey, coldkey) < alpha) return { ok: false, error: "NotEnoughStakeToWithdraw" };
  if (e.mechanism[netuid] === 1 && alpha > e.alphaIn[netuid] * 1000n) return { ok: false, error: "InsufficientLiquidity" };
  const r = swap(e, netuid, feeRate, "sell", alpha);
  if (!r.ok) return { ok: false, error: r.error };
  if (r.amountPaidOut > e.subnetTao[netuid]) return { ok: false, error: "InsufficientLiquidity" };
  const pool = acc.pool(netuid, hotkey);
  pool.updateValueForOne(coldkey, -alpha);
  e.keys.stake[netuid][hotkey] -= alpha;
  e.alphaIn[netuid] += r.amountPaidIn;
  e.alphaOut[netuid] -= r.amountPaidIn;
  e.burnedAlphaTotal[netuid] += alpha - r.amountPaidIn; // alpha fee burned, SubnetAlphaOut not reduced
  e.subnetTao[netuid] -= r.amountPaidOut;
  e.totalStake -= r.amountPaidOut;
  acc.credit(coldkey, r.amountPaidOut);
  return { ok: true, amountIn: alpha, amountOut: r.amountPaidOut, fee: r.feePaid };
}

/** move_stake within one subnet (transfer_stake_within_subnet: a share move, no swap, no fee). */
export function moveStake(e: ChainEconomy, acc: Accounts, netuid: number, coldkey: number, from: number, to: number, alpha: bigint, priceTaoPerAlpha: number): StakeOutcome {
  if (from === to) return { ok: false, error: "SameNetuid" };
  if (e.added[netuid] !== 1) return { ok: false, error: "SubnetNotExists" };
  if (to < 0 || to >= e.keys.count) return { ok: false, error: "HotKeyAccountNotExists" };
  const have = acc.alphaOf(netuid, from, coldkey);
  const amount = alpha < have ? alpha : have;
  if (amount === 0n) return { ok: false, error: "NotEnoughStakeToWithdraw" };
  if (Math.floor(priceTaoPerAlpha * Number(amount)) < Number(DEFAULT_MIN_STAKE)) return { ok: false, error: "AmountTooLow" };
  const src = acc.pool(netuid, from);
  const dst = acc.pool(netuid, to);
  src.updateValueForOne(coldkey, -amount);
  e.keys.stake[netuid][from] -= amount;
  dst.updateValueForOne(coldkey, amount);
  e.keys.stake[netuid][to] += amount;
  return { ok: true, amountIn: amount, amountOut: amount, fee: 0n };
}

/** Buys alpha for a registration burn: swap with fees, the bought alpha is recycled (registration.rs::do_register). */
export function buyAndRecycle(e: ChainEconomy, netuid: number, tao: bigint, feeRate: number): StakeOutcome {
  const r = swap(e, netuid, feeRate, "buy", tao);
  if (!r.ok) return { ok: false, error: r.error };
  if (r.amountPaidOut > e.alphaIn[netuid]) return { ok: false, error: "InsufficientLiquidity" };
  const alpha = applyBuy(e, netuid, r, tao);
  e.alphaOut[netuid] -= alpha;
  e.alphaIssuance[netuid] -= alpha;
  e.recycledAlphaTotal[netuid] += alpha;
  return { ok: true, amountIn: tao, amountOut: alpha, fee: r.feePaid };
}
