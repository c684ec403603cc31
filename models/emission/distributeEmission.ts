// Distribution of a drained epoch (spec/emission.md §5.1, §5.3–§5.6).
// Chain: coinbase/run_coinbase.rs::{distribute_emission, calculate_dividends_and_incentives,
//        calculate_dividend_distribution, distribute_dividends_and_incentives},
//        staking/claim_root.rs::increase_root_claimable_for_hotkey_and_subnet (models/staking/rootClaims.ts).

import type { EpochOutput } from "../consensus/types.js";
import { type RootClaimablePort, increaseRootClaimable } from "../staking/rootClaims.js";
import type { RootClaimsState } from "../staking/rootClaimsState.js";
import type { ChainEconomy } from "./chainEconomy.js";
import { recycleSubnetAlpha } from "./emitToSubnets.js";
import { checkedDiv96, mul96, satSub, toU64From96, u16Proportion96, u96 } from "./fixedPoint.js";
import { parentChildDividends } from "./parentChildDividends.js";
import { taoWeight96 } from "./rootProportion.js";

/** Where credited stake goes: the hotkey's owner coldkey (share-pool "for one") or all its nominators. */
export interface StakeSink {
  toColdkey(netuid: number, hotkey: number, coldkey: number, alpha: bigint): void; // increase_stake_for_hotkey_and_coldkey_on_subnet
  toNominators(netuid: number, hotkey: number, alpha: bigint): void; // increase_stake_for_hotkey_on_subnet
  /** RootClaimable storage the root dividends are credited to (default: state.rootClaims). */
  rootClaims?: RootClaimsState;
}

/** What one drained epoch paid (alpha-rao), for reports and the conservation tests. */
export interface DistributionReport {
  netuid: number;
  drained: bigint; // S + V + R + O
  ownerCut: bigint;
  miners: bigint; // incentives staked to miners
  withheld: bigint; // incentives of owner hotkeys (recycled or burned)
  validatorTake: bigint; // delegate take on alpha and root dividends
  nominators: bigint; // alpha dividends after take (to every share holder of the hotkey)
  rootClaimable: bigint; // root dividends after take credited to root stakers
  rootFallback: bigint; // root dividends staked as alpha because the hotkey's root stake was smaller
  recycled: bigint; // CK burn + owner incentive under Recycle
  burned: bigint; // owner incentive under Burn (stays in SubnetAlphaOut)
  unowned: bigint; // unpaid buckets and flooring dust
}

/** Ascending hotkey order stands in for the chain's BTreeMap<AccountId> order. */
function sortedKeys(m: Map<number, unknown>): number[] {
  return Array.from(m.keys()).sort((a, b) => a - b);
}

/** get_owner_hotkeys as a set: owner coldkey's hotkeys holding a UID on the subnet, plus SubnetOwnerHotkey. */
function ownerHotkeys(state: ChainEconomy, netuid: number): Set<number> {
  const set = new Set<number>();
  const ck = state.subnetOwnerColdkey[netuid];
  const uids = state.uidHotkey[netuid];
  for (let u = 0; u < uids.length; u++) {
    const hk = uids[u];
    if (hk >= 0 && ck >= 0 && state.keys.owner[hk] === ck) set.add(hk);
  }
  const ohk = state.subnetOwnerHotkey[netuid];
  if (ohk >= 0 && uids.includes(ohk)) set.add(ohk);
  return set;
}

/**
 * calculate_dividend_distribution: each hotkey's dividend d (U96F32) splits into a root part
 * d·r/(a + r) (r = root stake · w_tao, a = alpha stake) and an alpha part; returns the U96F32
 * amounts alpha[j] = Vv · ad_j/Σad and root[j] = R · rd_j/Σrd.
 */
export function dividendDistribution(
  validatorAlpha: bigint, // Vv (u64)
  rootAlpha: bigint, // R (u64)
  wTao96: bigint,
  alphaStake: readonly bigint[], // TotalHotkeyAlpha[hk][i]
  rootStake: readonly bigint[], // TotalHotkeyAlpha[hk][0]
  dividend: readonly bigint[], // U96F32
): { alpha: bigint[]; root: bigint[] } {
  const n = dividend.length;
  const alphaPart: bigint[] = new Array<bigint>(n);
  const rootPart: bigint[] = new Array<bigint>(n);
  let totalAlpha = 0n;
  let totalRoot = 0n;
  for (let j = 0; j < n; j++) {
    const a = u96(alphaStake[j]);
    const r = mul96(u96(rootStake[j]), wTao96);
    const rp = checkedDiv96(r, a + r) ?? 0n;
    const rd = mul96(dividend[j], rp);
    rootPart[j] = rd;
    alphaPart[j] = satSub(dividend[j], rd);
    totalRoot += rd;
    totalAlpha += alphaPart[j];
  }
  const vv = u96(validatorAlpha);
  const rr = u96(rootAlpha);
  return {
    alpha: alphaPart.map((ad) => mul96(vv, checkedDiv96(ad, totalAlpha) ?? 0n)),
    root: rootPart.map((rd) => mul96(rr, checkedDiv96(rd, totalRoot) ?? 0n)),
  };
}

/**
 * distribute_emission(i, S, V, R, O) given the epoch run on S + V + R. Miners get the epoch's
 * server emission; validators' epoch dividends only weight the Vv (= V, or V + S when no
 * incentive) and R buckets. Writes stakes, MinerBurned and the cumulative totals.
 */
export function distributeEmission(
  state: ChainEconomy,
  netuid: number,
  server: bigint,
  validator: bigint,
  root: bigint,
  ownerCut: bigint,
  epoch: EpochOutput,
  sink?: StakeSink,
): DistributionReport {
  const i = netuid;
  const wTao = taoWeight96(state);
  const uids = state.uidHotkey[i];
  const stake = state.keys.stake;
  const owner = state.keys.owner;
  const recycledBefore = state.recycledAlphaTotal[i];
  const rep: DistributionReport = {
    netuid, drained: server + validator + root + ownerCut, ownerCut: 0n, miners: 0n, withheld: 0n,
    validatorTake: 0n, nominators: 0n, rootClaimable: 0n, rootFallback: 0n, recycled: 0n, burned: 0n, unowned: 0n,
  };
  const credit = (hk: number, amount: bigint, toOwner: boolean): void => {
    if (amount === 0n) return;
    stake[i][hk] += amount;
    if (toOwner) sink?.toColdkey(i, hk, owner[hk], amount);
    else sink?.toNominators(i, hk, amount);
  };

  // epoch_with_mechanisms → (hotkey, incentive, dividend), hotkey order; calculate_dividends_and_incentives
  const n = epoch.serverEmission.length;
  const order: number[] = [];
  let incentiveSum = 0n;
  for (let u = 0; u < n; u++) {
    if (uids[u] < 0) continue;
    order.push(u);
    incentiveSum += BigInt(epoch.serverEmission[u]);
  }
  let epochPaid = incentiveSum;
  for (const u of order) epochPaid += BigInt(epoch.validatorEmission[u]);
  if (epochPaid > server + validator + root) throw new RangeError(`epoch output pays more than S+V+R on netuid ${i}`);
  order.sort((a, b) => uids[a] - uids[b]);
  const incentives = new Map<number, bigint>();
  const dividends = new Map<number, bigint>(); // U96F32
  const addDividend = (hk: number, amount: bigint): void => {
    dividends.set(hk, (dividends.get(hk) ?? 0n) + u96(amount));
  };
  for (const u of order) {
    const hk = uids[u];
    incentives.set(hk, (incentives.get(hk) ?? 0n) + BigInt(epoch.serverEmission[u]));
    parentChildDividends(state, hk, i, BigInt(epoch.validatorEmission[u]), wTao, addDividend);
  }
  const validatorAlpha = incentiveSum !== 0n ? validator : validator + server;

  // calculate_dividend_distribution (stakes read before any payout)
  const hotkeys = sortedKeys(dividends);
  const split = dividendDistribution(
    validatorAlpha, root, wTao,
    hotkeys.map((hk) => stake[i][hk]), hotkeys.map((hk) => stake[0][hk]), hotkeys.map((hk) => dividends.get(hk) as bigint),
  );

  // distribute_dividends_and_incentives: 1. owner cut
  const ownerCk = state.subnetOwnerColdkey[i];
  const ownerHk = state.subnetOwnerHotkey[i];
  if (ownerCk >= 0 && ownerHk >= 0) {
    stake[i][ownerHk] += ownerCut;
    if (ownerCut > 0n) sink?.toColdkey(i, ownerHk, ownerCk, ownerCut);
    rep.ownerCut = ownerCut;
    state.ownerAlphaTotal[i] += ownerCut;
  }
  // 2. incentives (owner hotkeys withheld)
  const withheldKeys = ownerHotkeys(state, i);
  let total = 0n;
  for (const hk of sortedKeys(incentives)) {
    const inc = incentives.get(hk) as bigint;
    total += inc;
    if (withheldKeys.has(hk)) {
      rep.withheld += inc;
      if (state.recycleOrBurn[i] === 1) recycleSubnetAlpha(state, i, inc);
      else {
        state.burnedAlphaTotal[i] += inc;
        rep.burned += inc;
      }
      continue;
    }
    credit(hk, inc, true);
    rep.miners += inc;
  }
  state.minerBurned[i] = checkedDiv96(u96(rep.withheld), u96(total)) ?? 0n;
  state.minerAlphaTotal[i] += rep.miners;
  // 3. alpha dividends: take to the owner coldkey, the rest to every nominator
  for (let j = 0; j < hotkeys.length; j++) {
    const hk = hotkeys[j];
    let ad = split.alpha[j];
    const take = mul96(u16Proportion96(state.keys.take[hk]), ad);
    ad = satSub(ad, take);
    const t = toU64From96(take);
    const rest = toU64From96(ad);
    credit(hk, t, true);
    credit(hk, rest, false);
    rep.validatorTake += t;
    rep.nominators += rest;
    state.validatorAlphaTotal[i] += t + rest;
  }
  // 4. root alpha dividends: take staked as alpha, the rest claimable by the hotkey's root stakers
  const claims = sink?.rootClaims ?? state.rootClaims;
  const claimablePort: RootClaimablePort = {
    hotkeyRootStake: (hk) => stake[0][hk],
    owner: (hk) => owner[hk],
    increaseStake: (hk, _ck, _netuid, amount) => credit(hk, amount, true), // fallback: to Owner[hk] on netuid i
  };
  for (let j = 0; j < hotkeys.length; j++) {
    const hk = hotkeys[j];
    let ra = split.root[j];
    const take = mul96(u16Proportion96(state.keys.take[hk]), ra);
    ra = satSub(ra, take);
    const t = toU64From96(take);
    const x = toU64From96(ra);
    credit(hk, t, true);
    rep.validatorTake += t;
    if (increaseRootClaimable(claims, claimablePort, hk, i, x) === "fallback") rep.rootFallback += x;
    else {
      state.rootClaimableAlpha[i] += x; // owed to the hotkey's root stakers until claimed (in SubnetAlphaOut)
      rep.rootClaimable += x;
    }
    state.rootAlphaTotal[i] += t + x;
  }
  rep.recycled = state.recycledAlphaTotal[i] - recycledBefore;
  const paid = rep.ownerCut + rep.miners + rep.withheld + rep.validatorTake + rep.nominators +
    rep.rootClaimable + rep.rootFallback + (rep.recycled - (state.recycleOrBurn[i] === 1 ? rep.withheld : 0n));
  rep.unowned = rep.drained - paid;
  if (rep.unowned < 0n) throw new RangeError(`distribution paid more than drained on netuid ${i}`);
  state.unownedAlpha[i] += rep.unowned;
  return rep;
}
