/**
 * The staking store over an engine's ChainEconomy: the same ports as the in-memory StakingState,
 * but every item lives where the coinbase and the epoch read it, so there is one source:
 *   pool of netuid       SubnetTAO / SubnetAlphaIn / SubnetAlphaOut / quote weight columns
 *   share pool (hk, n)   its shared value IS keys.stake[n][hk] (TotalHotkeyAlpha)
 *   free balances        per coldkey, Σ kept in econ.freeBalanceTotal
 *   TotalStake           econ.totalStake; burned fees in econ.burnedTaoTotal / burnedAlphaTotal
 * Genesis stake that no operation has touched yet belongs to the hotkey's owner: its share pool is
 * created on first use with the owner holding the whole value. It also is the coinbase's StakeSink.
 */
import type { ChainEconomy } from "../emission/chainEconomy.js";
import { recordTaoInflow, recordTaoOutflow } from "../emission/taoFlow.js";
import type { StakeSink } from "../emission/distributeEmission.js";
import { HALF_WEIGHT } from "../pool/balancer.js";
import { DEFAULT_FEE_RATE, MINIMUM_RESERVE, type Pool } from "../pool/pool.js";
import { sfFromU64 } from "./safeFloat.js";
import { SharePool } from "./sharePool.js";
import { DEFAULT_MIN_STAKE, type StakingParams, type StakingStore, type SubnetStaking } from "./stakingStore.js";

/** A Pool whose fields read and write netuid's columns (own enumerable accessors, so `{ ...pool }` copies values). */
export function columnPool(e: ChainEconomy, n: number, feeRateOf: (netuid: number) => number): Pool {
  const p = {} as Pool;
  Object.defineProperties(p, {
    mechanism: { enumerable: true, get: () => (e.mechanism[n] === 1 ? 1 : 0), set: (v: 0 | 1) => void (e.mechanism[n] = v) },
    taoReserve: { enumerable: true, get: () => e.subnetTao[n], set: (v: bigint) => void (e.subnetTao[n] = v) },
    alphaReserve: { enumerable: true, get: () => e.alphaIn[n], set: (v: bigint) => void (e.alphaIn[n] = v) },
    alphaOut: { enumerable: true, get: () => e.alphaOut[n], set: (v: bigint) => void (e.alphaOut[n] = v) },
    quoteWeight: { enumerable: true, get: () => e.quoteWeight[n] || HALF_WEIGHT, set: (v: bigint) => void (e.quoteWeight[n] = v) },
    // the engine's pools are live subnets: the balancer is initialised
    balancerInitialized: { enumerable: true, get: () => true, set: () => undefined },
    feeRate: { enumerable: true, get: () => feeRateOf(n), set: () => undefined },
  });
  return p;
}

interface Level {
  undo: (() => void)[];
  seen: Set<string>;
  totals: readonly [bigint, bigint, bigint];
}

export class ColumnStakingStore implements StakingStore, StakeSink {
  block = 0;
  blockAuthor: number | null = null;
  readonly params: StakingParams = { defaultMinStake: DEFAULT_MIN_STAKE, minimumReserve: MINIMUM_RESERVE };
  /** Free TAO per coldkey id (grows when a new coldkey appears). */
  free: BigInt64Array;
  /** `FeeRate` per netuid (the engine keeps it with the subnet's parameters). */
  feeRateOf: (netuid: number) => number = () => DEFAULT_FEE_RATE;
  private readonly pools: Map<number, SharePool>[] = []; // per netuid: hotkey → pool
  private readonly views: (SubnetStaking | undefined)[] = [];
  private readonly levels: Level[] = [];

  constructor(
    readonly econ: ChainEconomy,
    coldkeys: number,
  ) {
    this.free = new BigInt64Array(coldkeys);
  }

  get totalStake(): bigint {
    return this.econ.totalStake;
  }
  set totalStake(v: bigint) {
    this.econ.totalStake = v;
  }

  recordTaoFlow(netuid: number, tao: bigint): void {
    if (tao >= 0n) recordTaoInflow(this.econ.taoFlow, netuid, tao);
    else recordTaoOutflow(this.econ.taoFlow, netuid, -tao);
  }

  subnet(netuid: number): SubnetStaking | undefined {
    const e = this.econ;
    if (!(netuid >= 0 && netuid < e.netuids) || e.added[netuid] !== 1) return undefined;
    this.touchSubnet(netuid);
    let v = this.views[netuid];
    if (v === undefined) {
      const pool = columnPool(e, netuid, (n) => this.feeRateOf(n));
      v = Object.defineProperties({} as SubnetStaking, {
        pool: { enumerable: true, value: pool },
        subtokenEnabled: { enumerable: true, get: () => netuid === 0 || e.subtokenEnabled[netuid] === 1, // root is always enabled
          set: (b: boolean) => void (e.subtokenEnabled[netuid] = b ? 1 : 0) },
        transferToggle: { enumerable: true, get: () => true, set: () => undefined }, // no TransferToggle column: default true
      });
      this.views[netuid] = v;
    }
    return v;
  }

  netuids(): number[] {
    const out: number[] = [];
    for (let n = 0; n < this.econ.netuids; n++) if (this.econ.added[n] === 1) out.push(n);
    return out;
  }

  hotkeyExists(hk: number): boolean {
    return hk >= 0 && hk < this.econ.keys.count;
  }

  balance(ck: number): bigint {
    return ck >= 0 && ck < this.free.length ? this.free[ck] : 0n;
  }

  /** Adds (or with a negative amount removes) free TAO, keeping Σ free balances. */
  addBalance(ck: number, delta: bigint): void {
    if (ck >= this.free.length) {
      const next = new BigInt64Array(Math.max(ck + 1, this.free.length * 2));
      next.set(this.free);
      this.free = next;
    }
    const before = this.free[ck];
    this.journal(`b${ck}`, () => () => {
      this.free[ck] = before;
    });
    this.free[ck] += delta;
    this.econ.freeBalanceTotal += delta;
  }

  sharePool(hk: number, netuid: number): SharePool {
    const byHk = (this.pools[netuid] ??= new Map());
    const p = byHk.get(hk);
    if (this.levels.length > 0) {
      this.journal(`s${netuid}:${hk}`, () => {
        const value = this.econ.keys.stake[netuid][hk];
        const saved = p?.clone();
        return () => {
          if (saved === undefined) {
            byHk.delete(hk);
            this.econ.keys.stake[netuid][hk] = value;
          } else p!.restore(saved);
        };
      });
    }
    return p ?? this.createPool(netuid, hk, this.econ.keys.stake[netuid][hk] > 0n);
  }

  /** A pool over keys.stake[netuid][hk]; with `ownerHolds`, the owner holds the current value. */
  private createPool(netuid: number, hk: number, ownerHolds: boolean): SharePool {
    const keys = this.econ.keys;
    const p = new SharePool({ get: () => keys.stake[netuid][hk], set: (v) => void (keys.stake[netuid][hk] = v) });
    if (ownerHolds) {
      const s = sfFromU64(p.sharedValue);
      p.denominator = s;
      p.shares.set(keys.owner[hk], s);
    }
    (this.pools[netuid] ??= new Map()).set(hk, p);
    return p;
  }

  stakeOf(hk: number, ck: number, netuid: number): bigint {
    const p = this.pools[netuid]?.get(hk);
    if (p !== undefined) return p.getValue(ck);
    const keys = this.econ.keys;
    const owns = netuid >= 0 && netuid < this.econ.netuids && hk >= 0 && hk < keys.count && keys.owner[hk] === ck;
    return owns ? keys.stake[netuid][hk] : 0n;
  }

  markStakeBlock(): void {} // LastColdkeyHotkeyStakeBlock: written on chain, read by nothing at HEAD

  burnTao(_netuid: number, tao: bigint): void {
    this.econ.burnedTaoTotal += tao;
  }

  burnAlpha(netuid: number, alpha: bigint): void {
    this.touchSubnet(netuid);
    this.econ.burnedAlphaTotal[netuid] += alpha;
  }

  keepOnSubnetAccount(netuid: number, tao: bigint): void {
    this.touchSubnet(netuid);
    this.econ.accountTao[netuid] += tao;
  }

  // StakeSink: the coinbase has already added `alpha` to keys.stake[netuid][hotkey]. A pool not yet
  // created is created with the value before the credit (the owner's genesis stake), as it stood.
  /** `increase_stake_for_hotkey_and_coldkey_on_subnet`. */
  toColdkey(netuid: number, hotkey: number, coldkey: number, alpha: bigint): void {
    // Still the owner's alone: crediting the owner keeps denominator = value·10^k exactly (each share
    // increment is alpha·10^k), so creating the pool later from the value gives the same pool. This
    // keeps SafeFloat arithmetic off the per-epoch incentive loop.
    if (coldkey === this.econ.keys.owner[hotkey] && this.pools[netuid]?.get(hotkey) === undefined) return;
    const stake = this.econ.keys.stake[netuid];
    stake[hotkey] -= alpha;
    (this.pools[netuid]?.get(hotkey) ?? this.createPool(netuid, hotkey, stake[hotkey] > 0n)).updateValueForOne(coldkey, alpha);
  }

  /** `increase_stake_for_hotkey_on_subnet`: shared pro rata (unclaimed if nobody holds a share). */
  toNominators(netuid: number, hotkey: number, alpha: bigint): void {
    if (this.pools[netuid]?.get(hotkey) !== undefined) return; // the value is the column: already shared
    const stake = this.econ.keys.stake[netuid];
    stake[hotkey] -= alpha;
    this.createPool(netuid, hotkey, stake[hotkey] > 0n);
    stake[hotkey] += alpha;
  }

  transactional<R extends { ok: boolean }>(_netuids: number[], _accounts: number[], fn: () => R): R {
    const e = this.econ;
    const level: Level = { undo: [], seen: new Set(), totals: [e.totalStake, e.freeBalanceTotal, e.burnedTaoTotal] };
    this.levels.push(level);
    let r: R;
    try {
      r = fn();
    } finally {
      this.levels.pop();
    }
    if (!r.ok) {
      for (let k = level.undo.length - 1; k >= 0; k--) level.undo[k]();
      [e.totalStake, e.freeBalanceTotal, e.burnedTaoTotal] = level.totals;
    } else if (this.levels.length > 0) {
      const outer = this.levels[this.levels.length - 1];
      for (const u of level.undo) outer.undo.push(u);
    }
    return r;
  }

  /** Records, once per transaction level, how to undo changes to one item. */
  private journal(key: string, makeUndo: () => () => void): void {
    const level = this.levels[this.levels.length - 1];
    if (level === undefined || level.seen.has(key)) return;
    level.seen.add(key);
    level.undo.push(makeUndo());
  }

  private touchSubnet(n: number): void {
    const e = this.econ;
    this.journal(`n${n}`, () => {
      const saved = [e.subnetTao[n], e.alphaIn[n], e.alphaOut[n], e.quoteWeight[n], e.accountTao[n], e.burnedAlphaTotal[n]] as const;
      return () => {
        [e.subnetTao[n], e.alphaIn[n], e.alphaOut[n], e.quoteWeight[n], e.accountTao[n], e.burnedAlphaTotal[n]] = saved;
      };
    });
  }
}
