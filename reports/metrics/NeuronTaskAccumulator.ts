// Per-task metrics from `neurons.csv` rows (one task at a time, fed row by row):
// stake and emission concentration, miners' incentive vs true quality (Spearman ρ per subnet,
// averaged), and dividends per unit of stake by validator strategy (whole task and per epoch block).
import { dividendRatios, HONEST_STRATEGY, type StrategyTotals } from "./dividendRatios.js";
import { gini } from "./gini.js";
import { nakamotoCoefficient } from "./nakamotoCoefficient.js";
import { spearman } from "./spearman.js";

/** Where each column the metrics use sits in a row (-1 when absent). */
export interface NeuronColumns {
  netuid: number;
  epoch: number;
  block: number;
  uid: number;
  hotkey: number;
  role: number;
  /** Holdings for the stake Gini/Nakamoto: `stake`, else `alpha_stake`, else `stake_weight`. */
  stake: number;
  /** Effective stake for dividends per unit of stake: the epoch's `stake_weight` when present. */
  stakeWeight: number;
  incentive: number;
  dividends: number;
  serverEmission: number;
  validatorEmission: number;
  quality: number;
}

export function neuronColumns(column: (name: string) => number): NeuronColumns {
  const first = (...names: string[]) => names.map(column).find((i) => i >= 0) ?? -1;
  return {
    netuid: column("netuid"),
    epoch: column("epoch"),
    block: column("block"),
    uid: column("uid"),
    hotkey: column("hotkey"),
    role: column("role"),
    stake: first("stake", "alpha_stake", "stake_weight"),
    stakeWeight: first("stake_weight", "stake", "alpha_stake"),
    incentive: column("incentive"),
    dividends: first("validator_emission", "dividends"),
    serverEmission: column("server_emission"),
    validatorEmission: column("validator_emission"),
    quality: first("true_quality", "quality"),
  };
}

export interface MinerPoint {
  netuid: number;
  uid: number;
  hotkey: string;
  quality: number;
  incentive: number;
}

export interface NeuronTaskMetrics {
  stakeGini: number;
  stakeNakamoto: number;
  emissionGini: number;
  emissionNakamoto: number;
  qualitySpearman: number;
  /** Validator strategy → dividends per unit stake relative to honest validators. */
  dividendRatios: Map<string, number>;
  /** Block → strategy → ratio, for each epoch block. */
  dividendRatiosByBlock: Map<number, Map<string, number>>;
  miners: MinerPoint[];
  /** Σ server emission and Σ validator emission (rao), a fallback for the role shares. */
  serverEmission: number;
  validatorEmission: number;
}

interface Slot {
  netuid: number;
  uid: number;
  hotkey: string;
  isMiner: boolean;
  lastEpoch: number;
  lastStake: number;
  incentiveSum: number;
  qualitySum: number;
  samples: number;
}

/** Role of an unoccupied uid slot; such rows are not neurons and are skipped. */
export const EMPTY_ROLE = "empty";

const num = (cells: string[], i: number): number => (i < 0 || cells[i] === "" ? NaN : Number(cells[i]));
const orZero = (v: number) => (Number.isNaN(v) ? 0 : v);

export class NeuronTaskAccumulator {
  private readonly slots = new Map<string, Slot>();
  private readonly lastEpochOfNetuid = new Map<number, number>();
  private readonly emissionByHotkey = new Map<string, number>();
  private readonly strategyTotals = new Map<string, StrategyTotals>();
  private readonly strategyByBlock = new Map<number, Map<string, StrategyTotals>>();
  private serverEmission = 0;
  private validatorEmission = 0;

  constructor(private readonly c: NeuronColumns) {}

  add(cells: string[]): void {
    const c = this.c;
    const netuid = orZero(num(cells, c.netuid));
    const uid = orZero(num(cells, c.uid));
    const epoch = orZero(num(cells, c.epoch));
    const role = c.role >= 0 ? cells[c.role] : "";
    if (role === EMPTY_ROLE) return;
    const hotkey = c.hotkey >= 0 && cells[c.hotkey] !== "" ? cells[c.hotkey] : `${netuid}/${uid}`;
    const stake = orZero(num(cells, c.stake));
    const server = orZero(num(cells, c.serverEmission));
    const validator = orZero(num(cells, c.validatorEmission));
    const quality = num(cells, c.quality);

    const key = `${netuid}/${uid}/${hotkey}`;
    let slot = this.slots.get(key);
    if (!slot) {
      const isMiner = c.role >= 0 ? role === "miner" || role.startsWith("miner:") : !Number.isNaN(quality);
      slot = { netuid, uid, hotkey, isMiner, lastEpoch: -Infinity, lastStake: 0, incentiveSum: 0, qualitySum: 0, samples: 0 };
      this.slots.set(key, slot);
    }
    if (epoch >= slot.lastEpoch) {
      slot.lastEpoch = epoch;
      slot.lastStake = stake;
    }
    if (!((this.lastEpochOfNetuid.get(netuid) ?? -Infinity) >= epoch)) this.lastEpochOfNetuid.set(netuid, epoch);
    if (slot.isMiner && !Number.isNaN(quality)) {
      slot.incentiveSum += orZero(num(cells, c.incentive));
      slot.qualitySum += quality;
      slot.samples++;
    }
    this.emissionByHotkey.set(hotkey, (this.emissionByHotkey.get(hotkey) ?? 0) + server + validator);
    this.serverEmission += server;
    this.validatorEmission += validator;

    if (role.startsWith("validator:")) {
      const strategy = role.slice("validator:".length);
      const dividends = orZero(num(cells, c.dividends));
      const weight = orZero(num(cells, c.stakeWeight));
      addTotals(this.strategyTotals, strategy, dividends, weight);
      const block = c.block >= 0 ? orZero(num(cells, c.block)) : epoch;
      let atBlock = this.strategyByBlock.get(block);
      if (!atBlock) this.strategyByBlock.set(block, (atBlock = new Map()));
      addTotals(atBlock, strategy, dividends, weight);
    }
  }

  finish(): NeuronTaskMetrics {
    const stakeByHotkey = new Map<string, number>();
    const miners: MinerPoint[] = [];
    for (const slot of this.slots.values()) {
      if (slot.lastEpoch === this.lastEpochOfNetuid.get(slot.netuid) && slot.lastStake > 0)
        stakeByHotkey.set(slot.hotkey, (stakeByHotkey.get(slot.hotkey) ?? 0) + slot.lastStake);
      if (slot.isMiner && slot.samples > 0)
        miners.push({
          netuid: slot.netuid,
          uid: slot.uid,
          hotkey: slot.hotkey,
          quality: slot.qualitySum / slot.samples,
          incentive: slot.incentiveSum / slot.samples,
        });
    }
    const stakes = [...stakeByHotkey.values()];
    const emissions = [...this.emissionByHotkey.values()];
    const byBlock = new Map<number, Map<string, number>>();
    for (const block of [...this.strategyByBlock.keys()].sort((a, b) => a - b))
      byBlock.set(block, dividendRatios(this.strategyByBlock.get(block)!));
    return {
      stakeGini: gini(stakes),
      stakeNakamoto: nakamotoCoefficient(stakes),
      emissionGini: gini(emissions),
      emissionNakamoto: nakamotoCoefficient(emissions),
      qualitySpearman: meanSpearmanOverSubnets(miners),
      dividendRatios: this.strategyTotals.has(HONEST_STRATEGY) ? dividendRatios(this.strategyTotals) : new Map(),
      dividendRatiosByBlock: this.strategyTotals.has(HONEST_STRATEGY) ? byBlock : new Map(),
      miners,
      serverEmission: this.serverEmission,
      validatorEmission: this.validatorEmission,
    };
  }
}

function addTotals(map: Map<string, StrategyTotals>, strategy: string, dividends: number, stake: number): void {
  const t = map.get(strategy);
  if (t) {
    t.dividends += dividends;
    t.stake += stake;
  } else map.set(strategy, { dividends, stake });
}

/**
 * Spearman ρ of incentive vs true quality within each subnet (incentive is normalised per subnet),
 * averaged over the subnets where it is defined; NaN when it is defined for none.
 */
export function meanSpearmanOverSubnets(miners: MinerPoint[]): number {
  const bySubnet = new Map<number, MinerPoint[]>();
  for (const m of miners) {
    const list = bySubnet.get(m.netuid);
    if (list) list.push(m);
    else bySubnet.set(m.netuid, [m]);
  }
  let sum = 0;
  let count = 0;
  for (const netuid of [...bySubnet.keys()].sort((a, b) => a - b)) {
    const list = bySubnet.get(netuid)!;
    const rho = spearman(list.map((m) => m.incentive), list.map((m) => m.quality));
    if (Number.isNaN(rho)) continue;
    sum += rho;
    count++;
  }
  return count > 0 ? sum / count : NaN;
}
