// One streaming pass over each run table (neurons.csv, subnets.csv, chain.csv), grouped by task:
// per-task metrics plus the replicate-band time series for the charts. Tables are merged in task
// order by the engine, so a task's rows are contiguous; that is checked, not assumed.
import { join } from "node:path";
import { openCsv, type CsvTable } from "../tables/openCsv.js";
import { ChainTaskAccumulator, type ChainTaskMetrics } from "./ChainTaskAccumulator.js";
import { HONEST_STRATEGY } from "./dividendRatios.js";
import { LargestChanges, type NeuronChange } from "./largestChanges.js";
import { NeuronTaskAccumulator, neuronColumns, type MinerPoint, type NeuronTaskMetrics } from "./NeuronTaskAccumulator.js";
import { NetworkTaskAccumulator, networkColumns } from "./NetworkTaskAccumulator.js";
import { SeriesCollector } from "./SeriesCollector.js";
import { SubnetTaskAccumulator, subnetColumns, type SubnetTaskMetrics } from "./SubnetTaskAccumulator.js";

export interface TaskMetrics {
  task: number;
  point: number;
  replicate: number;
  neurons?: NeuronTaskMetrics;
  subnets?: SubnetTaskMetrics;
  chain?: ChainTaskMetrics;
}

export interface RunMetrics {
  tasks: Map<number, TaskMetrics>;
  series: SeriesCollector;
  /** Miners of the lowest-numbered task that has any (incentive-vs-quality scatter). */
  miners: { task: number; points: MinerPoint[] } | null;
  /** Which tables exist, and their columns. */
  tables: { neurons: readonly string[] | null; subnets: readonly string[] | null; chain: readonly string[] | null };
  /** Netuids seen in subnets.csv (or neurons.csv), ascending. */
  netuids: number[];
  /**
   * Netuids simulated in full detail, ascending: those whose neuron rows hold a validator permit
   * (a `detail: pools` subnet runs no Yuma epoch, so none of its rows has one); every netuid with
   * neuron rows when neurons.csv has no `validator_permit` column.
   */
  fullDetailNetuids: number[];
  /** Neurons of the first task whose dividends / incentive changed most, per subnet with neuron rows. */
  largestChanges: { task: number; changes: NeuronChange[] } | null;
}

export interface ReadRunMetricsOptions {
  /** Whether time series are collected for a sweep point (all by default). */
  seriesForPoint?: (point: number) => boolean;
}

const RAO_PER_TAO = 1e9;

export async function readRunMetrics(runDir: string, options: ReadRunMetricsOptions = {}): Promise<RunMetrics> {
  const wantSeries = options.seriesForPoint ?? (() => true);
  const tasks = new Map<number, TaskMetrics>();
  const series = new SeriesCollector();
  const netuids = new Set<number>();
  let miners: RunMetrics["miners"] = null;
  const entry = (task: number, point: number, replicate: number): TaskMetrics => {
    let t = tasks.get(task);
    if (!t) tasks.set(task, (t = { task, point, replicate }));
    return t;
  };

  const neurons = await openCsv(join(runDir, "neurons.csv"));
  let changes: LargestChanges | null = null;
  const fullDetail = new Set<number>();
  if (neurons) {
    const cols = neuronColumns(neurons.column);
    const taskCol = neurons.column("task");
    const permitCol = neurons.column("validator_permit");
    await forEachTask(neurons, () => new NeuronTaskAccumulator(cols), (task, point, replicate, acc) => {
      const m = acc.finish();
      entry(task, point, replicate).neurons = m;
      if (m.miners.length > 0 && (miners === null || task < miners.task)) miners = { task, points: m.miners };
      if (wantSeries(point))
        for (const [block, ratios] of m.dividendRatiosByBlock)
          for (const [strategy, ratio] of ratios)
            if (strategy !== HONEST_STRATEGY) series.add(point, "dividend_ratio", strategy, block, ratio);
    }, (cells) => {
      if (cols.netuid >= 0) {
        netuids.add(Number(cells[cols.netuid]));
        if (permitCol < 0 || Number(cells[permitCol]) > 0) fullDetail.add(Number(cells[cols.netuid]));
      }
      const task = taskCol >= 0 ? Number(cells[taskCol]) : 0;
      if (changes === null) changes = new LargestChanges(neurons.column, task);
      if (changes.task === task && changes.usable) changes.add(cells);
    });
  }

  const subnets = await openCsv(join(runDir, "subnets.csv"));
  if (subnets) {
    const cols = subnetColumns(subnets.column);
    const netCols = networkColumns(subnets.column);
    const pointCol = subnets.column("point");
    const create = () => {
      const subnet = new SubnetTaskAccumulator(cols);
      const network = new NetworkTaskAccumulator(netCols);
      return { subnet, network, add: (cells: string[]) => (subnet.add(cells), network.add(cells)) };
    };
    await forEachTask(subnets, create, (task, point, replicate, acc) => {
      const m = acc.subnet.finish();
      entry(task, point, replicate).subnets = m;
      if (wantSeries(point)) {
        for (const [block, shares] of m.emissionShareByBlock)
          for (const [netuid, share] of shares) series.add(point, "emission_share", `netuid ${netuid}`, block, share);
        for (const v of acc.network.finish()) series.add(point, v.series, v.group, v.block, v.value);
      }
    }, (cells) => {
      const point = pointCol >= 0 ? Number(cells[pointCol]) : 0;
      const netuid = cols.netuid >= 0 ? Number(cells[cols.netuid]) : 0;
      netuids.add(netuid);
      if (!wantSeries(point) || cols.block < 0) return;
      const block = Number(cells[cols.block]);
      const group = `netuid ${netuid}`;
      if (cols.price >= 0 && cells[cols.price] !== "") series.add(point, "price", group, block, Number(cells[cols.price]));
      if (cols.taoReserve >= 0 && cells[cols.taoReserve] !== "")
        series.add(point, "tao_reserve", group, block, Number(cells[cols.taoReserve]) / RAO_PER_TAO);
    });
  }

  const chain = await openCsv(join(runDir, "chain.csv"));
  if (chain) {
    const issuance = chain.column("total_issuance");
    const block = chain.column("block");
    const pointCol = chain.column("point");
    await forEachTask(chain, () => new ChainTaskAccumulator(issuance), (task, point, replicate, acc) => {
      entry(task, point, replicate).chain = acc.finish();
    }, (cells) => {
      const point = pointCol >= 0 ? Number(cells[pointCol]) : 0;
      if (issuance >= 0 && block >= 0 && cells[issuance] !== "" && wantSeries(point))
        series.add(point, "issuance", "total issuance", Number(cells[block]), Number(cells[issuance]) / RAO_PER_TAO);
    });
  }

  return {
    tasks,
    series,
    miners,
    tables: { neurons: neurons?.columns ?? null, subnets: subnets?.columns ?? null, chain: chain?.columns ?? null },
    netuids: [...netuids].filter(Number.isFinite).sort((a, b) => a - b),
    fullDetailNetuids: [...fullDetail].filter(Number.isFinite).sort((a, b) => a - b),
    largestChanges: largest(changes),
  };
}

function largest(c: LargestChanges | null): RunMetrics["largestChanges"] {
  return c === null || !c.usable ? null : { task: c.task, changes: c.finish() };
}

interface Accumulator {
  add(cells: string[]): void;
}

/** Feeds each task's contiguous rows to a fresh accumulator and hands it over when the task ends. */
async function forEachTask<A extends Accumulator>(
  table: CsvTable,
  create: () => A,
  finish: (task: number, point: number, replicate: number, acc: A) => void,
  eachRow: (cells: string[]) => void,
): Promise<void> {
  const taskCol = table.column("task");
  const pointCol = table.column("point");
  const replicateCol = table.column("replicate");
  const done = new Set<number>();
  let current: { task: number; point: number; replicate: number; acc: A } | null = null;
  for await (const batch of table.batches()) for (const cells of batch) {
    const task = taskCol >= 0 ? Number(cells[taskCol]) : 0;
    if (current === null || current.task !== task) {
      if (current) {
        finish(current.task, current.point, current.replicate, current.acc);
        done.add(current.task);
      }
      if (done.has(task)) throw new Error(`${table.path}: the rows of task ${task} are not contiguous`);
      const point = pointCol >= 0 ? Number(cells[pointCol]) : 0;
      const replicate = replicateCol >= 0 ? Number(cells[replicateCol]) : 0;
      current = { task, point, replicate, acc: create() };
    }
    current.acc.add(cells);
    eachRow(cells);
  }
  if (current) finish(current.task, current.point, current.replicate, current.acc);
}
