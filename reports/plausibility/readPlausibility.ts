// Reads a finished run's plausibility table and staking yields (task 0, replicate 0) from
// subnets.csv, chain.csv (root stake, TaoWeight) and neurons.csv (validators' epochs), one
// streaming pass over each.
import { join } from "node:path";
import { openCsv, type CsvTable } from "../tables/openCsv.js";
import { PLAUSIBILITY_COLUMNS, plausibilityRows, withYields, type PlausibilityRow, type StakingYieldSummary } from "./plausibilityTable.js";
import { networkYields, ValidatorYieldAccumulator, yieldSpread, type SubnetYieldSample } from "./stakingYields.js";

export interface Plausibility {
  rows: PlausibilityRow[];
  /** Null when the run has no subnets.csv. */
  yields: StakingYieldSummary | null;
}

/** Calls `each` with the cells of every row of task 0, replicate 0. */
async function firstReplicate(t: CsvTable, each: (cells: string[]) => void): Promise<void> {
  const task = t.column("task");
  const replicate = t.column("replicate");
  for await (const batch of t.batches())
    for (const cells of batch) if ((task < 0 || cells[task] === "0") && (replicate < 0 || cells[replicate] === "0")) each(cells);
}

const numberAt = (cells: string[], k: number): number => (k < 0 || cells[k] === "" ? NaN : Number(cells[k]));

export async function readPlausibility(runDir: string): Promise<Plausibility> {
  const subnets = await openCsv(join(runDir, "subnets.csv"));
  if (subnets === null) return { rows: [], yields: null };
  const idx = PLAUSIBILITY_COLUMNS.map((c) => subnets.column(c));
  const [netuid, block, price, alphaOut, validatorAlpha, rootAlpha] = ["netuid", "block", "price", "alpha_outstanding", "validator_alpha_total", "root_alpha_total"].map((c) => subnets.column(c));
  const rows: number[][] = [];
  const samples: SubnetYieldSample[] = [];
  await firstReplicate(subnets, (cells) => {
    rows.push(idx.map((k) => (k < 0 ? 0 : Number(cells[k]))));
    samples.push({
      netuid: numberAt(cells, netuid), block: numberAt(cells, block), price: numberAt(cells, price),
      alphaOutstanding: numberAt(cells, alphaOut), validatorAlphaTotal: numberAt(cells, validatorAlpha), rootAlphaTotal: numberAt(cells, rootAlpha),
    });
  });

  const rootStake: number[] = [];
  let taoWeight = NaN;
  const chain = await openCsv(join(runDir, "chain.csv"));
  if (chain) {
    const [stake, weight] = [chain.column("root_stake_total"), chain.column("tao_weight")];
    await firstReplicate(chain, (cells) => {
      if (stake >= 0) rootStake.push(Number(cells[stake]));
      taoWeight = numberAt(cells, weight); // the last sample's
    });
  }

  const validators = new ValidatorYieldAccumulator();
  const fullDetail = new Set<number>();
  const neurons = await openCsv(join(runDir, "neurons.csv"));
  if (neurons && Number.isFinite(taoWeight)) {
    const c = Object.fromEntries(["netuid", "epoch", "block", "hotkey", "role", "validator_emission", "alpha_stake", "root_stake", "validator_permit"].map((n) => [n, neurons.column(n)]));
    await firstReplicate(neurons, (cells) => {
      const n = numberAt(cells, c.netuid);
      if (c.validator_permit < 0 || Number(cells[c.validator_permit]) > 0) fullDetail.add(n);
      if (!(cells[c.role] ?? "").startsWith("validator")) return;
      validators.add({
        netuid: n, epoch: numberAt(cells, c.epoch), block: numberAt(cells, c.block), hotkey: cells[c.hotkey] ?? "",
        validatorEmission: numberAt(cells, c.validator_emission), alphaStake: numberAt(cells, c.alpha_stake), rootStake: numberAt(cells, c.root_stake),
      }, taoWeight);
    });
  }

  const network = networkYields(samples, rootStake);
  const perValidator = validators.finish();
  const merged = withYields(plausibilityRows(rows), network, perValidator, fullDetail);
  return {
    rows: merged,
    yields: {
      windowBlocks: network.windowBlocks,
      rootYield: network.rootYield,
      rootDividendsTao: network.rootDividendsTao,
      rootStakeMeanTao: network.rootStakeMeanTao,
      alphaYield: yieldSpread(network.subnets.map((s) => s.alphaYield)),
      validatorYield: yieldSpread(perValidator.filter((v) => fullDetail.has(v.netuid)).map((v) => v.yield)),
      taoWeight,
    },
  };
}
