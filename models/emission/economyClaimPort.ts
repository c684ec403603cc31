/**
 * A RootClaimPort over the coinbase's ChainEconomy columns (claim_root.rs's calls outside its own
 * storages): TotalHotkeyAlpha = keys.stake, the pool = SubnetTAO / SubnetAlphaIn / SubnetAlphaOut.
 * Per-coldkey root stake and StakingHotkeys live in the engine's staking state, so they come in as
 * options. Claimed alpha leaves `rootClaimableAlpha` through `recordRootClaim` (pass it as onClaim).
 * `atomic` restores the columns it touched; a `sink` mirroring credits elsewhere is not rolled back
 * (a refused Swap fails before any credit; a later subnet's refusal inside do_root_claim would not).
 */
import { swapAlphaForTao } from "../pool/applySwap.js";
import { MIN_PRICE_RAO, makePool } from "../pool/pool.js";
import type { ClaimEffect, RootClaimPort } from "../staking/rootClaims.js";
import type { ChainEconomy } from "./chainEconomy.js";
import type { StakeSink } from "./distributeEmission.js";

export interface EconomyClaimOptions {
  /** get_stake_for_hotkey_and_coldkey_on_subnet(hk, ck, ROOT) from the engine's share pools. */
  rootStake(hotkey: number, coldkey: number): bigint;
  /** StakingHotkeys[ck]. */
  stakingHotkeys(coldkey: number): readonly number[];
  /** swap_alpha_for_tao(netuid, alpha, min_price, drop_fees = true) on the subnet's pool (default: models/pool's swap on the columns). */
  sell?(state: ChainEconomy, netuid: number, alpha: bigint): { ok: true; tao: bigint; alphaIn: bigint } | { ok: false; error: string };
  /** Mirrors stake credits into the engine's share pools. */
  sink?: StakeSink;
  /** record_protocol_outflow. */
  onProtocolOutflow?(netuid: number, tao: bigint): void;
}

/** models/pool's exact swap on the economy's pool columns (dynamic subnets; 1:1 when stable). */
export function sellOnColumns(state: ChainEconomy, netuid: number, alpha: bigint): { ok: true; tao: bigint; alphaIn: bigint } | { ok: false; error: string } {
  const pool = makePool(state.subnetTao[netuid], state.alphaIn[netuid], {
    mechanism: state.mechanism[netuid] === 1 ? 1 : 0, alphaOut: state.alphaOut[netuid], quoteWeight: state.quoteWeight[netuid],
  });
  const r = swapAlphaForTao(pool, alpha, MIN_PRICE_RAO, true);
  if (!r.ok) return r;
  state.subnetTao[netuid] = pool.taoReserve;
  state.alphaIn[netuid] = pool.alphaReserve;
  state.alphaOut[netuid] = pool.alphaOut;
  state.quoteWeight[netuid] = pool.quoteWeight;
  return { ok: true, tao: r.amountPaidOut, alphaIn: r.amountPaidIn };
}

/** The claimed alpha is no longer owed to root stakers (Keep: now staked; Swap: sold into the pool). */
export function recordRootClaim(state: ChainEconomy, e: ClaimEffect): void {
  state.rootClaimableAlpha[e.netuid] -= e.alpha;
}

export function economyClaimPort(state: ChainEconomy, opts: EconomyClaimOptions): RootClaimPort {
  const sell = opts.sell ?? sellOnColumns;
  // undo log of the stake cells written inside `atomic` (netuid, hotkey, old value): a claim touches a
  // few cells, so copying whole stake columns per claim would cost more than the claim
  let undo: [number, number, bigint][] | null = null;
  return {
    hotkeyRootStake: (hk) => state.keys.stake[0][hk],
    rootStake: (hk, ck) => opts.rootStake(hk, ck),
    owner: (hk) => state.keys.owner[hk],
    stakingHotkeys: (ck) => opts.stakingHotkeys(ck),
    increaseStake: (hk, ck, netuid, alpha) => {
      undo?.push([netuid, hk, state.keys.stake[netuid][hk]]);
      state.keys.stake[netuid][hk] += alpha;
      if (alpha > 0n) opts.sink?.toColdkey(netuid, hk, ck, alpha);
    },
    swapAlphaForTao: (netuid, alpha) => {
      const r = sell(state, netuid, alpha);
      if (!r.ok) return r;
      state.totalStake -= r.tao;
      return { ok: true, tao: r.tao };
    },
    transferTaoToRoot: () => null,
    addToRootPool: (tao) => {
      state.subnetTao[0] += tao;
      state.alphaOut[0] += tao;
      state.totalStake += tao;
    },
    recordProtocolOutflow: (netuid, tao) => opts.onProtocolOutflow?.(netuid, tao),
    atomic: (netuids, fn) => {
      const cols = [state.subnetTao, state.alphaIn, state.alphaOut, state.quoteWeight];
      const saved = netuids.map((n) => cols.map((c) => c[n]));
      const totalStake = state.totalStake;
      const outer = undo;
      const log: [number, number, bigint][] = [];
      undo = log;
      let r: ReturnType<typeof fn>;
      try {
        r = fn();
      } finally {
        undo = outer;
      }
      if (!r.ok) {
        netuids.forEach((n, j) => cols.forEach((c, k) => (c[n] = saved[j][k])));
        for (let i = log.length - 1; i >= 0; i--) state.keys.stake[log[i][0]][log[i][1]] = log[i][2];
        state.totalStake = totalStake;
      } else if (outer) outer.push(...log);
      return r;
    },
  };
}
