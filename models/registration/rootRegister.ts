/**
 * Root (netuid 0) registration: subtensor `coinbase/root.rs::do_root_register` (HEAD 14bc6f9f).
 * The only place the chain still enforces `MaxRegistrationsPerBlock` and
 * `3 × TargetRegistrationsPerInterval`. No burn. When root is full, the uid whose hotkey has the
 * lowest root stake (strictly lowest, first in `Keys` iteration order) is replaced, and only if
 * the newcomer's root stake is strictly higher. No coldkey/hotkey association check (as on chain).
 * On success the chain also makes the hotkey a delegate with take 11_796 if it is not one: the
 * caller applies that (`Delegates` lives with the stake tables).
 */
import { createAccountIfNonExistent, type Keyring, type SubnetRegistrationState } from "./registerNeuron.js";
import { appendNeuron, replaceNeuron, type SubnetNeurons } from "./subnetNeurons.js";
import { U64_MAX } from "../chainConstants.js";

export interface RootRegistrationContext {
  block: number;
  neurons: SubnetNeurons;
  /** Root's counters (`burn` unused). */
  reg: SubnetRegistrationState;
  /** `MaxAllowedUids[0]` (max root validators, default 64). */
  maxRootValidators: number;
  /** `MaxRegistrationsPerBlock[0]` (default 1), `TargetRegistrationsPerInterval[0]` (default 2). */
  maxRegistrationsPerBlock: number;
  targetRegistrationsPerInterval: number;
  keys: Keyring;
  /** `TotalHotkeyAlpha[(hotkey, 0)]`: root stake of a hotkey. */
  rootStake: (hotkey: number) => bigint;
}

export type RootRegistrationError = "TooManyRegistrationsThisBlock" | "TooManyRegistrationsThisInterval" | "HotKeyAlreadyRegisteredInSubNet" | "StakeTooLowForRoot";

/** `Keys` is an Identity-hashed double map: root uids iterate in little-endian byte order of the u16. */
const keysOrder = (a: number, b: number) => (a & 0xff) - (b & 0xff) || (a >> 8) - (b >> 8);

/** chain: root.rs::do_root_register(origin = coldkey, hotkey). */
export function rootRegister(ctx: RootRegistrationContext, coldkey: number, hotkey: number): { ok: true; uid: number; replacedHotkey: number } | { ok: false; error: RootRegistrationError } {
  const { neurons: s, reg } = ctx;
  if (reg.registrationsThisBlock >= ctx.maxRegistrationsPerBlock) return { ok: false, error: "TooManyRegistrationsThisBlock" };
  if (reg.registrationsThisInterval >= Math.min(ctx.targetRegistrationsPerInterval * 3, 0xffff)) return { ok: false, error: "TooManyRegistrationsThisInterval" };
  if (s.uidOf.has(hotkey)) return { ok: false, error: "HotKeyAlreadyRegisteredInSubNet" };
  let uid: number;
  let replacedHotkey = -1;
  if (s.n < ctx.maxRootValidators) {
    createAccountIfNonExistent(ctx.keys, coldkey, hotkey);
    uid = appendNeuron(s, hotkey, ctx.block);
  } else {
    let lowest = U64_MAX;
    let lowestUid = 0;
    const uids = Array.from({ length: s.n }, (_, u) => u).filter((u) => s.hotkey[u] >= 0).sort(keysOrder);
    for (const u of uids) {
      const st = ctx.rootStake(s.hotkey[u]);
      if (st < lowest) { lowest = st; lowestUid = u; }
    }
    if (!(lowest < ctx.rootStake(hotkey))) return { ok: false, error: "StakeTooLowForRoot" };
    createAccountIfNonExistent(ctx.keys, coldkey, hotkey);
    uid = lowestUid;
    replacedHotkey = s.hotkey[uid];
    replaceNeuron(s, uid, hotkey, ctx.block, -1);
  }
  reg.registrationsThisInterval += 1;
  reg.registrationsThisBlock += 1;
  return { ok: true, uid, replacedHotkey };
}

/**
 * Root's part of `update_registration_prices_for_networks`: RegistrationsThisBlock = 0 every block,
 * RegistrationsThisInterval = 0 when root's epoch fires (`should_run_epoch(ROOT, block)`).
 */
export function rootRegistrationBlockStep(reg: SubnetRegistrationState, rootEpochFires: boolean): void {
  reg.registrationsThisBlock = 0;
  if (rootEpochFires) reg.registrationsThisInterval = 0;
}
