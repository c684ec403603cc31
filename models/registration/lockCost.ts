import { U64_MAX } from "../chainConstants.js";
/** Subnet registration lock cost: subtensor `coinbase/root.rs::get_network_lock_cost` (u64 rao). */
export interface LockCostInput {
  /** `NetworkLastLockCost`. */
  lastLock: bigint;
  /** Block of the last subnet registration (0 = never). */
  lastLockBlock: bigint;
  now: bigint;
  /** `get_lock_reduction_interval()` = floor(NetworkLockReductionInterval · block_emission/1e9). */
  reductionInterval: bigint;
  /** `NetworkMinLockCost` (default 1000 TAO). */
  minLock: bigint;
}


/** Doubles on each registration, then decays linearly to the floor over the reduction interval. */
export function networkLockCost(i: LockCostInput): bigint {
  const mult = i.lastLockBlock === 0n ? 1n : 2n;
  let base = i.lastLock * mult;
  if (base > U64_MAX) base = U64_MAX;
  const perBlock = i.reductionInterval === 0n ? 0n : i.lastLock / i.reductionInterval;
  let dec = perBlock * (i.now > i.lastLockBlock ? i.now - i.lastLockBlock : 0n);
  if (dec > U64_MAX) dec = U64_MAX;
  const cost = base > dec ? base - dec : 0n;
  return cost > i.minLock ? cost : i.minLock;
}
