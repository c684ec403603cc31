// Neuron registration as the engine applies it, through models/registration: the per-block burn step
// (registrationBlockStep: decay, clamp, counter reset) advanced lazily, and `burned_register`
// (registerNeuron: checks, the burn swap through models/pool, uid append or prune-and-replace) on the
// engine's columns. This file only wires: the keyring and pool are views of the world's state.
import type { ChainEconomy } from "../../models/emission/chainEconomy.js";
import { decayFactorQ32, u64f64FromF64, type BurnParams } from "../../models/registration/burn.js";
import { LEGACY_DEFAULTS, registrationBlockStep } from "../../models/registration/legacyBurn.js";
import { DEFAULT_NEURON_REGISTRATION_PARAMS, registerNeuron, type Keyring, type NeuronRegistrationParams, type RegisterResult } from "../../models/registration/registerNeuron.js";
import type { Accounts } from "./Accounts.js";
import type { OpsLog } from "./opsLog.js";
import { columnPool } from "../../models/staking/columnStore.js";
import type { SubnetWorld } from "./SubnetWorld.js";

/** BurnParams of the subnet's current hyperparameters. */
function burnParams(sub: SubnetWorld): BurnParams {
  const p = sub.params;
  return { halfLife: p.burnHalfLife, increaseMult: u64f64FromF64(p.burnIncreaseMult), minBurn: p.minBurn, maxBurn: p.maxBurn };
}

/** update_registration_prices_for_networks for one subnet, applied lazily up to the block it is read at. */
export class BurnClock {
  private params: BurnParams;
  private decay: bigint;
  private at: number; // last block whose step has been applied

  /** `from`: the block whose Burn the subnet holds now (the run's first block). */
  constructor(private readonly sub: SubnetWorld, from = 0) {
    this.at = from;
    this.params = burnParams(sub);
    this.decay = decayFactorQ32(this.params.halfLife);
  }

  /** After a change of BurnHalfLife, BurnIncreaseMult, MinBurn or MaxBurn at `block`. */
  reset(block: number): void {
    this.advance(block);
    this.params = burnParams(this.sub);
    this.decay = decayFactorQ32(this.params.halfLife);
  }

  /** Runs the registration step of every block up to `block`; returns Burn. */
  advance(block: number): bigint {
    const reg = this.sub.reg;
    const p = this.params;
    while (this.at < block) {
      this.at++;
      registrationBlockStep(reg, this.at, "decay", p, LEGACY_DEFAULTS, this.decay);
      // at MinBurn (or without decay) every later step leaves Burn unchanged: skip to `block`
      if ((p.halfLife === 0 || reg.burn === p.minBurn) && this.at > 1) this.at = block;
    }
    return reg.burn;
  }

  /** BurnParams in force (for the registration's bump). */
  get burnParams(): BurnParams {
    return this.params;
  }
}

/** Owner / OwnedHotkeys / free balances of the world as the models' Keyring. */
export function worldKeyring(econ: ChainEconomy, acc: Accounts, hotkeysInUse: () => number): Keyring {
  return {
    hotkeyOwner: {
      get: (hk) => (hk >= 0 && hk < hotkeysInUse() ? econ.keys.owner[hk] : undefined),
      set: (hk, ck) => (econ.keys.owner[hk] = ck),
      has: (hk) => hk >= 0 && hk < hotkeysInUse(),
    },
    ownedHotkeys: {
      get: (ck) => {
        const out: number[] = [];
        for (let hk = 0; hk < hotkeysInUse(); hk++) if (econ.keys.owner[hk] === ck) out.push(hk);
        return out;
      },
      set: () => undefined, // derived from Owner
      has: () => true,
    },
    freeBalance: {
      get: (ck) => acc.balance(ck),
      set: (ck, v) => acc.credit(ck, v - acc.balance(ck)),
      has: () => true,
    },
  };
}

function registrationParams(sub: SubnetWorld, clock: BurnClock): NeuronRegistrationParams {
  const p = sub.params;
  return {
    ...DEFAULT_NEURON_REGISTRATION_PARAMS,
    registrationAllowed: p.registrationAllowed,
    maxAllowedUids: p.maxAllowedUids,
    immunityPeriod: p.immunityPeriod,
    burn: clock.burnParams,
  };
}

export interface RegistrationWorld {
  econ: ChainEconomy;
  accounts: Accounts;
  keyring: Keyring;
  ops: OpsLog | null;
}

/** burned_register(coldkey, netuid, hotkey) at `block` on `sub`. */
export function burnedRegister(w: RegistrationWorld, sub: SubnetWorld, clock: BurnClock, coldkey: number, hotkey: number, block: number): RegisterResult {
  const { econ } = w;
  const i = sub.netuid;
  clock.advance(block);
  const pool = columnPool(econ, i, () => sub.params.feeRate);
  const taoBefore = econ.subnetTao[i];
  const alphaBefore = econ.alphaIn[i];
  const r = registerNeuron(
    { block, netuid: i, neurons: sub.neurons, reg: sub.reg, params: registrationParams(sub, clock), pool, keys: w.keyring, subnetOwnerColdkey: econ.subnetOwnerColdkey[i], subnetOwnerHotkey: econ.subnetOwnerHotkey[i] },
    coldkey,
    hotkey,
  );
  if (r.ok) {
    // ledger of what the model moved: TotalStake, the burned alpha's issuance, the fee left on the subnet account
    econ.totalStake += r.totalStakeDelta;
    econ.alphaIssuance[i] -= r.alphaBurned;
    econ.recycledAlphaTotal[i] += r.alphaBurned;
    econ.accountTao[i] += r.taoPaid - (econ.subnetTao[i] - taoBefore);
    if (r.replacedHotkey >= 0) sub.clearAgentSlot(r.uid);
    sub.registrationsTotal++;
  }
  w.ops?.record({
    block, op: "burned_register", coldkey, hotkey, netuid: i, originNetuid: -1,
    amountIn: r.ok ? r.taoPaid : 0n, amountOut: r.ok ? r.alphaBurned : 0n, fee: r.ok ? r.swapFee : 0n,
    taoBefore, alphaBefore, taoAfter: econ.subnetTao[i], alphaAfter: econ.alphaIn[i], quoteWeight: econ.quoteWeight[i],
    result: r.ok ? "ok" : r.error,
  });
  return r;
}
