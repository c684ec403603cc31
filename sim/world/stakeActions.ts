// Agents' stake actions as the chain's extrinsics (the protocol may refuse).
import type { ActionResult, StakeAction } from "../../models/agents/types.js";
import { applyStakeCall } from "./stakeCalls.js";
import type { SubnetWorld } from "./SubnetWorld.js";
import type { World } from "./World.js";

export function applyStakeAction(world: World, sub: SubnetWorld, a: StakeAction): ActionResult {
  const n = sub.netuid;
  const r =
    a.kind === "add-stake"
      ? applyStakeCall(world, { op: "add_stake", coldkey: a.coldkey, hotkey: a.hotkey, netuid: n, tao: a.tao })
      : a.kind === "remove-stake"
        ? applyStakeCall(world, { op: "remove_stake", coldkey: a.coldkey, hotkey: a.hotkey, netuid: n, alpha: a.alpha })
        : applyStakeCall(world, { op: "move_stake", coldkey: a.coldkey, originHotkey: a.fromHotkey, destinationHotkey: a.toHotkey, originNetuid: n, destinationNetuid: n, alpha: a.alpha });
  return r.ok ? { ok: true } : { ok: false, error: r.error };
}
