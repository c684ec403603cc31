/**
 * Which UID a full subnet replaces: subtensor `subnets/registration.rs::get_neuron_to_prune` and
 * `get_immune_owner_hotkeys`, plus `utils/misc.rs::get_neuron_is_immune` (HEAD 14bc6f9f).
 * Columns are indexed by uid (structure of arrays).
 */
export interface PruneInput {
  now: number;
  /** `Emission[netuid][uid]` (alpha, rao). */
  emission: readonly bigint[];
  /** `BlockAtRegistration[netuid][uid]`. */
  blockAtRegistration: readonly number[];
  /** hotkey id per uid, or -1 if the uid has no hotkey. */
  hotkey: readonly number[];
  /** Hotkeys owned by the subnet owner's coldkey (`OwnedHotkeys[owner]`). */
  ownerHotkeys: readonly number[];
  /** `SubnetOwnerHotkey`, or -1. */
  subnetOwnerHotkey: number;
  immunityPeriod: number;
  /** `ImmuneOwnerUidsLimit` (default 1). */
  immuneOwnerUidsLimit: number;
  /** `MinNonImmuneUids` (default 10). */
  minNonImmuneUids: number;
}

/** `get_immune_owner_hotkeys`: uids of owner hotkeys that can never be pruned. */
export function immuneOwnerUids(inp: PruneInput): Set<number> {
  const uidOf = new Map<number, number>();
  inp.hotkey.forEach((hk, uid) => hk >= 0 && uidOf.set(hk, uid));
  const owned = inp.ownerHotkeys.filter((hk) => uidOf.has(hk)).map((hk) => uidOf.get(hk)!);
  owned.sort((a, b) => inp.blockAtRegistration[a] - inp.blockAtRegistration[b] || a - b);
  let list = owned.slice(0, inp.immuneOwnerUidsLimit);
  const ownerUid = uidOf.get(inp.subnetOwnerHotkey);
  if (ownerUid !== undefined && !list.includes(ownerUid)) list = [ownerUid, ...list].slice(0, inp.immuneOwnerUidsLimit);
  return new Set(list);
}

/** `get_neuron_is_immune`: (now − registered) < ImmunityPeriod, saturating. */
export function isImmune(now: number, registeredAt: number, immunityPeriod: number): boolean {
  return Math.max(now - registeredAt, 0) < immunityPeriod;
}

/** `get_neuron_to_prune`: lowest emission, then earliest registration, then lowest uid; null if none. */
export function neuronToPrune(inp: PruneInput): number | null {
  const n = inp.hotkey.length;
  if (n === 0) return null;
  const immortal = immuneOwnerUids(inp);
  const better = (a: number, b: number) =>
    inp.emission[a] !== inp.emission[b] ? inp.emission[a] < inp.emission[b]
    : inp.blockAtRegistration[a] !== inp.blockAtRegistration[b] ? inp.blockAtRegistration[a] < inp.blockAtRegistration[b]
    : a < b;
  let bestFree = -1;
  let bestImmune = -1;
  let freeCount = 0;
  for (let uid = 0; uid < n; uid++) {
    if (inp.hotkey[uid] < 0 || immortal.has(uid)) continue;
    if (isImmune(inp.now, inp.blockAtRegistration[uid], inp.immunityPeriod)) {
      if (bestImmune < 0 || better(uid, bestImmune)) bestImmune = uid;
    } else {
      freeCount++;
      if (bestFree < 0 || better(uid, bestFree)) bestFree = uid;
    }
  }
  if (bestFree < 0 && bestImmune < 0) return null;
  if (freeCount > inp.minNonImmuneUids && bestFree >= 0) return bestFree;
  return bestImmune >= 0 ? bestImmune : null;
}
