/**
 * Subnet pruning and dissolution: subtensor `coinbase/root.rs::get_network_to_prune` and
 * `staking/remove_stake.rs::destroy_alpha_in_out_stakes` (HEAD 14bc6f9f), over the staking
 * state (pools, share pools, free balances).
 *
 * Who gets paid what: the pot = SubnetTAO is split pro rata to alpha *value* among every
 * (hotkey, coldkey) staker and the protocol (SubnetAlphaIn + SubnetProtocolAlpha for subnets
 * registered after TaoInRefundDeploymentBlock, else SubnetProtocolAlpha), each floor(pot·v/Σv),
 * the leftover rao +1 each to the largest remainders (stable sort; ties keep iteration order,
 * protocol last). Stakers' TAO goes to their coldkeys' free balance; the protocol's share and
 * everything else left on the subnet account is recycled. Legacy subnets (registered before
 * NetworkRegistrationStartBlock) refund the owner lock − floor(owner-cut alpha · price).
 */
import { currentPrice } from "../pool/swap.js";
import { sfToU64 } from "../staking/safeFloat.js";
import type { StakingState } from "../staking/stakingState.js";

/** What pruning reads about each added non-root subnet. */
export interface PrunableSubnet {
  netuid: number;
  /** `NetworkRegisteredAt`. */
  registeredAt: number;
  /** `SubnetMechanism`: 0 (stable) subnets price at 1. */
  mechanism: number;
  /** `SubnetMovingPrice` as raw I96F32 bits (negative saturates to 0). */
  movingPrice: bigint;
}

const I96F32_ONE = 1n << 32n;

/**
 * chain: root.rs::get_network_to_prune — among subnets past NetworkImmunityPeriod, the lowest
 * moving price, ties to the earliest registration, then (storage iteration order, here) the lowest
 * netuid. null when every subnet is immune.
 */
export function networkToPrune(subnets: readonly PrunableSubnet[], now: number, networkImmunityPeriod: number): number | null {
  let best: PrunableSubnet | null = null;
  let bestPrice = 0n;
  for (const s of [...subnets].sort((a, b) => a.netuid - b.netuid)) {
    if (s.netuid === 0 || now < s.registeredAt + networkImmunityPeriod) continue;
    const price = s.mechanism === 0 ? I96F32_ONE : s.movingPrice < 0n ? 0n : s.movingPrice;
    if (best === null || price < bestPrice || (price === bestPrice && s.registeredAt < best.registeredAt)) {
      best = s;
      bestPrice = price;
    }
  }
  return best?.netuid ?? null;
}

export interface DissolveInput {
  netuid: number;
  /** `NetworkRegisteredAt`, `SubnetOwner`, `SubnetLocked`, `SubnetProtocolAlpha`. */
  registeredAt: number;
  ownerColdkey: number;
  locked: bigint;
  protocolAlpha: bigint;
  /** `NetworkRegistrationStartBlock` (default 0: no subnet is legacy) and `TaoInRefundDeploymentBlock` (default 0). */
  networkRegistrationStartBlock: number;
  taoInRefundDeploymentBlock: number;
  /** `SubnetOwnerCut` (u16) and the subnet's alpha issuance (legacy refund only). */
  subnetOwnerCut: number;
  alphaIssuance: bigint;
  /** TAO on the subnet account beyond SubnetTAO (stuck swap fees, …); recycled. Default 0. */
  accountExtra?: bigint;
}

export interface StakerPayout { hotkey: number; coldkey: number; alpha: bigint; tao: bigint }

export interface Dissolved {
  /** SubnetTAO before (removed from TotalStake). */
  pot: bigint;
  payouts: StakerPayout[];
  /** The protocol's portion (stays on the subnet account, then recycled). */
  protocolTao: bigint;
  ownerRefund: bigint;
  /** TAO recycled from the subnet account (`RAORecycledForRegistration[netuid]`). */
  recycled: bigint;
}

/** Largest-remainder split of `pot` by `values` (u128 math); order breaks remainder ties. */
export function largestRemainderSplit(pot: bigint, values: readonly bigint[]): bigint[] {
  const total = values.reduce((a, b) => a + b, 0n);
  if (pot === 0n || total === 0n) return values.map(() => 0n);
  const shares = values.map((v) => (pot * v) / total);
  const rems = values.map((v) => (pot * v) % total);
  let leftover = pot - shares.reduce((a, b) => a + b, 0n);
  const order = values.map((_, i) => i).sort((a, b) => (rems[b] > rems[a] ? 1 : rems[b] < rems[a] ? -1 : a - b));
  for (const i of order) {
    if (leftover <= 0n) break;
    shares[i] += 1n;
    leftover -= 1n;
  }
  return shares;
}

/**
 * chain: remove_stake.rs::destroy_alpha_in_out_stakes, then the pool part of `remove_network`
 * (`clear_protocol_liquidity`): pays stakers, removes the subnet's share pools and pool from
 * `staking`, lowers TotalStake by the pot. Stakers are taken in ascending (hotkey, coldkey) order.
 */
export function destroyAlphaInOutStakes(staking: StakingState, inp: DissolveInput): { ok: true; result: Dissolved } | { ok: false; error: "SubnetNotExists" } {
  const sub = staking.subnets.get(inp.netuid);
  if (sub === undefined || inp.netuid === 0) return { ok: false, error: "SubnetNotExists" };
  const pool = sub.pool;
  let ownerEmissionTao = 0n;
  const refundable = inp.registeredAt < inp.networkRegistrationStartBlock;
  if (refundable && inp.locked > 0n && inp.alphaIssuance > 0n) {
    const cut = (BigInt(inp.subnetOwnerCut) << 32n) / 65_535n; // U96F32 owner fraction
    const ownerAlpha = (inp.alphaIssuance * cut) >> 32n;
    const price32 = currentPrice(pool) >> 32n; // U64F64 → U96F32 (truncating)
    ownerEmissionTao = ownerAlpha > 0n ? (ownerAlpha * price32) >> 32n : 0n;
  }
  const protocolValue = inp.registeredAt > inp.taoInRefundDeploymentBlock ? pool.alphaReserve + inp.protocolAlpha : inp.protocolAlpha;
  const stakers: { hotkey: number; coldkey: number; alpha: bigint }[] = [];
  const keys: string[] = [];
  for (const [k, sp] of staking.sharePools) {
    const [hk, n] = k.split(":").map(Number);
    if (n !== inp.netuid) continue;
    keys.push(k);
    if (sp.sharedValue === 0n) continue; // no TotalHotkeyAlpha entry: not iterated by the chain
    for (const ck of sp.coldkeys()) {
      const v = sp.getValue(ck);
      const val = v === 0n ? sfToU64(sp.shares.get(ck)!) : v;
      if (val > 0n) stakers.push({ hotkey: hk, coldkey: ck, alpha: val });
    }
  }
  stakers.sort((a, b) => a.hotkey - b.hotkey || a.coldkey - b.coldkey);
  const pot = pool.taoReserve;
  const values = stakers.map((s) => s.alpha);
  if (protocolValue > 0n) values.push(protocolValue);
  const split = largestRemainderSplit(pot, values);
  const payouts = stakers.map((s, i) => ({ ...s, tao: split[i] }));
  const protocolTao = protocolValue > 0n ? split[split.length - 1] : 0n;
  const paidOut = payouts.reduce((a, p) => a + p.tao, 0n);
  // Effects.
  if (pot > 0n) staking.totalStake = staking.totalStake > pot ? staking.totalStake - pot : 0n;
  for (const p of payouts) if (p.tao > 0n) staking.addBalance(p.coldkey, p.tao);
  let account = pot + (inp.accountExtra ?? 0n) - paidOut;
  const refundWanted = refundable && inp.locked > ownerEmissionTao ? inp.locked - ownerEmissionTao : 0n;
  const transferable = account > protocolTao ? account - protocolTao : 0n;
  const ownerRefund = refundWanted < transferable ? refundWanted : transferable;
  if (ownerRefund > 0n) staking.addBalance(inp.ownerColdkey, ownerRefund);
  account -= ownerRefund;
  for (const k of keys) staking.sharePools.delete(k);
  staking.subnets.delete(inp.netuid);
  return { ok: true, result: { pot, payouts, protocolTao, ownerRefund, recycled: account } };
}
