// Holders who sell (scenario `sell` policies of validator and miner groups and of the subnet owner):
// after each epoch of a subnet, each such holder adds what its coldkey was paid on its hotkey since the
// last look (the growth of its stake there) and, every `everyEpochs` epochs, sells `fraction` of the
// accrued payouts back into the pool with remove_stake — models/staking through stakeCalls, so the
// chain's checks, fees and refusals apply and the sale shows in ops.csv.
import type { SellPolicy } from "../../scenarios/schema.js";
import type { RefusalCounts } from "./agentRuntime.js";
import { Role } from "./roles.js";
import { spotPrice } from "./economyAdapter.js";
import { applyStakeCall } from "./stakeCalls.js";
import type { SubnetWorld } from "./SubnetWorld.js";
import type { World } from "./World.js";

/** One holder's bookkeeping: its stake after the last look, and the payouts not yet sold from. */
export interface SaleBook {
  held: bigint;
  accrued: bigint;
}

function policyOf(world: World, sub: SubnetWorld, uid: number): SellPolicy | null {
  const s = world.scenario.subnets[sub.netuid - 1];
  const g = sub.group[uid];
  if (g < 0) return null;
  if (sub.aggregate) {
    const h = sub.role[uid] === Role.validator ? s.holders.validators.sell : sub.role[uid] === Role.miner ? s.holders.miners.sell : null;
    return h !== null && h.fraction > 0 ? h : null;
  }
  const p = sub.role[uid] === Role.validator ? s.validators[g]?.sell : sub.role[uid] === Role.miner ? s.miners[g]?.sell : undefined;
  return p !== undefined && p.fraction > 0 ? p : null;
}

function sellFrom(world: World, sub: SubnetWorld, book: SaleBook, p: SellPolicy, hotkey: number, coldkey: number, epochIndex: number, refusals: RefusalCounts): void {
  const i = sub.netuid;
  const held = world.accounts.stakeOf(hotkey, coldkey, i);
  if (held > book.held) book.accrued += held - book.held;
  book.held = held;
  if (epochIndex % p.everyEpochs !== 0 || book.accrued === 0n || spotPrice(world.econ, i) < p.abovePrice) return;
  const alpha = BigInt(Math.floor(Number(book.accrued) * p.fraction));
  book.accrued = 0n;
  if (alpha === 0n) return;
  const r = applyStakeCall(world, { op: "remove_stake", coldkey, hotkey, netuid: i, alpha: alpha < held ? alpha : held });
  if (!r.ok) refusals.stake++;
  book.held = world.accounts.stakeOf(hotkey, coldkey, i);
}

/** The sales due after the epoch of `sub` (its extrinsics phase). */
export function sellPayouts(world: World, sub: SubnetWorld, refusals: RefusalCounts): void {
  const econ = world.econ;
  const i = sub.netuid;
  const epochIndex = econ.epochIndex[i];
  for (let uid = 0; uid < sub.n; uid++) {
    const p = policyOf(world, sub, uid);
    const hk = sub.neurons.hotkey[uid];
    if (p === null || hk < 0) continue;
    const book = (sub.sales[uid] ??= { held: world.accounts.stakeOf(hk, econ.keys.owner[hk], i), accrued: 0n });
    sellFrom(world, sub, book, p, hk, econ.keys.owner[hk], epochIndex, refusals);
  }
  const owner = world.scenario.subnets[i - 1].owner.sell;
  const ohk = econ.subnetOwnerHotkey[i];
  const ock = econ.subnetOwnerColdkey[i];
  if (owner.fraction > 0 && ohk >= 0 && ock >= 0) {
    const book = (sub.ownerSales ??= { held: world.accounts.stakeOf(ohk, ock, i), accrued: 0n });
    sellFrom(world, sub, book, owner, ohk, ock, epochIndex, refusals);
  }
}
