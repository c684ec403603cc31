/**
 * One subnet's pool state as the chain stores it (subtensor `SubnetTAO`, `SubnetAlphaIn`,
 * `SubnetAlphaOut`, `SubnetMechanism`, swap pallet `SwapBalancer`, `PalSwapInitialized`,
 * `FeeRate`), plus the constants of spec §7. Amounts are u64 rao as bigint.
 */
import { HALF_WEIGHT } from "./balancer.js";

export interface Pool {
  /** `SubnetMechanism`: 0 = stable (1:1, root), 1 = dynamic (balancer). */
  mechanism: 0 | 1;
  /** `SubnetTAO`: y, the TAO reserve. */
  taoReserve: bigint;
  /** `SubnetAlphaIn`: x, the alpha reserve. */
  alphaReserve: bigint;
  /** `SubnetAlphaOut`: outstanding (staked) alpha. */
  alphaOut: bigint;
  /** `SwapBalancer.quote`: w2 in Perquintill parts (1e18 = 1). */
  quoteWeight: bigint;
  /** `PalSwapInitialized`: until true, the first swap resets w2 to 0.5. */
  balancerInitialized: boolean;
  /** `FeeRate` (u16, normalised by 65535). */
  feeRate: number;
}

/** `FeeRate` default: 33/65535 ≈ 0.0504 %. */
export const DEFAULT_FEE_RATE = 33;
/** `MaxFeeRate` for `set_fee_rate`. */
export const MAX_FEE_RATE = 10_000;
/** Runtime `MinimumReserve`: the output reserve must hold at least this much to swap. */
export const MINIMUM_RESERVE = 1_000_000n;
/** `MAX_SWAP_INPUT_RESERVE_MULTIPLIER`: net input ≤ 1000 × input reserve. */
export const MAX_SWAP_INPUT_RESERVE_MULTIPLIER = 1_000n;
/** `max_price_inner` (rao per alpha; 1e6 TAO), the default buy limit. */
export const MAX_PRICE_RAO = 1_000_000_000_000_000n;
/** `min_price_inner` (rao per alpha; 1e-6 TAO), the default sell limit. */
export const MIN_PRICE_RAO = 1_000n;

/** A dynamic pool with the given reserves, balancer initialised (as a live subnet's is). */
export function makePool(taoReserve: bigint, alphaReserve: bigint, opts: Partial<Pool> = {}): Pool {
  return {
    mechanism: 1,
    taoReserve,
    alphaReserve,
    alphaOut: 0n,
    quoteWeight: HALF_WEIGHT,
    balancerInitialized: true,
    feeRate: DEFAULT_FEE_RATE,
    ...opts,
  };
}

export function clonePool(p: Pool): Pool {
  return { ...p };
}
