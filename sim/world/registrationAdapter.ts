// Neuron registration on the world's columns (spec/pools-staking-registration.md §4): the burn
// (models/registration/burn: decay_factor_q32, mul_by_q32, bump), pruning (models/registration/
// pruning: get_neuron_to_prune) and do_register's payment (bought alpha recycled) and uid assignment.
// models/registration's own registerNeuron runs on its SubnetNeurons/StakingState; this adapter
// applies the same steps to ChainEconomy + SubnetWorld so stakes and uids stay in one place.
import type { ChainEconomy } from "../../models/emission/chainEconomy.js";
import { registerUid } from "../../models/emission/chainEconomy.js";
import { bumpBurn as bumpBurnModel, decayFactorQ32, mulByQ32, u64f64FromF64 } from "../../models/registration/burn.js";
import { neuronToPrune as neuronToPruneModel } from "../../models/registration/pruning.js";
import type { Accounts } from "./Accounts.js";
import type { SubnetWorld } from "./SubnetWorld.js";
import { buyAndRecycle } from "./stakeAdapter.js";

/** Burn state advanced lazily: the per-block decay is applied only when the burn is read. */
export class BurnClock {
  private decay: bigint;
  private at = 0; // last block whose decay has been applied

  constructor(private readonly sub: SubnetWorld) {
    this.decay = decayFactorQ32(sub.params.burnHalfLife);
  }

  /** After a BurnHalfLife change. */
  reset(block: number): void {
    this.advance(block);
    this.decay = decayFactorQ32(this.sub.params.burnHalfLife);
  }

  /** Applies the decay and clamp of every block up to `block` (update_registration_prices_for_networks). */
  advance(block: number): bigint {
    const p = this.sub.params;
    if (p.burnHalfLife === 0 && this.at < block) {
      this.at = block;
      if (p.burn < p.minBurn) p.burn = p.minBurn;
      if (p.burn > p.maxBurn) p.burn = p.maxBurn;
    }
    while (this.at < block) {
      this.at++;
      if (p.burnHalfLife > 0 && this.at > 1 && p.burn > p.minBurn) p.burn = mulByQ32(p.burn, this.decay);
      if (p.burn < p.minBurn) p.burn = p.minBurn;
      if (p.burn > p.maxBurn) p.burn = p.maxBurn;
      if (p.burn === p.minBurn && p.burnHalfLife > 0) this.at = block; // fixed point: nothing changes any more
    }
    return p.burn;
  }
}

/** bump_registration_price_after_registration (BurnIncreaseMult as U64F64 from its f64). */
function bumpBurn(sub: SubnetWorld): void {
  const p = sub.params;
  p.burn = bumpBurnModel(p.burn, { halfLife: p.burnHalfLife, increaseMult: u64f64FromF64(p.burnIncreaseMult), minBurn: p.minBurn, maxBurn: p.maxBurn });
}

/** get_neuron_to_prune over the subnet's uids (an empty uid is reused first); −1 when none. */
export function neuronToPrune(sub: SubnetWorld, econ: ChainEconomy, block: number): number {
  const i = sub.netuid;
  const hotkey = Array.from(econ.uidHotkey[i].subarray(0, sub.n));
  const empty = hotkey.indexOf(-1);
  if (empty >= 0) return empty;
  const ownerCk = econ.subnetOwnerColdkey[i];
  const uid = neuronToPruneModel({
    now: block,
    emission: Array.from(sub.lastEmission.subarray(0, sub.n), (e) => BigInt(e)),
    blockAtRegistration: Array.from(econ.blockAtRegistration[i].subarray(0, sub.n)),
    hotkey,
    ownerHotkeys: hotkey.filter((hk) => hk >= 0 && econ.keys.owner[hk] === ownerCk),
    subnetOwnerHotkey: econ.subnetOwnerHotkey[i],
    immunityPeriod: sub.params.immunityPeriod,
    immuneOwnerUidsLimit: 1,
    minNonImmuneUids: 10,
  });
  return uid ?? -1;
}

export type RegisterOutcome = { ok: true; uid: number; replaced: number } | { ok: false; error: string };

/** do_register(coldkey, netuid, hotkey): pays the burn (bought alpha recycled), appends or replaces a uid. */
export function registerNeuron(econ: ChainEconomy, acc: Accounts, sub: SubnetWorld, burn: BurnClock, coldkey: number, hotkey: number, block: number): RegisterOutcome {
  const i = sub.netuid;
  if (!sub.params.registrationAllowed) return { ok: false, error: "SubNetRegistrationDisabled" };
  const uids = econ.uidHotkey[i];
  for (let u = 0; u < sub.n; u++) if (uids[u] === hotkey) return { ok: false, error: "HotKeyAlreadyRegisteredInSubNet" };
  const cost = burn.advance(block);
  if (acc.balance(coldkey) < cost) return { ok: false, error: "NotEnoughBalanceToStake" };
  if (econ.keys.owner[hotkey] !== coldkey) return { ok: false, error: "NonAssociatedColdKey" };
  let uid = sub.n;
  let replaced = -1;
  if (sub.n >= sub.params.maxAllowedUids) {
    uid = neuronToPrune(sub, econ, block);
    if (uid < 0) return { ok: false, error: "NoNeuronIdAvailable" };
    replaced = uids[uid];
  }
  if (cost > 0n) {
    const paid = buyAndRecycle(econ, i, cost, sub.params.feeRate);
    if (!paid.ok) return paid;
    acc.credit(coldkey, -cost);
  }
  if (uid === sub.n) sub.n++;
  else sub.clearUid(uid, block);
  registerUid(econ, i, uid, hotkey, block);
  sub.lastUpdate[uid] = block;
  bumpBurn(sub);
  sub.registrationsTotal++;
  return { ok: true, uid, replaced };
}
