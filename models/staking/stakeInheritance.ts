/**
 * Stake a hotkey validates with once childkeys move it, ported from subtensor 14bc6f9f
 * staking/stake_utils.rs::{get_inherited_for_hotkey_on_subnet, get_tao_inherited_for_hotkey_on_subnet,
 * get_stake_weights_for_hotkey_on_subnet}: own stake − Σ own·p_child + Σ parent·p_parent, in U96F32
 * (floor multiply, saturating), proportions p = u64 / u64::MAX.
 */
import type { ChildkeyLinks } from "./childkeys.js";
import { U128_MAX, U64_MAX } from "../chainConstants.js";

const mul96 = (a: bigint, b: bigint): bigint => {
  const r = (a * b) >> 32n;
  return r > U128_MAX ? U128_MAX : r;
};
/** U96F32(proportion).safe_div(U96F32(u64::MAX)). */
const proportion96 = (p: bigint): bigint => ((p << 32n) << 32n) / (U64_MAX << 32n);
const toU64 = (x: bigint): bigint => {
  const r = x >> 32n;
  return r > U64_MAX ? U64_MAX : r;
};

/** `stakeOf(hk)`: get_stake_for_hotkey_on_subnet(hk, n) on the subnet read (alpha) or on root (TAO). */
function inherited(links: ChildkeyLinks, linksNetuid: number, hotkey: number, stakeOf: (hk: number) => bigint): bigint {
  const initial = stakeOf(hotkey) << 32n;
  let toChildren = 0n;
  for (const c of links.children[linksNetuid].get(hotkey) ?? []) toChildren += mul96(initial, proportion96(c.proportion));
  let fromParents = 0n;
  for (const p of links.parents[linksNetuid].get(hotkey) ?? []) fromParents += mul96(stakeOf(p.hotkey) << 32n, proportion96(p.proportion));
  const left = initial > toChildren ? initial - toChildren : 0n;
  return toU64(left + fromParents);
}

/** get_inherited_for_hotkey_on_subnet: alpha stake after childkeys (root: the own stake). */
export function inheritedAlpha(links: ChildkeyLinks, hotkey: number, netuid: number, alphaOf: (hk: number) => bigint): bigint {
  if (netuid === 0) return alphaOf(hotkey);
  return inherited(links, netuid, hotkey, alphaOf);
}

/** get_tao_inherited_for_hotkey_on_subnet: root stake moved by the subnet's childkeys. */
export function inheritedTao(links: ChildkeyLinks, hotkey: number, netuid: number, rootOf: (hk: number) => bigint): bigint {
  return inherited(links, netuid, hotkey, rootOf);
}

/**
 * get_stake_weights_for_hotkey_on_subnet: (total, alpha, tao) with total = alpha + tao·w as I64F64 raw,
 * w = get_tao_weight() = U96F32(TaoWeight).safe_div(U96F32(u64::MAX)) widened to I64F64.
 */
export function stakeWeightForHotkey(
  links: ChildkeyLinks, hotkey: number, netuid: number, alphaOf: (hk: number) => bigint, rootOf: (hk: number) => bigint, taoWeight: bigint,
): { total: bigint; alpha: bigint; tao: bigint } {
  const alpha = inheritedAlpha(links, hotkey, netuid, alphaOf);
  const tao = inheritedTao(links, hotkey, netuid, rootOf);
  const w64 = proportion96(taoWeight) << 32n;
  return { total: (alpha << 64n) + (((tao << 64n) * w64) >> 64n), alpha, tao };
}
