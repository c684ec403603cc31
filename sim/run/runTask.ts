// One task start to finish: build the world, schedule the scenario's events, recurring trades and
// samples, run the engine, and return the sample tables as typed columns. The boundary a worker
// pool calls: executeRun(spec, scenario) reads nothing else and writes no files.
import { ledger, type Ledger } from "../../models/emission/ledger.js";
import type { Arith } from "../../models/consensus/types.js";
import type { Scenario } from "../../scenarios/schema.js";
import { BLOCKS_PER_DAY, durationInBlocks, slowestTempo } from "../../scenarios/scenarioDuration.js";
import { EventQueue } from "../engine/EventQueue.js";
import type { SimEvent } from "../engine/events.js";
import { Phase } from "../engine/phases.js";
import { runEngine, type EngineStats } from "../engine/runEngine.js";
import { createRng } from "../rng/createRng.js";
import { afterEpoch, runTrades, seedInitialWeights, type RefusalCounts } from "../world/agentRuntime.js";
import { buildWorld } from "../world/buildWorld.js";
import { applyScheduledEvent } from "../world/scheduledEvents.js";
import type { World } from "../world/World.js";
import { ColumnTable, type Cell } from "./ColumnTable.js";
import type { RunSpec } from "../parallel/types.js";
import { SAMPLERS, type Sampler, type TableName } from "./samplers.js";
import { OpsLog } from "../world/opsLog.js";
import type { Snapshot } from "../snapshot/snapshotSchema.js";
import { scenarioFromSnapshot } from "../snapshot/snapshotScenario.js";
import { opsTable } from "./opsTable.js";

/** The sampled tables, plus `ops` when the run records its operations log. */
export type RunTables = Record<TableName, ColumnTable> & { ops?: ColumnTable };

export interface RunResult {
  spec: RunSpec;
  tables: RunTables;
  stats: EngineStats;
  refusals: RefusalCounts;
  /** Where every rao is at the end (imbalances 0 when conserved). */
  ledger: Ledger;
  /** Block at which an epoch observer stopped the run (absent when it ran to the end). */
  stoppedAt?: number;
}

export interface ExecuteOptions {
  /** The state a scenario with `start: { snapshot }` begins from (loaded by the caller). */
  snapshot?: Snapshot;
  arith?: Arith;
  /** Called at event blocks with the fraction of blocks done. */
  onProgress?: (fraction: number) => void;
  /** Sees the world before the first block and each epoch right after its neuron rows (taosim explain). */
  epochObserver?: EpochObserver;
}

export interface EpochObserver {
  start(world: World): void;
  /** After the epoch of `netuid` (internal index) at `block` was sampled; true stops the run right there. */
  afterEpoch(world: World, netuid: number, block: number): boolean;
}

/** Thrown out of the engine by an observer's stop (the engine itself has no early exit). */
const STOP = Symbol("stop");

const PREFIX = [
  { name: "task", kind: "f64" },
  { name: "point", kind: "f64" },
  { name: "replicate", kind: "f64" },
] as const;

function tableFor(sampler: Sampler): ColumnTable {
  return new ColumnTable([...PREFIX, ...sampler.columns]);
}

function blockOf(at: { block?: number; epoch?: number; day?: number }, sc: Scenario): number {
  if (at.block !== undefined) return at.block;
  if (at.epoch !== undefined) return at.epoch * slowestTempo(sc);
  return (at.day ?? 0) * BLOCKS_PER_DAY;
}

export function executeRun(spec: RunSpec, scenarioIn: Scenario, opts: ExecuteOptions = {}): RunResult {
  const rng = createRng(spec.seed);
  const scenario = opts.snapshot === undefined ? scenarioIn : scenarioFromSnapshot(scenarioIn, opts.snapshot);
  const world = buildWorld(scenario, rng, opts.arith ?? "exact", opts.snapshot);
  if (scenario.sample.ops) world.ops = new OpsLog();
  for (const sub of world.subnets) seedInitialWeights(world, sub);
  const start = world.startBlock;
  const end = start + durationInBlocks(scenario);
  const tables: RunTables = {
    neurons: tableFor(SAMPLERS.get("neurons") as Sampler),
    subnets: tableFor(SAMPLERS.get("subnets") as Sampler),
    chain: tableFor(SAMPLERS.get("chain") as Sampler),
  };
  const refusals: RefusalCounts = { weights: 0, stake: 0, registration: 0 };
  const prefix: Cell[] = [spec.index, spec.point, spec.replicate];
  const record = (name: TableName, block: number, subnet: World["subnets"][number] | null): void => {
    for (const row of (SAMPLERS.get(name) as Sampler).sample({ world, subnet }, block)) tables[name].push(row, prefix);
  };
  const queue = new EventQueue();
  scenario.events.forEach((e, index) => queue.push(start + blockOf(e.at, scenario), Phase.extrinsic, { kind: "scheduled", index }));
  world.stakers.forEach((slot, index) => {
    const g = scenario.subnets[slot.sub.netuid - 1].stakers[slot.group];
    if (g.strategy === "price-mover" && start + g.everyBlocks < end) queue.push(start + g.everyBlocks, Phase.extrinsic, { kind: "agents", netuid: slot.sub.netuid, group: "stakers", index });
  });
  world.users.forEach((u, index) => {
    if (start + u.everyBlocks < end) queue.push(start + u.everyBlocks, Phase.extrinsic, { kind: "agents", netuid: u.sub.netuid, group: "users", index });
  });
  const every = { subnets: scenario.sample.subnetsEveryBlocks, chain: scenario.sample.chainEveryBlocks };
  queue.push(start, Phase.sample, { kind: "sample", table: "subnets" });
  queue.push(start, Phase.sample, { kind: "sample", table: "chain" });

  const observer = opts.epochObserver;
  let stoppedAt = -1;
  const handle = (ev: SimEvent, q: EventQueue): void => {
    switch (ev.kind) {
      case "epoch": {
        const sub = world.subnets[ev.netuid - 1];
        if (world.econ.epochIndex[ev.netuid] % scenario.sample.neuronsEveryEpochs === 0) record("neurons", ev.block, sub);
        if (observer !== undefined && observer.afterEpoch(world, ev.netuid, ev.block)) {
          stoppedAt = ev.block;
          throw STOP;
        }
        afterEpoch(world, sub, ev.block, refusals);
        return;
      }
      case "scheduled":
        applyScheduledEvent(world, scenario.events[ev.index], ev.block, refusals);
        return;
      case "agents": {
        runTrades(world, ev.group, ev.index, ev.block, refusals);
        const period = ev.group === "users" ? world.users[ev.index].everyBlocks : (scenario.subnets[ev.netuid - 1].stakers[world.stakers[ev.index].group] as { everyBlocks: number }).everyBlocks;
        if (ev.block + period < end) q.push(ev.block + period, Phase.extrinsic, ev);
        return;
      }
      case "sample": {
        for (const clock of world.burnClocks) clock.advance(ev.block);
        record(ev.table, ev.block, null);
        const next = ev.block + every[ev.table];
        if (next < end) q.push(next, Phase.sample, ev);
        else if (ev.block < end - 1) q.push(end - 1, Phase.sample, ev); // the last block is always sampled
        return;
      }
    }
  };
  const progress = opts.onProgress;
  const engine = { world, queue, handle, startBlock: start, endBlock: end, onProgress: progress ? (b: number) => progress((b + 1 - start) / (end - start)) : undefined };
  const finish = (stats: EngineStats): RunResult => {
    if (world.ops !== null) tables.ops = opsTable(world.ops, world.subnets, prefix, PREFIX);
    return { spec, tables, stats, refusals, ledger: ledger(world.econ) };
  };
  if (observer === undefined) return finish(runEngine(engine));
  observer.start(world);
  try {
    return finish(runEngine(engine));
  } catch (err) {
    if (err !== STOP) throw err;
    return { ...finish({ blocks: stoppedAt + 1 - start, eventBlocks: 0, events: 0 }), stoppedAt };
  }
}
