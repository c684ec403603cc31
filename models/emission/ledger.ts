// Every place TAO and alpha can be, so conservation can be checked at any block (spec/emission.md §6).

import type { ChainEconomy } from "./chainEconomy.js";

export interface TaoLedger {
  totalIssuance: bigint; // TotalIssuance
  freeBalance: bigint; // Σ coldkey free balances
  poolTao: bigint; // Σ SubnetTAO over all netuids (root included)
  subnetAccounts: bigint; // TAO spent into subnet accounts by failed chain buys
  other: bigint; // locks and anything else the engine keeps outside pools and balances
  burned: bigint; // swap fees burned with no block author (cumulative)
  /** totalIssuance − (free + pools + accounts + other + burned): 0 when TAO is conserved. */
  imbalance: bigint;
  totalStake: bigint; // TotalStake (informational)
  recycledTotal: bigint; // credit computed but never minted (cumulative)
}

export interface AlphaLedger {
  netuid: number;
  issuance: bigint; // TotalAlphaIssuance
  alphaIn: bigint; // pool reserve
  alphaOut: bigint; // outstanding
  stakes: bigint; // Σ TotalHotkeyAlpha on the subnet
  protocol: bigint; // SubnetProtocolAlpha (chain-bought, staked to nobody)
  pending: bigint; // four pending buckets
  rootClaimable: bigint; // owed to root stakers, unclaimed
  burned: bigint; // AlphaBurned (still counted in SubnetAlphaOut)
  unowned: bigint; // flooring dust and unpaid buckets (§9.2)
  recycledTotal: bigint; // cumulative recycle_subnet_alpha (left issuance)
  /** issuance − (alphaIn + alphaOut). */
  issuanceImbalance: bigint;
  /** alphaOut − (stakes + protocol + pending + rootClaimable + burned + unowned). */
  outstandingImbalance: bigint;
}

export interface Ledger {
  tao: TaoLedger;
  alpha: AlphaLedger[]; // one per added netuid, ascending (root first)
}

/** Reports where every rao of TAO and alpha is; both imbalances are 0 for a conserving state. */
export function ledger(state: ChainEconomy): Ledger {
  let poolTao = 0n;
  let accounts = 0n;
  const alpha: AlphaLedger[] = [];
  for (let i = 0; i < state.netuids; i++) {
    if (state.added[i] !== 1) continue;
    poolTao += state.subnetTao[i];
    accounts += state.accountTao[i];
    let stakes = 0n;
    const col = state.keys.stake[i];
    for (let h = 0; h < state.keys.count; h++) stakes += col[h];
    const pending = state.pendingServer[i] + state.pendingValidator[i] + state.pendingRoot[i] + state.pendingOwnerCut[i];
    const issuance = i === 0 ? state.alphaIn[0] + state.alphaOut[0] : state.alphaIssuance[i];
    const held = stakes + state.protocolAlpha[i] + pending + state.rootClaimableAlpha[i] +
      state.burnedAlphaTotal[i] + state.unownedAlpha[i];
    alpha.push({
      netuid: i,
      issuance,
      alphaIn: state.alphaIn[i],
      alphaOut: state.alphaOut[i],
      stakes,
      protocol: state.protocolAlpha[i],
      pending,
      rootClaimable: state.rootClaimableAlpha[i],
      burned: state.burnedAlphaTotal[i],
      unowned: state.unownedAlpha[i],
      recycledTotal: state.recycledAlphaTotal[i],
      issuanceImbalance: issuance - (state.alphaIn[i] + state.alphaOut[i]),
      outstandingImbalance: state.alphaOut[i] - held,
    });
  }
  const places = state.freeBalanceTotal + poolTao + accounts + state.otherTao + state.burnedTaoTotal;
  return {
    tao: {
      totalIssuance: state.totalIssuance,
      freeBalance: state.freeBalanceTotal,
      poolTao,
      subnetAccounts: accounts,
      other: state.otherTao,
      burned: state.burnedTaoTotal,
      imbalance: state.totalIssuance - places,
      totalStake: state.totalStake,
      recycledTotal: state.recycledTaoTotal,
    },
    alpha,
  };
}
