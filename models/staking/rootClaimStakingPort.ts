/**
 * A RootClaimPort over the in-memory StakingState (share pools and pools): what the chain's
 * claim_root.rs calls outside its own storages, mapped onto stakingState.ts. Used by the tests'
 * conservation properties; the engine may wire the same or its own.
 */
import { swapAlphaForTao } from "../pool/applySwap.js";
import { MIN_PRICE_RAO } from "../pool/pool.js";
import type { RootClaimPort } from "./rootClaims.js";
import type { StakingState } from "./stakingState.js";

export interface StakingPortOptions {
  /** StakingHotkeys[ck] in storage order (default: hotkeys with a share of ck on any subnet, ascending). */
  stakingHotkeys?: (coldkey: number) => readonly number[];
  /** transfer_tao_from_subnet's refusal, e.g. "InsufficientBalance" when the subnet account is short. */
  transferRefusal?: (netuid: number, tao: bigint) => string | null;
  /** record_protocol_outflow. */
  onProtocolOutflow?: (netuid: number, tao: bigint) => void;
}

function sharedHotkeys(s: StakingState, ck: number): number[] {
  const set = new Set<number>();
  for (const [key, pool] of s.sharePools) if (pool.getValue(ck) > 0n || pool.coldkeys().includes(ck)) set.add(Number(key.split(":")[0]));
  return Array.from(set).sort((a, b) => a - b);
}

export function stakingStateClaimPort(s: StakingState, opts: StakingPortOptions = {}): RootClaimPort {
  return {
    hotkeyRootStake: (hk) => s.hotkeyAlpha(hk, 0),
    rootStake: (hk, ck) => s.stakeOf(hk, ck, 0),
    owner: (hk) => s.hotkeyOwner.get(hk) ?? -1,
    stakingHotkeys: (ck) => (opts.stakingHotkeys ? opts.stakingHotkeys(ck) : sharedHotkeys(s, ck)),
    increaseStake: (hk, ck, netuid, alpha) => {
      if (alpha > 0n) s.sharePool(hk, netuid).updateValueForOne(ck, alpha);
    },
    swapAlphaForTao: (netuid, alpha) => {
      const sub = s.subnets.get(netuid);
      if (!sub) return { ok: false, error: "SubnetNotExists" };
      const r = swapAlphaForTao(sub.pool, alpha, MIN_PRICE_RAO, true, s.params.minimumReserve);
      if (!r.ok) return r;
      s.totalStake += r.totalStakeDelta;
      return { ok: true, tao: r.amountPaidOut };
    },
    transferTaoToRoot: (netuid, tao) => opts.transferRefusal?.(netuid, tao) ?? null,
    addToRootPool: (tao) => {
      const root = s.subnets.get(0)!.pool;
      root.taoReserve += tao;
      root.alphaOut += tao;
      s.totalStake += tao;
    },
    recordProtocolOutflow: (netuid, tao) => opts.onProtocolOutflow?.(netuid, tao),
    atomic: (netuids, fn) => s.transactional([...netuids], [], fn),
  };
}
