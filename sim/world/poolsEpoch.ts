// The epoch of a `detail: pools` subnet: an AGGREGATE, not a chain rule. The chain's epoch
// (run_epoch.rs::epoch_mechanism) splits the drained emission E half to incentive (miners) and half
// to dividends (validators); in a consensus-aligned subnet with mature bonds each validator's share of
// the dividends tracks its stake weight (alpha + TaoWeight × root, get_stake_weights_for_network).
// Here uid 0 (the miners' hotkey) gets the incentive half and the validator uids the dividend half by
// that stake weight; distribute_emission (models/emission) then pays exactly as for a full subnet.
import { allocateOutput } from "../../models/consensus/runEpoch.js";
import type { EpochOutput } from "../../models/consensus/types.js";
import type { ChainEconomy } from "../../models/emission/chainEconomy.js";
import { U64_MAX } from "../../models/chainConstants.js";
import { Role } from "./roles.js";
import type { SubnetWorld } from "./SubnetWorld.js";

const outputs = new WeakMap<SubnetWorld, EpochOutput>();

/** Splits `raoEmission` between the aggregate holders of `sub` at `block`. */
export function runPoolsEpoch(sub: SubnetWorld, econ: ChainEconomy, block: number, raoEmission: bigint): EpochOutput {
  const n = sub.n;
  let out = outputs.get(sub);
  if (out === undefined || out.serverEmission.length !== n) outputs.set(sub, (out = allocateOutput(n)));
  const i = sub.netuid;
  const e = Number(raoEmission); // < 2^53 rao
  const wTao = Number(econ.params.taoWeight) / Number(U64_MAX);
  let weightSum = 0;
  for (let uid = 0; uid < n; uid++) {
    if (sub.role[uid] !== Role.validator) continue;
    const hk = sub.neurons.hotkey[uid];
    weightSum += Number(econ.keys.stake[i][hk]) + wTao * Number(econ.keys.stake[0][hk]);
  }
  const half = Math.floor(e / 2);
  for (let uid = 0; uid < n; uid++) {
    const hk = sub.neurons.hotkey[uid];
    out.serverEmission[uid] = 0;
    out.validatorEmission[uid] = 0;
    if (sub.role[uid] === Role.miner) out.serverEmission[uid] = half;
    else if (sub.role[uid] === Role.validator && weightSum > 0) {
      const w = Number(econ.keys.stake[i][hk]) + wTao * Number(econ.keys.stake[0][hk]);
      out.validatorEmission[uid] = Math.floor(((e - half) * w) / weightSum);
    }
    out.emission[uid] = out.serverEmission[uid] + out.validatorEmission[uid];
  }
  sub.lastOutput = out;
  sub.lastEpochBlock = block;
  return out;
}
