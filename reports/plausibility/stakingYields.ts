// Staking yield by kind of stake, from a run's tables (task 0, replicate 0), annualised as a simple
// (not compounded) rate over the sampled window with BLOCKS_PER_YEAR = 7200 · 365:
// - root: Σ over subnets and sample intervals of the root alpha dividends paid in the interval
//   (Δ root_alpha_total) × the subnet's price at the interval's end, over the mean root stake
//   (chain.csv root_stake_total), × BLOCKS_PER_YEAR / window blocks;
// - alpha, per subnet: Δ validator_alpha_total (validators' take + nominators) over the mean alpha
//   outstanding (SubnetAlphaOut: every alpha outside the pool is staked), same annualisation;
// - per validator: Σ validator_emission over its sampled epochs / Σ (alpha_stake + TaoWeight ·
//   root_stake) over the same epochs (the stake the epoch weighs it by), × BLOCKS_PER_YEAR / blocks
//   per epoch (the subnet's sampled blocks / epochs).
// Definitions are repeated in the report and in docs/interfaces.md.
import { quartiles } from "../metrics/NetworkTaskAccumulator.js";

export const BLOCKS_PER_YEAR = 7200 * 365;

/** One subnets.csv sample (amounts in rao, price in TAO per alpha). */
export interface SubnetYieldSample {
  netuid: number;
  block: number;
  price: number;
  alphaOutstanding: number;
  validatorAlphaTotal: number;
  rootAlphaTotal: number;
}

export interface SubnetYield {
  netuid: number;
  /** Alpha dividends (validators + nominators) per alpha staked, per year. */
  alphaYield: number;
  /** This subnet's root dividends (TAO value) per TAO of root stake, per year: the parts add up to the root yield. */
  rootYieldPart: number;
}

export interface NetworkYields {
  windowBlocks: number;
  /** Root dividends of all subnets (TAO value at the subnets' prices) per TAO of root stake, per year. */
  rootYield: number;
  rootDividendsTao: number;
  rootStakeMeanTao: number;
  subnets: SubnetYield[];
}

/**
 * `samples` in file order (blocks ascending per subnet); `rootStake` chain.csv's root_stake_total
 * samples (rao). The window is the subnets' first to last sample block.
 */
export function networkYields(samples: Iterable<SubnetYieldSample>, rootStake: readonly number[]): NetworkYields {
  const by = new Map<number, { first: SubnetYieldSample; last: SubnetYieldSample; alphaOutSum: number; n: number; rootTao: number }>();
  let firstBlock = Infinity;
  let lastBlock = -Infinity;
  for (const s of samples) {
    firstBlock = Math.min(firstBlock, s.block);
    lastBlock = Math.max(lastBlock, s.block);
    const a = by.get(s.netuid);
    if (a === undefined) {
      by.set(s.netuid, { first: s, last: s, alphaOutSum: s.alphaOutstanding, n: 1, rootTao: 0 });
      continue;
    }
    a.rootTao += (s.rootAlphaTotal - a.last.rootAlphaTotal) * s.price; // paid since the previous sample, at this sample's price
    a.last = s;
    a.alphaOutSum += s.alphaOutstanding;
    a.n++;
  }
  const window = lastBlock - firstBlock;
  const perYear = window > 0 ? BLOCKS_PER_YEAR / window : NaN;
  const rootStakeMean = rootStake.length > 0 ? rootStake.reduce((x, y) => x + y, 0) / rootStake.length : NaN;
  const subnets: SubnetYield[] = [...by.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([netuid, a]) => ({
      netuid,
      alphaYield: ((a.last.validatorAlphaTotal - a.first.validatorAlphaTotal) / (a.alphaOutSum / a.n)) * perYear,
      rootYieldPart: (a.rootTao / rootStakeMean) * perYear,
    }));
  const rootTao = [...by.values()].reduce((x, a) => x + a.rootTao, 0);
  return {
    windowBlocks: window > 0 ? window : 0,
    rootYield: (rootTao / rootStakeMean) * perYear,
    rootDividendsTao: rootTao / 1e9,
    rootStakeMeanTao: rootStakeMean / 1e9,
    subnets,
  };
}

/** One neurons.csv row of a validator (amounts in rao). */
export interface ValidatorEpochRow {
  netuid: number;
  epoch: number;
  block: number;
  hotkey: string;
  validatorEmission: number;
  alphaStake: number;
  rootStake: number;
}

export interface ValidatorYield {
  netuid: number;
  hotkey: string;
  yield: number;
}

export interface YieldSpread {
  count: number;
  min: number;
  median: number;
  max: number;
}

/** Streams validators' epoch rows; `finish(taoWeight)` gives each validator's yield. */
export class ValidatorYieldAccumulator {
  private readonly keys = new Map<string, { netuid: number; hotkey: string; dividends: number; stake: number }>();
  private readonly span = new Map<number, { e0: number; b0: number; e1: number; b1: number }>();

  add(r: ValidatorEpochRow, taoWeight: number): void {
    const key = `${r.netuid}\u0000${r.hotkey}`;
    let k = this.keys.get(key);
    if (!k) this.keys.set(key, (k = { netuid: r.netuid, hotkey: r.hotkey, dividends: 0, stake: 0 }));
    k.dividends += r.validatorEmission;
    k.stake += r.alphaStake + taoWeight * r.rootStake;
    const s = this.span.get(r.netuid);
    if (!s) this.span.set(r.netuid, { e0: r.epoch, b0: r.block, e1: r.epoch, b1: r.block });
    else if (r.epoch > s.e1) {
      s.e1 = r.epoch;
      s.b1 = r.block;
    }
  }

  /** Blocks per epoch of a subnet, from its first and last sampled epochs (NaN with one epoch). */
  blocksPerEpoch(netuid: number): number {
    const s = this.span.get(netuid);
    return s && s.e1 > s.e0 ? (s.b1 - s.b0) / (s.e1 - s.e0) : NaN;
  }

  finish(): ValidatorYield[] {
    return [...this.keys.values()]
      .map((k) => ({ netuid: k.netuid, hotkey: k.hotkey, yield: k.stake > 0 ? (k.dividends / k.stake) * (BLOCKS_PER_YEAR / this.blocksPerEpoch(k.netuid)) : NaN }))
      .sort((a, b) => a.netuid - b.netuid || a.hotkey.localeCompare(b.hotkey, "en", { numeric: true }));
  }
}

/** Count, min, median and max of the finite yields. */
export function yieldSpread(yields: readonly number[]): YieldSpread {
  const finite = yields.filter(Number.isFinite);
  if (finite.length === 0) return { count: 0, min: NaN, median: NaN, max: NaN };
  const [min, , median, , max] = quartiles(finite);
  return { count: finite.length, min, median, max };
}
