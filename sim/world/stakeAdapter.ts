// The registration burn's purchase (registration.rs::do_register, via registrationAdapter): the
// coldkey's TAO buys alpha through models/pool's swap_tao_for_alpha, and the bought alpha is recycled.
// The staking extrinsics themselves are models/staking's, wired in stakeCalls.ts.
import type { ChainEconomy } from "../../models/emission/chainEconomy.js";
import { swapTaoForAlpha } from "../../models/pool/applySwap.js";
import { MAX_PRICE_RAO, MINIMUM_RESERVE } from "../../models/pool/pool.js";
import { columnPool } from "../../models/staking/columnStore.js";

export type StakeOutcome = { ok: true; amountIn: bigint; amountOut: bigint; fee: bigint } | { ok: false; error: string };

/** Buys alpha for a registration burn: swap with fees, the bought alpha is recycled. */
export function buyAndRecycle(e: ChainEconomy, netuid: number, tao: bigint, feeRate: number): StakeOutcome {
  const r = swapTaoForAlpha(columnPool(e, netuid, () => feeRate), tao, MAX_PRICE_RAO, false, MINIMUM_RESERVE);
  if (!r.ok) return r;
  e.totalStake += r.totalStakeDelta;
  e.accountTao[netuid] += tao - r.amountPaidIn; // the swap fee stays on the subnet account (not sent to an author)
  const alpha = r.amountPaidOut;
  e.alphaOut[netuid] -= alpha;
  e.alphaIssuance[netuid] -= alpha;
  e.recycledAlphaTotal[netuid] += alpha;
  return { ok: true, amountIn: tao, amountOut: alpha, fee: r.feePaid };
}
