// The scenario's root layer: root validators hold root (netuid 0) stake once, on their own hotkey, and
// are registered as validators on many subnets at the start (their root stake counts on each through
// TaoWeight, as on chain); root nominators add_stake TAO on root to them (models/staking through
// stakeCalls, so the delegate take and RootClaimed bookkeeping follow the chain's rules).
import { createValidatorAgent, type ValidatorParams } from "../../models/agents/validators.js";
import { appendNeuron } from "../../models/registration/subnetNeurons.js";
import { ROOT_CLAIM_KEEP } from "../../models/staking/rootClaimsState.js";
import type { Scenario } from "../../scenarios/schema.js";
import { U64_MAX } from "../../models/chainConstants.js";
import { persistChildren } from "../../models/staking/childkeys.js";
import type { SubnetWorld } from "./SubnetWorld.js";
import { Role } from "./roles.js";
import { rao } from "./scenarioValues.js";
import { applyStakeCall } from "./stakeCalls.js";
import type { World } from "./World.js";

/**
 * A root validator's child on `sub`: one of the subnet's validators (the k-th root validator picks
 * validator k mod their count), set as if scheduled long ago (persistChildren, the chain's ChildKeys /
 * ParentKeys order) with the given ChildkeyTake.
 */
function setChildOnSubnet(world: World, sub: SubnetWorld, parent: number, k: number, c: { proportion: number; take: number }): void {
  const validators: number[] = [];
  for (let uid = 0; uid < sub.n; uid++) if (sub.role[uid] === Role.validator && sub.strategy[uid] !== "root") validators.push(uid);
  if (validators.length === 0) return;
  const child = sub.neurons.hotkey[validators[k % validators.length]];
  const econ = world.econ;
  const proportion = (BigInt(Math.round(c.proportion * 1e9)) * U64_MAX) / 1_000_000_000n; // u64 proportion of u64::MAX
  const links = { children: econ.keys.children, parents: econ.keys.parents };
  const existing = econ.keys.children[sub.netuid].get(parent) ?? [];
  persistChildren(links, sub.netuid, parent, [...existing, { proportion, hotkey: child }]);
  econ.keys.childkeyTake[sub.netuid][child] = c.take;
}

/** Creates the root validators and nominators (after the subnets are populated). */
export function populateRootLayer(world: World, sc: Scenario): void {
  const { econ, rng } = world;
  const rootHotkeys: number[] = [];
  sc.root.validators.forEach((g, gi) => {
    for (let k = 0; k < g.count; k++) {
      const ck = world.nextColdkey++;
      const hk = world.newHotkey(ck);
      econ.keys.take[hk] = g.take;
      if (g.rootStake > 0) world.addRootStake(hk, ck, rao(g.rootStake));
      if (g.rootClaimType === "keep") econ.rootClaims.setClaimType(ck, ROOT_CLAIM_KEEP); // set_root_claim_type
      rootHotkeys.push(hk);
      for (const sub of world.subnets) {
        if (g.subnets !== "all" && !g.subnets.includes(sub.publicNetuid)) continue;
        if (g.childkeys !== null) {
          setChildOnSubnet(world, sub, hk, rootHotkeys.length - 1, g.childkeys);
          continue;
        }
        if (sub.n >= sub.params.maxAllowedUids) continue;
        const uid = appendNeuron(sub.neurons, hk, world.startBlock); // genesis registration (no burn)
        sub.role[uid] = Role.validator;
        sub.strategy[uid] = "root";
        sub.neurons.validatorPermit[uid] = 1; // large stake: the first epoch's top-k confirms or drops it
        const tag = `root/validators/${gi}/${k}/subnet/${sub.publicNetuid}`;
        world.validators[sub.netuid - 1].push(createValidatorAgent({ strategy: "honest", noiseSigma: g.noiseSigma } as ValidatorParams, {
          netuid: sub.netuid, uid, capacity: sub.params.maxAllowedUids, noise: rng.stream(`${tag}/noise`), availability: rng.stream(`${tag}/offline`),
        }));
      }
    }
  });
  let next = 0;
  for (const g of sc.root.nominators) {
    for (let k = 0; k < g.count; k++) {
      const ck = world.nextColdkey++;
      const tao = rao(g.tao);
      econ.totalIssuance += tao; // genesis TAO held by the nominator
      world.accounts.credit(ck, tao);
      if (g.rootClaimType === "keep") econ.rootClaims.setClaimType(ck, ROOT_CLAIM_KEEP);
      if (rootHotkeys.length === 0) continue;
      const hk = rootHotkeys[next++ % rootHotkeys.length];
      applyStakeCall(world, { op: "add_stake", coldkey: ck, hotkey: hk, netuid: 0, tao });
    }
  }
}
