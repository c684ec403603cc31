// Writes scenarios/library/mainnet.yaml: 128 subnets whose emission shares follow a Zipf–Mandelbrot
// spread (share of rank r ∝ (r + Q)^−S), two in full detail and the rest `detail: pools`. Every number
// is a constant below, documented in the file it writes. Run: npx tsx scenarios/generators/mainnetScenario.ts
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import seedrandom from "seedrandom";

export const MAINNET = {
  subnets: 128, // SubnetLimit: mainnet has been at its 128-subnet limit since 2025
  zipfS: 1.3, // fitted so the shares' shape matches mainnet mid-September 2025 (see header)
  zipfQ: 3.5,
  priceSum: 1.5, // Σ alpha prices (TAO/alpha): ASSUMPTION, mainnet's sum was above 1 all through 2025
  fullRanks: [1, 20], // the subnets in full detail: the largest and a mid-size one
  launchAge: 4_759_200, // blocks from dTAO launch (2025-02-13) to 2026-12-06: 661 days × 7200
  oldRanks: 64, // ASSUMPTION: the 64 largest subnets date from the launch
  youngestAge: 100_800, // ASSUMPTION: the youngest subnet is 14 days old; ranks 65..128 spread linearly up to 3.6 M blocks
  youngAgeMax: 3_600_000,
  alphaInPerBlock: 0.3, // ASSUMPTION: SubnetAlphaIn ≈ 300k + 0.3 alpha per block of age
  alphaInBase: 300_000,
  alphaOutPerBlock: 0.5, // ASSUMPTION: SubnetAlphaOut ≈ 100k + 0.5 alpha per block of age (validators and nominators)
  alphaOutBase: 100_000,
  aggregateValidators: 4, // the network's large validators, shared by every pools subnet
  aggregateRootStake: 700_000, // TAO of root stake each (4 × 700k = 2.8 M): ASSUMPTION
  fullValidators: 16,
  fullRootStake: 25_000, // per full-detail validator (2 × 16 × 25k = 0.8 M): ASSUMPTION
  fullMiners: 96,
  soldPerDay: 5_000, // alpha a subnet's holders sell a day: 7200 alpha × (owner 18 % × ½ + miners 41 % × 1 + validators 41 % × ½) ≈ 5,000
  buyersMean: 0.8, // ASSUMPTION: outside buyers spend on average 0.8 × the TAO value of those sales (prices drift down, as through 2025)
  buyersSpread: 0.8, // ASSUMPTION: σ of the lognormal per-subnet factor on that (some subnets attract buyers, others not)
  buyersNoise: 0.5, // ASSUMPTION: day-to-day relative noise of each subnet's buying
  buyersSeed: "mainnet-buyers", // the generator's own stream for the per-subnet factors
};

/**
 * Each subnet's outside buyers in TAO a day, as a scenario expression: soldPerDay × price × factor_r,
 * factor_r = buyersMean · exp(σ·N − σ²/2) drawn once per rank, times (1 + noise·z) each day, floored at 0.
 */
export function buyersPerDay(n: number, prices: readonly number[]): string[] {
  const m = MAINNET;
  const rand = seedrandom(m.buyersSeed);
  return prices.slice(0, n).map((price) => {
    const g = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand()); // Box–Muller
    const level = m.soldPerDay * price * m.buyersMean * Math.exp(m.buyersSpread * g - (m.buyersSpread * m.buyersSpread) / 2);
    return `max(0, ${Number(level.toPrecision(4))} * (1 + ${m.buyersNoise} * z))`;
  });
}

export function shares(n = MAINNET.subnets, s = MAINNET.zipfS, q = MAINNET.zipfQ): number[] {
  const w = Array.from({ length: n }, (_, k) => (k + 1 + q) ** -s);
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / total);
}

export function ageOf(rank: number): number {
  const m = MAINNET;
  if (rank <= m.oldRanks) return m.launchAge;
  const f = (rank - m.oldRanks - 1) / (m.subnets - m.oldRanks - 1);
  return Math.round(m.youngAgeMax - f * (m.youngAgeMax - m.youngestAge));
}

export const MINER_SALES = "{ fraction: 1 }";
export const VALIDATOR_SALES = "{ fraction: 0.5 }";
export const OWNER_SALES = "{ fraction: 0.5 }";
const r6 = (x: number): number => Number(x.toPrecision(6));

/**
 * One subnet's line: pool from its age and price (share × Σ prices), a mature start, and either the
 * aggregate holders of a `detail: pools` subnet or the given full-detail body (validators, miners, ...).
 */
export function subnetYaml(rank: number, share: number, priceSum: number, buyers: string, fullBody?: string): string {
  const m = MAINNET;
  const age = ageOf(rank);
  const alphaIn = Math.round(m.alphaInBase + m.alphaInPerBlock * age);
  const alphaOut = Math.round(m.alphaOutBase + m.alphaOutPerBlock * age);
  const price = share * priceSum;
  const taoReserve = r6(price * alphaIn);
  const head = `  - { netuid: ${rank}, pool: { taoReserve: ${taoReserve}, alphaReserve: ${alphaIn} }, validatorStake: ${alphaOut}, start: { age: ${age} }`;
  if (fullBody === undefined) return `${head}, detail: pools,
      holders: { validators: { count: ${m.aggregateValidators}, rootStake: ${m.aggregateRootStake}, sell: ${VALIDATOR_SALES} }, miners: { sell: ${MINER_SALES} },
        buyers: { taoPerDay: "${buyers}" } }, owner: { sell: ${OWNER_SALES} } }`;
  return `${head},
${fullBody},
      users: [{ strategy: demand, taoPerDay: "${buyers}" }] }`;
}

function fullDetailBody(): string {
  const m = MAINNET;
  return `      validators: [{ count: ${m.fullValidators}, stakeWeight: "1 / (i + 1)", rootStake: ${m.fullRootStake}, sell: ${VALIDATOR_SALES} }],
      miners: [{ count: ${m.fullMiners}, quality: "0.2 + 0.8 * u", drift: 0.01, sell: ${MINER_SALES} }],
      owner: { sell: ${OWNER_SALES} }`;
}

export function mainnetYaml(): string {
  const m = MAINNET;
  const sh = shares();
  const header = `# yaml-language-server: $schema=../taosim.scenario.schema.json
# GENERATED by scenarios/generators/mainnetScenario.ts (edit the constants there, then rerun it).
#
# The network as it is, late 2026, in numbers. Sources and assumptions:
# - chain.totalIssuance 11,800,000 TAO: issuance passed 10.5 M (the first halving) in December 2025 and
#   grows by 7200 × 0.5 = 3600 TAO a day since, so ≈ 10.5 M + 365 × 3600 ≈ 11.8 M by December 2026.
#   The block emission follows from it through the chain's halving schedule (get_block_emission with
#   DefaultBlockEmission 1 TAO): 0.5 TAO per block while 10.5 M ≤ issuance < 15.75 M.
# - chain.taoWeight 0.18: mainnet's TaoWeight. tempo 360: every mainnet subnet's default Tempo.
#   shareRule price: the moving-price rule of the chain commit the specs follow (mainnet ran the TAO-flow
#   rule from November 2025 to June 2026 only).
# - ${m.subnets} subnets (SubnetLimit 128, reached in 2025). Subnet of rank r (netuid r here; mainnet's
#   netuids are in another order) gets an emission share ∝ (r + ${m.zipfQ})^−${m.zipfS}, a Zipf–Mandelbrot
#   spread fitted to mainnet mid-September 2025: largest share ≈ 10 % (here ${(sh[0] * 100).toFixed(1)} %), the
#   12 largest ≈ half of all emission (here ${(sh.slice(0, 12).reduce((a, b) => a + b, 0) * 100).toFixed(1)} %), Gini of the
#   shares ≈ 0.63 (here ${gini(sh).toFixed(3)}). Under the price rule shares ∝ moving prices, so each pool's price
#   is share × Σ prices, with Σ prices = ${m.priceSum} (ASSUMPTION; above 1, so the root sell flag is on).
#   start.movingPrice is left to its default, the pool price: a mature subnet's EMA sits near its price.
# - Ages: dTAO launched 2025-02-13; the ${m.oldRanks} largest subnets are assumed that old
#   (${m.launchAge} blocks = 661 days), ranks ${m.oldRanks + 1}..${m.subnets} registered since, spread linearly
#   from ${m.youngAgeMax} down to ${m.youngestAge} blocks (ASSUMPTION). chain.startBlock defaults to the oldest
#   age; nothing but the epoch stagger (now − netuid mod tempo, init_new_network) reads the absolute block.
# - Pools (ASSUMPTION, the shape, not measured per subnet): SubnetAlphaIn = ${m.alphaInBase} + ${m.alphaInPerBlock} × age,
#   SubnetTAO = price × SubnetAlphaIn; SubnetAlphaOut = ${m.alphaOutBase} + ${m.alphaOutPerBlock} × age, all of it staked
#   to the subnet's validators (validatorStake) — alpha issuance is 1 per block per subnet, split
#   between the pool and the holders.
# - Root: the ${m.aggregateValidators} aggregate validators of the pools subnets (one hotkey each, shared by every pools
#   subnet as mainnet's large validators validate everywhere) hold ${m.aggregateRootStake.toLocaleString("en-US")} TAO of root
#   stake each; the ${m.fullValidators} validators of each full subnet ${m.fullRootStake.toLocaleString("en-US")} each: ≈ 3.6 M TAO on root
#   (ASSUMPTION, of mainnet's order of magnitude). Root claims: the chain's default Swap.
# - Holders who sell (ASSUMPTION): miners sell all their payouts every epoch (costs are paid in
#   fiat), validators half, owners half; the pools subnets' aggregate holders likewise: ≈ ${m.soldPerDay.toLocaleString("en-US")} alpha a day
#   per subnet (7200 alpha × (owner 18 % × ½ + miners 41 % × 1 + validators 41 % × ½)).
# - Outside buyers (ASSUMPTION): each subnet's stakers and service users, in aggregate, spend
#   ${m.soldPerDay.toLocaleString("en-US")} × price × f_r TAO a day, f_r = ${m.buyersMean} · lognormal(σ ${m.buyersSpread}, mean 1) drawn once per subnet
#   (generator stream "${m.buyersSeed}"), times (1 + ${m.buyersNoise}·z) day to day: on average 0.8 × the holders'
#   sales, so prices drift down as they did through 2025, and subnets diverge as they do on mainnet.
# - Full detail: rank ${m.fullRanks.join(" and rank ")}: ${m.fullValidators} validators (stake ∝ 1/(i+1)), ${m.fullMiners} miners.
format: taosim.scenario/1
name: mainnet
description: "The network as it is (late 2026): 128 subnets with mainnet's emission shape, 2 in full detail, 0.5 TAO/block, TaoWeight 0.18, holders who sell, outside buyers; 30 days."
seed: 1
duration: { days: 30 }
chain:
  totalIssuance: 11800000
  taoWeight: 0.18
sample: { neuronsEveryEpochs: 10 }
subnets:
`;
  const buyers = buyersPerDay(m.subnets, sh.map((x) => x * m.priceSum));
  return header + sh.map((s, k) => subnetYaml(k + 1, s, m.priceSum, buyers[k], m.fullRanks.includes(k + 1) ? fullDetailBody() : undefined)).join("\n") + "\n";
}

export function gini(x: number[]): number {
  const a = [...x].sort((p, q) => p - q);
  const n = a.length;
  const sum = a.reduce((p, q) => p + q, 0);
  return a.reduce((g, v, i) => g + (2 * (i + 1) - n - 1) * v, 0) / (n * sum);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL("../library/mainnet.yaml", import.meta.url), mainnetYaml());
}
