/**
 * Burned neuron registration: subtensor `subnets/registration.rs::do_register`,
 * `do_register_limit` and `register_neuron` (HEAD 14bc6f9f), over an explicit state the engine
 * adapts to. Checks run in the chain's order; nothing is written until every check and the burn
 * swap have succeeded, so a refusal leaves the state unchanged.
 *
 * The burn: the coldkey's TAO (min(Burn, balance − ED), `transfer_tao_to_subnet`) buys alpha in
 * the subnet pool (`swap_tao_for_alpha`, fees on, max price) and the bought alpha is burned
 * (`SubnetAlphaOut −= alpha`): SubnetTAO += paid − fee, SubnetAlphaIn −= alpha, TotalStake += paid.
 * The swap fee is computed but not paid to the block author: it stays on the subnet account outside
 * SubnetTAO. No TAO is destroyed; `RAORecycledForRegistration += Burn` is only a counter.
 */
import { swapTaoForAlpha } from "../pool/applySwap.js";
import { MAX_PRICE_RAO, MINIMUM_RESERVE, type Pool } from "../pool/pool.js";
import type { SwapError } from "../pool/swap.js";
import { DEFAULT_BURN_PARAMS, bumpBurn, type BurnParams } from "./burn.js";
import { LEGACY_DEFAULTS, type LegacyRegistrationParams } from "./legacyBurn.js";
import { neuronToPrune, type PruneInput } from "./pruning.js";
import { appendNeuron, replaceNeuron, type SubnetNeurons } from "./subnetNeurons.js";

/** Subnet hyperparameters registration reads. */
export interface NeuronRegistrationParams {
  /** `NetworkRegistrationAllowed`. */
  registrationAllowed: boolean;
  /** `MaxAllowedUids` (init_new_network sets 256). */
  maxAllowedUids: number;
  /** `ImmunityPeriod` (blocks; init sets 5000). */
  immunityPeriod: number;
  /** `MinNonImmuneUids` (default 10). */
  minNonImmuneUids: number;
  /** `ImmuneOwnerUidsLimit` (default 1, settable 1..10). */
  immuneOwnerUidsLimit: number;
  burn: BurnParams;
  /**
   * "decay" = the chain today (per-block decay, bump after each registration, no count caps);
   * "legacyInterval" = the pre-2026 rules (interval adjustment, per-block/per-interval caps, no bump).
   */
  burnRule: "decay" | "legacyInterval";
  legacy: LegacyRegistrationParams;
  /** Balances `ExistentialDeposit` kept by `transfer_tao_to_subnet` (Preserve); runtime 500, 0 = ignore. */
  existentialDeposit: bigint;
  /** Swap pallet `MinimumReserve` (runtime 1e6 rao). */
  minimumReserve: bigint;
}

/** Values `init_new_network` sets (plus chain storage defaults for the rest). */
export const DEFAULT_NEURON_REGISTRATION_PARAMS: Readonly<NeuronRegistrationParams> = Object.freeze({
  registrationAllowed: true,
  maxAllowedUids: 256,
  immunityPeriod: 5000,
  minNonImmuneUids: 10,
  immuneOwnerUidsLimit: 1,
  burn: DEFAULT_BURN_PARAMS,
  burnRule: "decay" as const,
  legacy: LEGACY_DEFAULTS,
  existentialDeposit: 0n,
  minimumReserve: MINIMUM_RESERVE,
});

/** Per-subnet registration storage that changes with every registration and block. */
export interface SubnetRegistrationState {
  /** `Burn[netuid]` (rao). */
  burn: bigint;
  /** `RegistrationsThisBlock`. */
  registrationsThisBlock: number;
  /** `RegistrationsThisInterval` (legacy rule only; the chain no longer touches it for non-root). */
  registrationsThisInterval: number;
  /** `BurnRegistrationsThisInterval` (legacy). */
  burnRegistrationsThisInterval: number;
  /** `LastAdjustmentBlock` (legacy). */
  lastAdjustmentBlock: number;
  /** `RAORecycledForRegistration[netuid]`. */
  raoRecycledForRegistration: bigint;
}

/** The part of a storage map registration uses (a `Map` fits; an engine may back it with columns). */
export interface StorageMap<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
  has(key: K): boolean;
}

/** Account maps registration reads and writes (`Owner`, `OwnedHotkeys`, free balances). */
export interface Keyring {
  /** `Owner[hotkey]` = coldkey. A StakingState's `hotkeyOwner` fits. */
  hotkeyOwner: StorageMap<number, number>;
  /** `OwnedHotkeys[coldkey]`, in insertion order. */
  ownedHotkeys: StorageMap<number, number[]>;
  /** Free TAO per coldkey (rao). A StakingState's `freeBalance` fits. */
  freeBalance: StorageMap<number, bigint>;
}

/** Everything `do_register` touches on one subnet. */
export interface NeuronRegistrationContext {
  block: number;
  netuid: number;
  neurons: SubnetNeurons;
  reg: SubnetRegistrationState;
  params: NeuronRegistrationParams;
  /** The subnet's pool (SubnetTAO / SubnetAlphaIn / SubnetAlphaOut / balancer). */
  pool: Pool;
  keys: Keyring;
  /** `SubnetOwner` coldkey and `SubnetOwnerHotkey` (−1 = none). */
  subnetOwnerColdkey: number;
  subnetOwnerHotkey: number;
}

export type RegistrationError =
  | "RegistrationNotPermittedOnRootSubnet" | "SubNetRegistrationDisabled" | "TooManyRegistrationsThisBlock"
  | "TooManyRegistrationsThisInterval" | "HotKeyAlreadyRegisteredInSubNet" | "NotEnoughBalanceToStake"
  | "NonAssociatedColdKey" | "NoNeuronIdAvailable" | "InsufficientBalance" | "RegistrationPriceLimitExceeded"
  | SwapError;

export interface Registered {
  ok: true;
  uid: number;
  /** The hotkey that lost `uid` (−1 when appended). Its stake stays with it. */
  replacedHotkey: number;
  /**
   * False only when the chosen uid held `SubnetOwnerHotkey` (possible with ImmuneOwnerUidsLimit 0,
   * which the chain forbids setting): `replace_neuron` then silently does nothing although the burn
   * was paid and the call succeeds.
   */
  registered: boolean;
  /** `Burn` at entry (the price; what RAORecycledForRegistration counts). */
  cost: bigint;
  /** TAO moved from the coldkey into the subnet (`actual_burn_amount`). */
  taoPaid: bigint;
  /** Swap fee: left on the subnet account, outside SubnetTAO. */
  swapFee: bigint;
  /** Alpha bought and burned. */
  alphaBurned: bigint;
  /** `TotalStake` increase (= taoPaid) and `record_tao_inflow` amount. */
  totalStakeDelta: bigint;
  /** `Burn` after the registration (bumped under the decay rule). */
  newBurn: bigint;
}
export type RegisterResult = Registered | { ok: false; error: RegistrationError };

const fail = (error: RegistrationError) => ({ ok: false as const, error });

/** The `PruneInput` of `get_neuron_to_prune` for this subnet at `block`. */
export function pruneInputOf(ctx: NeuronRegistrationContext): PruneInput {
  const s = ctx.neurons;
  return {
    now: ctx.block,
    emission: Array.from(s.emission.subarray(0, s.n)),
    blockAtRegistration: Array.from(s.blockAtRegistration.subarray(0, s.n)),
    hotkey: Array.from(s.hotkey.subarray(0, s.n)),
    ownerHotkeys: ctx.keys.ownedHotkeys.get(ctx.subnetOwnerColdkey) ?? [],
    subnetOwnerHotkey: ctx.subnetOwnerHotkey,
    immunityPeriod: ctx.params.immunityPeriod,
    immuneOwnerUidsLimit: ctx.params.immuneOwnerUidsLimit,
    minNonImmuneUids: ctx.params.minNonImmuneUids,
  };
}

/** `create_account_if_non_existent`: Owner and OwnedHotkeys for a new hotkey. */
export function createAccountIfNonExistent(keys: Keyring, coldkey: number, hotkey: number): void {
  if (keys.hotkeyOwner.has(hotkey)) return;
  keys.hotkeyOwner.set(hotkey, coldkey);
  const owned = keys.ownedHotkeys.get(coldkey) ?? [];
  if (!owned.includes(hotkey)) keys.ownedHotkeys.set(coldkey, [...owned, hotkey]);
}

/** chain: registration.rs::do_register(origin = coldkey, netuid, hotkey). */
export function registerNeuron(ctx: NeuronRegistrationContext, coldkey: number, hotkey: number): RegisterResult {
  const { neurons: s, reg, params: p, keys } = ctx;
  if (ctx.netuid === 0) return fail("RegistrationNotPermittedOnRootSubnet");
  if (!p.registrationAllowed) return fail("SubNetRegistrationDisabled");
  const legacy = p.burnRule === "legacyInterval";
  if (legacy) {
    // pre-2026 do_burned_registration caps (lib.rs::checked_allowed_register is unused today)
    if (reg.registrationsThisBlock >= p.legacy.maxRegistrationsPerBlock) return fail("TooManyRegistrationsThisBlock");
    if (reg.registrationsThisInterval >= Math.min(p.legacy.targetRegistrationsPerInterval * 3, 0xffff)) return fail("TooManyRegistrationsThisInterval");
  }
  if (s.uidOf.has(hotkey)) return fail("HotKeyAlreadyRegisteredInSubNet");
  const cost = reg.burn;
  const balance = keys.freeBalance.get(coldkey) ?? 0n;
  if (cost > balance) return fail("NotEnoughBalanceToStake");
  const owner = keys.hotkeyOwner.get(hotkey);
  if (owner !== undefined && owner !== coldkey) return fail("NonAssociatedColdKey");
  if (p.maxAllowedUids === 0) return fail("NoNeuronIdAvailable");
  const full = s.n >= p.maxAllowedUids;
  const pruneUid = full ? neuronToPrune(pruneInputOf(ctx)) : null;
  if (full && pruneUid === null) return fail("NoNeuronIdAvailable");

  // transfer_tao_to_subnet: min(cost, reducible balance with Preserve); 0 moved → InsufficientBalance
  let paid = 0n;
  if (cost > 0n) {
    const reducible = balance > p.existentialDeposit ? balance - p.existentialDeposit : 0n;
    paid = cost < reducible ? cost : reducible;
    if (paid === 0n) return fail("InsufficientBalance");
  }
  const swap = swapTaoForAlpha(ctx.pool, paid, MAX_PRICE_RAO, false, p.minimumReserve); // mutates only when ok
  if (!swap.ok) return fail(swap.error);
  const alpha = swap.amountPaidOut;
  ctx.pool.alphaOut = ctx.pool.alphaOut > alpha ? ctx.pool.alphaOut - alpha : 0n; // the bought alpha is burned

  // Effects (no refusal possible from here on).
  keys.freeBalance.set(coldkey, balance - paid);
  createAccountIfNonExistent(keys, coldkey, hotkey);
  let uid: number;
  let replacedHotkey = -1;
  let registered = true;
  if (pruneUid === null) {
    uid = appendNeuron(s, hotkey, ctx.block);
  } else {
    uid = pruneUid;
    replacedHotkey = s.hotkey[uid];
    registered = replaceNeuron(s, uid, hotkey, ctx.block, ctx.subnetOwnerHotkey);
    if (!registered) replacedHotkey = -1;
  }
  if (!legacy) reg.burn = bumpBurn(reg.burn, p.burn);
  else {
    reg.burnRegistrationsThisInterval = Math.min(reg.burnRegistrationsThisInterval + 1, 0xffff);
    reg.registrationsThisInterval = Math.min(reg.registrationsThisInterval + 1, 0xffff);
  }
  reg.registrationsThisBlock = Math.min(reg.registrationsThisBlock + 1, 0xffff);
  reg.raoRecycledForRegistration += cost;
  return {
    ok: true, uid, replacedHotkey, registered, cost, taoPaid: paid, swapFee: swap.feePaid, alphaBurned: alpha,
    totalStakeDelta: swap.totalStakeDelta, newBurn: reg.burn,
  };
}

/** chain: registration.rs::do_register_limit — refuses when Burn > limit_price, then do_register. */
export function registerNeuronLimit(ctx: NeuronRegistrationContext, coldkey: number, hotkey: number, limitPrice: bigint): RegisterResult {
  if (ctx.netuid === 0) return fail("RegistrationNotPermittedOnRootSubnet");
  if (ctx.reg.burn > limitPrice) return fail("RegistrationPriceLimitExceeded");
  return registerNeuron(ctx, coldkey, hotkey);
}

/** Fresh registration storage for a new subnet: `init_new_network` sets Burn = 1 TAO. */
export function newSubnetRegistrationState(burn = 1_000_000_000n, block = 0): SubnetRegistrationState {
  return { burn, registrationsThisBlock: 0, registrationsThisInterval: 0, burnRegistrationsThisInterval: 0, lastAdjustmentBlock: block, raoRecycledForRegistration: 0n };
}
