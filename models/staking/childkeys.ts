import { U64_MAX } from "../chainConstants.js";
/**
 * Childkeys, ported from subtensor 14bc6f9f staking/set_children.rs (do_schedule_children,
 * schedule_or_apply_ck, do_set_pending_children, persist_pending_chidren_ok, PCRelations checks,
 * persist_child_parent_relations, do_set_childkey_take's range) and coinbase/block_step.rs::try_set_pending_children.
 * ChildKeys / ParentKeys are per netuid maps hotkey → [(proportion u64, hotkey)] in storage order
 * (the coinbase's HotkeyTable.children / .parents have this shape).
 */

/** A (proportion, hotkey) edge; proportion is a u64 fraction of u64::MAX. */
export interface ChildLink {
  proportion: bigint;
  hotkey: number;
}

/** ChildKeys[(parent, netuid)] and ParentKeys[(child, netuid)], indexed [netuid]. */
export interface ChildkeyLinks {
  children: Map<number, ChildLink[]>[];
  parents: Map<number, ChildLink[]>[];
}

export type ChildkeyError =
  | "RegistrationNotPermittedOnRootSubnet" | "DuplicateChild" | "InvalidChild" | "TooManyChildren"
  | "ProportionOverflow" | "ChildParentInconsistency" | "NotEnoughStakeToSetChildkeys" | "InvalidChildkeyTake";

/** MaxChildkeyTake default (runtime InitialMaxChildKeyTake, 18 %); MinChildkeyTake defaults to 0. */
export const DEFAULT_MAX_CHILDKEY_TAKE = 11_796;

/** do_set_childkey_take's range check: effective min (max of global and subnet min) ≤ take ≤ MaxChildkeyTake. */
export function checkChildkeyTake(take: number, effectiveMin: number, max = DEFAULT_MAX_CHILDKEY_TAKE): ChildkeyError | null {
  return Number.isInteger(take) && take >= effectiveMin && take <= max ? null : "InvalidChildkeyTake";
}

/** DefaultPendingChildKeyCooldown (prod_or_fast!(7_200, 15)): the production value. */
export const DEFAULT_PENDING_CHILDKEY_COOLDOWN = 7_200;

/** PendingChildKeys[(netuid, parent)] = (children, cool_down_block). */
export class PendingChildKeys {
  readonly byNetuid = new Map<number, Map<number, { children: ChildLink[]; coolDownBlock: number }>>();
  cooldown = DEFAULT_PENDING_CHILDKEY_COOLDOWN; // PendingChildKeyCooldown

  get(netuid: number, hotkey: number): { children: ChildLink[]; coolDownBlock: number } | undefined {
    return this.byNetuid.get(netuid)?.get(hotkey);
  }
}

/** The pivot's children and parents as BTreeMaps (ascending hotkey), self-edges dropped. */
function toMap(links: readonly ChildLink[] | undefined, pivot: number): Map<number, bigint> {
  const m = new Map<number, bigint>();
  for (const l of links ?? []) if (l.hotkey !== pivot) m.set(l.hotkey, l.proportion);
  return new Map(Array.from(m).sort((a, b) => a[0] - b[0]));
}

/** PCRelations::ensure_pending_consistency over (deduplicated, last wins) new children. */
export function ensurePendingConsistency(links: ChildkeyLinks, pivot: number, netuid: number, children: readonly ChildLink[]): ChildkeyError | null {
  const next = new Map<number, bigint>();
  for (const c of children) next.set(c.hotkey, c.proportion);
  if (next.has(pivot)) return "InvalidChild";
  if (next.size > 5) return "TooManyChildren";
  let total = 0n;
  for (const p of next.values()) total += p;
  if (total > U64_MAX) return "ProportionOverflow";
  const parents = toMap(links.parents[netuid].get(pivot), pivot);
  for (const c of next.keys()) if (parents.has(c)) return "ChildParentInconsistency";
  return null;
}

/** upsert_edge / remove_edge on a stored vector (keeps positions, appends new edges). */
function upsert(map: Map<number, ChildLink[]>, key: number, proportion: bigint, who: number): void {
  const list = map.get(key) ?? [];
  const e = list.find((l) => l.hotkey === who);
  if (e) e.proportion = proportion;
  else list.push({ proportion, hotkey: who });
  if (list.length > 0) map.set(key, list);
}
function removeEdge(map: Map<number, ChildLink[]>, key: number, who: number): void {
  const list = (map.get(key) ?? []).filter((l) => l.hotkey !== who);
  if (list.length === 0) map.delete(key);
  else map.set(key, list);
}

/**
 * load_relations_from_pending + persist_child_parent_relations: ChildKeys[pivot] becomes the new
 * children (ascending hotkey), each child's ParentKeys edge is upserted or removed, ParentKeys[pivot]
 * is rewritten in ascending order. Returns false (nothing written) when the relations are inconsistent.
 */
export function persistChildren(links: ChildkeyLinks, netuid: number, pivot: number, children: readonly ChildLink[]): boolean {
  const next = toMap(children, pivot);
  const parents = toMap(links.parents[netuid].get(pivot), pivot);
  let total = 0n;
  for (const p of next.values()) total += p;
  if (total > U64_MAX) return false;
  for (const c of next.keys()) if (parents.has(c)) return false;
  const ck = links.children[netuid];
  const pk = links.parents[netuid];
  const prev = new Set((ck.get(pivot) ?? []).map((l) => l.hotkey));
  const vec = Array.from(next, ([hotkey, proportion]) => ({ proportion, hotkey }));
  if (vec.length === 0) ck.delete(pivot);
  else ck.set(pivot, vec);
  for (const [c, p] of next) upsert(pk, c, p, pivot); // added and common children
  for (const c of [...prev].sort((a, b) => a - b)) if (!next.has(c)) removeEdge(pk, c, pivot);
  const pvec = Array.from(parents, ([hotkey, proportion]) => ({ proportion, hotkey }));
  if (pvec.length === 0) pk.delete(pivot);
  else pk.set(pivot, pvec);
  for (const [p, w] of parents) upsert(ck, p, w, pivot); // parent set unchanged: refresh edges
  return true;
}

/** What do_schedule_children checks besides the origin and rate limit (callers check those). */
export interface ScheduleContext {
  block: number; // get_current_block_as_u64
  subtokenEnabled: boolean; // SubtokenEnabled[netuid]
  /** get_total_stake_for_hotkey(hk) ≥ StakeThreshold, or hk is SubnetOwnerHotkey[netuid]. */
  mayHaveChildren: boolean;
}

/**
 * do_schedule_children (checks in chain order) then schedule_or_apply_ck: before start_call the
 * children apply at once; otherwise PendingChildKeys[(netuid, hk)] = (children, block + cooldown).
 */
export function scheduleChildren(
  links: ChildkeyLinks, pending: PendingChildKeys, hotkey: number, netuid: number, children: readonly ChildLink[], ctx: ScheduleContext,
): ChildkeyError | null {
  if (netuid === 0) return "RegistrationNotPermittedOnRootSubnet";
  const seen = new Set<number>();
  for (const c of children) {
    if (seen.has(c.hotkey)) return "DuplicateChild";
    seen.add(c.hotkey);
  }
  const err = ensurePendingConsistency(links, hotkey, netuid, children);
  if (err) return err;
  if (children.length > 0 && !ctx.mayHaveChildren) return "NotEnoughStakeToSetChildkeys";
  if (!ctx.subtokenEnabled) {
    persistChildren(links, netuid, hotkey, children);
    return null;
  }
  let m = pending.byNetuid.get(netuid);
  if (!m) pending.byNetuid.set(netuid, (m = new Map()));
  m.set(hotkey, { children: children.map((c) => ({ ...c })), coolDownBlock: ctx.block + pending.cooldown });
  return null;
}

/**
 * do_set_pending_children(netuid): entries whose cool-down block is < `block` (or all, before
 * start_call) are persisted (silently skipped when inconsistent) and removed. The chain iterates
 * hotkeys in storage-hash order; here ascending hotkey id.
 */
export function doSetPendingChildren(links: ChildkeyLinks, pending: PendingChildKeys, netuid: number, block: number, subtokenEnabled: boolean): number[] {
  const m = pending.byNetuid.get(netuid);
  if (!m) return [];
  const applied: number[] = [];
  for (const hk of [...m.keys()].sort((a, b) => a - b)) {
    const e = m.get(hk)!;
    if (e.coolDownBlock < block || !subtokenEnabled) {
      persistChildren(links, netuid, hk, e.children);
      applied.push(hk);
    }
  }
  for (const hk of applied) m.delete(hk);
  return applied;
}

/** try_set_pending_children(block): after the coinbase, for every subnet whose epoch ran this block. */
export function trySetPendingChildren(
  links: ChildkeyLinks, pending: PendingChildKeys, block: number, netuids: readonly number[],
  lastEpochBlock: (netuid: number) => number, subtokenEnabled: (netuid: number) => boolean,
): void {
  for (const n of netuids) if (lastEpochBlock(n) === block) doSetPendingChildren(links, pending, n, block, subtokenEnabled(n));
}
