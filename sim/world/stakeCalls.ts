// The engine's staking extrinsics: wiring only. Each call runs models/staking's operation on the
// world's accounts (ColumnStakingStore over ChainEconomy) and, when the run keeps an operations log,
// records one row with the pool of `netuid` before and after and the result or the chain's error.
import { DEFAULT_FEE_RATE } from "../../models/pool/pool.js";
import { moveStake, swapStake, transferStake, type MoveResult } from "../../models/staking/moveOps.js";
import { addStake, addStakeLimit, removeStake, removeStakeLimit, type StakeResult, type UnstakeResult } from "../../models/staking/stakeOps.js";
import type { OpRecord } from "./opsLog.js";
import type { World } from "./World.js";
import { afterRootStakeAdded } from "../../models/staking/rootClaims.js";

/** One staking extrinsic, named as the chain's call; netuids are the world's internal slots. */
export type StakeCall =
  | { op: "add_stake"; coldkey: number; hotkey: number; netuid: number; tao: bigint }
  | { op: "add_stake_limit"; coldkey: number; hotkey: number; netuid: number; tao: bigint; limitRao: bigint; allowPartial: boolean }
  | { op: "remove_stake"; coldkey: number; hotkey: number; netuid: number; alpha: bigint }
  | { op: "remove_stake_limit"; coldkey: number; hotkey: number; netuid: number; alpha: bigint; limitRao: bigint; allowPartial: boolean }
  | { op: "move_stake"; coldkey: number; originHotkey: number; destinationHotkey: number; originNetuid: number; destinationNetuid: number; alpha: bigint }
  | { op: "transfer_stake"; coldkey: number; destinationColdkey: number; hotkey: number; originNetuid: number; destinationNetuid: number; alpha: bigint }
  | { op: "swap_stake"; coldkey: number; hotkey: number; originNetuid: number; destinationNetuid: number; alpha: bigint; limitRao?: bigint; allowPartial?: boolean };

/** amountIn: what the call spent (TAO for a buy, alpha otherwise); amountOut: what it received; fee in amountIn's unit. */
export type StakeCallResult = { ok: true; amountIn: bigint; amountOut: bigint; fee: bigint } | { ok: false; error: string };

const bound = new WeakSet<World>();

function run(world: World, c: StakeCall): StakeResult | UnstakeResult | MoveResult {
  const s = world.accounts;
  switch (c.op) {
    case "add_stake":
      return addStake(s, c.coldkey, c.hotkey, c.netuid, c.tao);
    case "add_stake_limit":
      return addStakeLimit(s, c.coldkey, c.hotkey, c.netuid, c.tao, c.limitRao, c.allowPartial);
    case "remove_stake":
      return removeStake(s, c.coldkey, c.hotkey, c.netuid, c.alpha);
    case "remove_stake_limit":
      return removeStakeLimit(s, c.coldkey, c.hotkey, c.netuid, c.alpha, c.limitRao, c.allowPartial);
    case "move_stake":
      return moveStake(s, c.coldkey, c.originHotkey, c.destinationHotkey, c.originNetuid, c.destinationNetuid, c.alpha);
    case "transfer_stake":
      return transferStake(s, c.coldkey, c.destinationColdkey, c.hotkey, c.originNetuid, c.destinationNetuid, c.alpha);
    case "swap_stake":
      return swapStake(s, c.coldkey, c.hotkey, c.originNetuid, c.destinationNetuid, c.alpha, c.limitRao, c.allowPartial);
  }
}

function amounts(r: StakeResult | UnstakeResult | MoveResult): { amountIn: bigint; amountOut: bigint; fee: bigint } {
  if (!r.ok) return { amountIn: 0n, amountOut: 0n, fee: 0n };
  if ("taoStaked" in r) return { amountIn: r.taoStaked, amountOut: r.alpha, fee: r.fee };
  if ("alphaUnstaked" in r) return { amountIn: r.alphaUnstaked - r.refund, amountOut: r.tao, fee: r.fee };
  return { amountIn: r.alphaMoved, amountOut: r.alphaOut, fee: r.fee };
}

/** Applies one staking extrinsic at the world's current block; a refusal changes nothing. */
export function applyStakeCall(world: World, c: StakeCall): StakeCallResult {
  const acc = world.accounts;
  if (!bound.has(world)) {
    acc.feeRateOf = (n) => world.subnets[n - 1]?.params.feeRate ?? DEFAULT_FEE_RATE;
    bound.add(world);
  }
  const netuid = "netuid" in c ? c.netuid : c.destinationNetuid;
  const ops = world.ops;
  const e = world.econ;
  const before = ops === null || !(netuid >= 0 && netuid < e.netuids) ? null : [e.subnetTao[netuid], e.alphaIn[netuid]] as const;
  const r = run(world, c);
  const a = amounts(r);
  if (ops !== null) {
    const swapped = r.ok && before !== null && !(c.op === "move_stake" || c.op === "transfer_stake" || c.op === "swap_stake" ? c.originNetuid === c.destinationNetuid : false);
    const row: OpRecord = {
      block: acc.block,
      op: c.op,
      coldkey: c.coldkey,
      hotkey: "hotkey" in c ? c.hotkey : c.originHotkey,
      netuid,
      originNetuid: "originNetuid" in c ? c.originNetuid : -1,
      amountIn: r.ok ? a.amountIn : "tao" in c ? c.tao : c.alpha,
      amountOut: a.amountOut,
      fee: a.fee,
      taoBefore: swapped ? before[0] : null,
      alphaBefore: swapped ? before[1] : null,
      taoAfter: swapped ? e.subnetTao[netuid] : null,
      alphaAfter: swapped ? e.alphaIn[netuid] : null,
      quoteWeight: swapped ? e.quoteWeight[netuid] : null,
      result: r.ok ? "ok" : r.error,
    };
    ops.record(row);
  }
  if (r.ok && c.op === "add_stake" && c.netuid === 0) {
    afterRootStakeAdded(world.econ.rootClaims, c.hotkey, c.coldkey, a.amountOut); // stake_utils.rs: root-claim bookkeeping
    world.noteRootStaker(c.hotkey, c.coldkey);
  }
  if (r.ok) {
    // alpha sold into a pool (subnets.csv alpha_sold_total): unstakes, and moves that leave their subnet
    const from = c.op === "remove_stake" || c.op === "remove_stake_limit" ? c.netuid : "originNetuid" in c && c.originNetuid !== c.destinationNetuid ? c.originNetuid : -1;
    if (from > 0) world.alphaSold[from] = (world.alphaSold[from] ?? 0n) + a.amountIn;
  }
  return r.ok ? { ok: true, ...a } : { ok: false, error: r.error };
}
