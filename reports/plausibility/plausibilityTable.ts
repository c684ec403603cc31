// The plausibility table of a finished run (first task, first replicate): per subnet, the price at
// the start and the end, the mean emission share, TAO injected into the pool vs TAO the coinbase spent
// buying alpha, root dividends claimed as alpha, alpha sold by holders, and staking yields (alpha,
// this subnet's part of the root yield, its validators'). readPlausibility.ts reads the tables.
import { BLOCKS_PER_YEAR, yieldSpread, type NetworkYields, type ValidatorYield, type YieldSpread } from "./stakingYields.js";

export interface PlausibilityRow {
  netuid: number;
  priceStart: number;
  priceEnd: number;
  /** priceEnd / priceStart − 1. */
  priceChange: number;
  meanShare: number;
  taoInjected: number; // TAO injected by the coinbase (subnets.csv tao_in_total counts the chain-bought TAO too)
  taoChainBought: number; // TAO (tao_chain_bought_total)
  rootClaimedAlpha: number; // alpha
  alphaSold: number; // alpha
  /** Alpha dividends per alpha staked, per year (stakingYields.ts); NaN when not computed. */
  alphaYield: number;
  /** This subnet's root dividends per TAO of root stake, per year. */
  rootYieldPart: number;
  /** Its validators' yields, or null when it has none in neurons.csv. */
  validatorYield: YieldSpread | null;
  /** Simulated in full detail (its neuron rows hold validator permits). */
  fullDetail: boolean;
}

/** The run's staking yields (stakingYields.ts has the definitions). */
export interface StakingYieldSummary {
  windowBlocks: number;
  rootYield: number;
  rootDividendsTao: number;
  rootStakeMeanTao: number;
  /** Across subnets. */
  alphaYield: YieldSpread;
  /** Across the validators of the full-detail subnets. */
  validatorYield: YieldSpread;
  taoWeight: number;
}

/** subnets.csv columns plausibilityRows reads, in order. */
export const PLAUSIBILITY_COLUMNS = ["task", "replicate", "netuid", "price", "emission_share", "tao_in_total", "tao_chain_bought_total", "root_claimed_alpha_total", "alpha_sold_total"] as const;

interface Acc { first: number[]; last: number[]; shareSum: number; samples: number }

/** Rows of subnets.csv (as numbers, in COLUMNS order) → one plausibility row per subnet. */
export function plausibilityRows(rows: Iterable<readonly number[]>): PlausibilityRow[] {
  const by = new Map<number, Acc>();
  for (const r of rows) {
    if (r[0] !== 0 || r[1] !== 0) continue; // task 0, replicate 0
    const a = by.get(r[2]);
    if (a === undefined) by.set(r[2], { first: [...r], last: [...r], shareSum: r[4], samples: 1 });
    else {
      a.last = [...r];
      a.shareSum += r[4];
      a.samples++;
    }
  }
  return [...by.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([netuid, a]) => ({
      netuid,
      priceStart: a.first[3],
      priceEnd: a.last[3],
      priceChange: a.first[3] > 0 ? a.last[3] / a.first[3] - 1 : 0,
      meanShare: a.shareSum / a.samples,
      taoInjected: (a.last[5] - a.first[5] - (a.last[6] - a.first[6])) / 1e9,
      taoChainBought: (a.last[6] - a.first[6]) / 1e9,
      rootClaimedAlpha: (a.last[7] - a.first[7]) / 1e9,
      alphaSold: (a.last[8] - a.first[8]) / 1e9,
      alphaYield: NaN,
      rootYieldPart: NaN,
      validatorYield: null,
      fullDetail: false,
    }));
}

/** `rows` with each subnet's yields and whether it is in full detail. */
export function withYields(rows: PlausibilityRow[], network: NetworkYields, validators: ValidatorYield[], fullDetail: ReadonlySet<number>): PlausibilityRow[] {
  const bySubnet = new Map(network.subnets.map((s) => [s.netuid, s]));
  return rows.map((r) => {
    const own = validators.filter((v) => v.netuid === r.netuid).map((v) => v.yield);
    return {
      ...r,
      alphaYield: bySubnet.get(r.netuid)?.alphaYield ?? NaN,
      rootYieldPart: bySubnet.get(r.netuid)?.rootYieldPart ?? NaN,
      validatorYield: own.length > 0 ? yieldSpread(own) : null,
      fullDetail: fullDetail.has(r.netuid),
    };
  });
}

const f = (x: number, d = 0): string => x.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
/** A yield as a percentage ("n/a" when undefined). */
export const pct = (x: number): string => (Number.isFinite(x) ? `${f(x * 100, Math.abs(x) < 0.1 ? 2 : 1)} %` : "n/a");
/** "median (min–max)" of a spread, or "n/a". */
export const spread = (s: YieldSpread | null): string => (s === null || s.count === 0 ? "n/a" : s.count === 1 ? pct(s.median) : `${pct(s.median)} (${pct(s.min)} – ${pct(s.max)})`);

/** A Markdown table of `rows` (every subnet, or those whose netuid `keep` accepts) and the network's totals. */
export function plausibilityMarkdown(rows: PlausibilityRow[], keep: (netuid: number) => boolean = () => true, yields: StakingYieldSummary | null = null): string {
  const head = "| netuid | price start → end | change | mean emission share | TAO injected | TAO chain-bought | root divs claimed (α) | α sold by holders | α yield /yr | root yield part /yr | validator yield /yr: median (min – max) |\n|---|---|---|---|---|---|---|---|---|---|---|";
  const line = (r: PlausibilityRow): string =>
    `| ${r.netuid}${r.fullDetail ? " (full)" : ""} | ${r.priceStart.toPrecision(4)} → ${r.priceEnd.toPrecision(4)} | ${f(r.priceChange * 100, 1)} % | ${f(r.meanShare * 100, 2)} % | ${f(r.taoInjected)} | ${f(r.taoChainBought)} | ${f(r.rootClaimedAlpha)} | ${f(r.alphaSold)} | ${pct(r.alphaYield)} | ${pct(r.rootYieldPart)} | ${spread(r.validatorYield)} |`;
  const sum = (k: keyof PlausibilityRow): number => rows.reduce((a, r) => a + (r[k] as number), 0);
  const validators = yields?.validatorYield ?? null;
  const total = `| all ${rows.length} | Σ ${f(sum("priceStart"), 3)} → ${f(sum("priceEnd"), 3)} | ${f((sum("priceEnd") / sum("priceStart") - 1) * 100, 1)} % | ${f(sum("meanShare") * 100, 1)} % | ${f(sum("taoInjected"))} | ${f(sum("taoChainBought"))} | ${f(sum("rootClaimedAlpha"))} | ${f(sum("alphaSold"))} | median ${pct(yieldSpread(rows.map((r) => r.alphaYield)).median)} | root yield ${pct(sum("rootYieldPart"))} | full detail: ${spread(validators)} |`;
  return [head, ...rows.filter((r) => keep(r.netuid)).map(line), total].join("\n");
}

/** The yields' definitions, one sentence each (report and printPlausibility). */
export function yieldDefinitions(y: StakingYieldSummary | null): string[] {
  const window = y ? ` over the ${f(y.windowBlocks)} blocks from the first to the last sample` : " over the sampled window";
  return [
    `All yields are task 0, replicate 0, simple (not compounded) annual rates: the window's rate × ${f(BLOCKS_PER_YEAR)} blocks per year (7200 × 365) / the window's blocks.`,
    `Root yield: the root dividends of every subnet (each sample interval's increase of subnets.csv root_alpha_total, validators' take included, valued at the subnet's price at the interval's end) divided by the mean root stake (chain.csv root_stake_total)${window}; a subnet's "root yield part" is its own dividends over the same stake, so the parts add up to the root yield.`,
    `α yield (per subnet): the increase of validator_alpha_total (alpha dividends to validators' take and nominators) divided by the mean alpha outstanding (SubnetAlphaOut: all alpha outside the pool, staked)${window}.`,
    `Validator yield: for each validator's hotkey (neurons.csv rows whose role is validator), Σ validator_emission over its sampled epochs divided by Σ (alpha_stake + TaoWeight × root_stake) over the same epochs — its dividends per unit of the stake the epoch weighs it by, before the chain splits them into alpha and root dividends — annualised with the subnet's blocks per epoch (its sampled blocks / epochs); summarised as median (min – max) per subnet and over the full-detail subnets' validators.`,
  ];
}
