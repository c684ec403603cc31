// Staker and user strategies (scenario `stakers[]`, `users[]`). Each returns stake actions from a
// read-only market view; the protocol applies them through the staking rules and may refuse.
import type { StakeAction } from "./types.js";

/** What a staker can observe about the validators of its subnet and its pool. */
export interface MarketView {
  readonly netuid: number;
  /** Validator hotkeys of the subnet and their observed yield per unit stake last epoch (net of take). */
  readonly validatorHotkeys: ArrayLike<number>;
  readonly validatorYield: ArrayLike<number>;
  /** Spot price and moving (EMA) price, TAO per alpha. */
  readonly price: number;
  readonly movingPrice: number;
}

export interface StakerState {
  coldkey: number;
  /** Free TAO (rao). */
  free: bigint;
  /** Current delegate (hotkey id, −1 none) and the alpha held there (rao). */
  hotkey: number;
  alpha: bigint;
}

/** Yield seeker: delegate everything to the best net yield; move when the gain exceeds minYieldGain. */
export function yieldSeekerActions(view: MarketView, s: StakerState, minYieldGain: number): StakeAction[] {
  let best = -1;
  let bestYield = -Infinity;
  let current = 0;
  for (let k = 0; k < view.validatorHotkeys.length; k++) {
    const y = view.validatorYield[k];
    if (view.validatorHotkeys[k] === s.hotkey) current = y;
    if (y > bestYield) {
      bestYield = y;
      best = view.validatorHotkeys[k];
    }
  }
  if (best < 0) return [];
  const actions: StakeAction[] = [];
  if (s.hotkey < 0) {
    if (s.free > 0n) actions.push({ kind: "add-stake", netuid: view.netuid, coldkey: s.coldkey, hotkey: best, tao: s.free });
    return actions;
  }
  if (best !== s.hotkey && s.alpha > 0n && bestYield > current * (1 + minYieldGain)) {
    actions.push({ kind: "move-stake", netuid: view.netuid, coldkey: s.coldkey, fromHotkey: s.hotkey, toHotkey: best, alpha: s.alpha });
  }
  if (s.free > 0n) actions.push({ kind: "add-stake", netuid: view.netuid, coldkey: s.coldkey, hotkey: best === s.hotkey || s.alpha === 0n ? best : s.hotkey, tao: s.free });
  return actions;
}

/** Price mover: buy below the moving price by `threshold`, sell above it, `tradeFraction` at a time. */
export function priceMoverActions(view: MarketView, s: StakerState, threshold: number, tradeFraction: number, fallbackHotkey: number): StakeAction[] {
  if (view.movingPrice <= 0) return [];
  const dev = view.price / view.movingPrice - 1;
  const hotkey = s.hotkey >= 0 ? s.hotkey : fallbackHotkey;
  if (hotkey < 0) return [];
  const frac = BigInt(Math.floor(tradeFraction * 1e9));
  if (dev < -threshold && s.free > 0n) {
    const tao = (s.free * frac) / 1_000_000_000n;
    return tao > 0n ? [{ kind: "add-stake", netuid: view.netuid, coldkey: s.coldkey, hotkey, tao }] : [];
  }
  if (dev > threshold && s.alpha > 0n) {
    const alpha = (s.alpha * frac) / 1_000_000_000n;
    return alpha > 0n ? [{ kind: "remove-stake", netuid: view.netuid, coldkey: s.coldkey, hotkey, alpha }] : [];
  }
  return [];
}

/** Service users: spend `taoPerDay · everyBlocks / 7200 · factor` buying the subnet's alpha. */
export function demandPurchase(netuid: number, coldkey: number, hotkey: number, taoPerDay: number, everyBlocks: number, factor: number): StakeAction | null {
  const tao = BigInt(Math.floor(((taoPerDay * everyBlocks) / 7200) * factor * 1e9));
  return tao > 0n ? { kind: "add-stake", netuid, coldkey, hotkey, tao } : null;
}
