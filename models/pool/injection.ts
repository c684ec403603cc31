/**
 * Emission injection, pool side (spec §2). Injection moves the balancer weights, not the price:
 * subtensor `pallets/swap/src/pallet/impls.rs::adjust_protocol_liquidity` and the pool part of
 * `coinbase/run_coinbase.rs::inject_and_maybe_swap`, in the chain's order.
 */
import { updateWeightsForAddedLiquidity } from "./balancer.js";
import { swapTaoForAlpha } from "./applySwap.js";
import { MAX_PRICE_RAO, type Pool } from "./pool.js";

/**
 * `adjust_protocol_liquidity(netuid, Δtao, Δalpha)`: updates the stored quote weight for the
 * coming reserve change and returns what may be injected; (0, 0) and weights unchanged when the
 * new weight would leave [0.01, 0.99]. Reserves are not touched here.
 */
export function adjustProtocolLiquidity(pool: Pool, taoDelta: bigint, alphaDelta: bigint): { tao: bigint; alpha: bigint } {
  const w = updateWeightsForAddedLiquidity(pool.quoteWeight, pool.taoReserve, pool.alphaReserve, taoDelta, alphaDelta);
  if (w === null) return { tao: 0n, alpha: 0n };
  pool.quoteWeight = w;
  return { tao: taoDelta, alpha: alphaDelta };
}

export interface Injection {
  /** floor(tao_in) of `get_subnet_terms`. */
  taoIn: bigint;
  /** floor(alpha_in). */
  alphaIn: bigint;
  /** floor(excess_tao): bought fee-less into `SubnetProtocolAlpha`. */
  excessTao: bigint;
}

export interface InjectionResult {
  taoInjected: bigint;
  alphaInjected: bigint;
  /** Alpha bought with the excess TAO (→ `SubnetProtocolAlpha`), 0 if none or the buy failed. */
  protocolAlphaBought: bigint;
  /** TAO of the excess that entered the pool (`SubnetExcessTao`). */
  excessTaoSwapped: bigint;
  /** Change to `TotalStake` (injected TAO plus the gross excess buy). */
  totalStakeDelta: bigint;
}

/**
 * Pool side of `inject_and_maybe_swap` for one subnet: 1. adjust weights; 2. fee-less buy of the
 * excess TAO at the new weights and pre-injection reserves; 3. SubnetAlphaIn += alpha;
 * 4. SubnetTAO += tao. Mutates `pool`.
 */
export function injectIntoPool(pool: Pool, inj: Injection): InjectionResult {
  const act = adjustProtocolLiquidity(pool, inj.taoIn, inj.alphaIn);
  let protocolAlphaBought = 0n;
  let excessTaoSwapped = 0n;
  let totalStakeDelta = 0n;
  if (inj.excessTao > 0n) {
    const r = swapTaoForAlpha(pool, inj.excessTao, MAX_PRICE_RAO, true);
    if (r.ok) {
      protocolAlphaBought = r.amountPaidOut;
      excessTaoSwapped = r.amountPaidIn;
      totalStakeDelta += r.totalStakeDelta;
      // As on chain, swap_tao_for_alpha also raised SubnetAlphaOut by the bought alpha.
    }
  }
  pool.alphaReserve += act.alpha;
  pool.taoReserve += act.tao;
  totalStakeDelta += act.tao;
  return { taoInjected: act.tao, alphaInjected: act.alpha, protocolAlphaBought, excessTaoSwapped, totalStakeDelta };
}
