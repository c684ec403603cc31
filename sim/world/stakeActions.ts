// Applies agents' stake actions through the staking adapter (the protocol may refuse).
import type { ActionResult, StakeAction } from "../../models/agents/types.js";
import { spotPrice } from "./economyAdapter.js";
import { addStake, moveStake, removeStake } from "./stakeAdapter.js";
import type { SubnetWorld } from "./SubnetWorld.js";
import type { World } from "./World.js";

export function applyStakeAction(world: World, sub: SubnetWorld, a: StakeAction): ActionResult {
  const { econ, accounts } = world;
  const i = sub.netuid;
  const fee = sub.params.feeRate;
  const r =
    a.kind === "add-stake"
      ? addStake(econ, accounts, i, a.coldkey, a.hotkey, a.tao, fee)
      : a.kind === "remove-stake"
        ? removeStake(econ, accounts, i, a.coldkey, a.hotkey, a.alpha, fee)
        : moveStake(econ, accounts, i, a.coldkey, a.fromHotkey, a.toHotkey, a.alpha, spotPrice(econ, i));
  return r.ok ? { ok: true } : { ok: false, error: r.error };
}
