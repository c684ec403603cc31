// Blocks per second of whole runs (engine + world + models), issue 6 targets: the default scenario
// (≥ 250,000 blocks/s on one core), a mainnet-like single subnet (64 validators × 192 miners, 30 days),
// the coinbase-only tight loop, and a mainnet-scale world (128 subnets × 256 uids, 64 validators each,
// every validator setting weights every tempo; the year is projected from a shorter window).
import { builtinText, builtinFileLabel } from "../../scenarios/library.js";
import { loadScenarioText } from "../../scenarios/loadScenario.js";
import { durationInBlocks, resolveScenario, type Scenario } from "../../scenarios/schema.js";
import { planTasks } from "../../sim/plan/planTasks.js";
import { executeRun } from "../../sim/run/runTask.js";
import type { BenchRow } from "../common/benchRow.js";

interface Case {
  name: string;
  scenario: () => Scenario;
  /** Blocks simulated at scale 1. */
  blocks: number;
  repeats: number;
  /** Time per block as the difference of a run and a run a third as long (excludes building the world). */
  marginal?: boolean;
}

function defaultScenario(): Scenario {
  const text = builtinText("default");
  if (text === null) throw new Error("built-in scenario default is missing");
  return planTasks(loadScenarioText(text, builtinFileLabel("default"))).tasks[0].scenario;
}

const mainnetSubnet = (netuid: number) => ({
  netuid,
  tempo: 360,
  validatorStake: 1_000_000,
  pool: { taoReserve: 20_000, alphaReserve: 400_000 },
  validators: [{ count: 64, stakeWeight: "1 / (i + 1)" }],
  miners: [{ count: 192, quality: "u", drift: 0.01 }],
});

/** The first landing's `default` (one subnet, 64 honest validators, 192 honest miners, tempo 360), frozen here
 *  so `one-subnet-64v-192m` stays comparable whatever the built-in `default` becomes. */
function oneSubnet64v192m(): Scenario {
  return resolveScenario({
    name: "one-subnet-64v-192m",
    seed: 1,
    chain: { totalIssuance: 8_000_000 },
    duration: { days: 30 },
    subnets: [
      {
        netuid: 1,
        tempo: 360,
        pool: { taoReserve: 20_000, alphaReserve: 400_000 },
        validatorStake: 500_000,
        hyperparameters: { yuma3: true, liquidAlpha: false },
        validators: [{ strategy: "honest", count: 64, stakeWeight: "1 / (i + 1)", noiseSigma: 0.05 }],
        miners: [{ strategy: "honest", count: 192, quality: "0.2 + 0.8 * u", drift: 0.01 }],
        users: [{ strategy: "demand", taoPerDay: 50 }],
      },
    ],
    sample: { neuronsEveryEpochs: 1, subnetsEveryBlocks: 360, chainEveryBlocks: 360 },
  });
}

const CASES: Case[] = [
  { name: "one-subnet-64v-192m", scenario: oneSubnet64v192m, blocks: 216_000, repeats: 3 },
  { name: "default scenario (1 task)", scenario: defaultScenario, blocks: durationInBlocks(defaultScenario()), repeats: 3 },
  {
    name: "1 subnet 64x256, 30 days",
    scenario: () => resolveScenario({ name: "b", chain: { totalIssuance: 8_000_000 }, duration: { days: 30 }, subnets: [mainnetSubnet(1)] }),
    blocks: 216_000,
    repeats: 1,
  },
  {
    name: "coinbase only (1 subnet, no epoch due)",
    scenario: () => resolveScenario({ name: "c", duration: { blocks: 60_000 }, subnets: [{ tempo: 65_535, validators: [{ count: 4 }], miners: [{ count: 8 }] }] }),
    blocks: 60_000,
    repeats: 3,
  },
  {
    name: "mainnet scale 128x256 (year projected)",
    scenario: () =>
      resolveScenario({
        name: "m",
        chain: { totalIssuance: 8_000_000 },
        duration: { blocks: 1_800 },
        subnets: Array.from({ length: 128 }, (_, k) => mainnetSubnet(k + 1)),
        sample: { neuronsEveryEpochs: 20 }, // daily neuron rows: every epoch would be 240 M rows a year
      }),
    blocks: 2_700,
    repeats: 1,
    marginal: true,
  },
];

function withBlocks(s: Scenario, blocks: number): Scenario {
  return { ...s, duration: { blocks } };
}

/** Runs the engine suite; `scale` < 1 shortens every run (tests, CI smoke). Writes no files. */
export async function benchEngine(scale = 1): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const c of CASES) {
    const base = c.scenario();
    const blocks = Math.max(400, Math.round(c.blocks * scale));
    const scenario = withBlocks(base, blocks);
    // warm-up (JIT, lazily compiled expressions): a short untimed run of the same world
    if (!c.marginal) executeRun({ index: 0, point: 0, replicate: 0, seed: 0, params: {} }, withBlocks(base, Math.min(blocks, 2_000)));
    const perBlockUs: number[] = [];
    for (let k = 0; k < Math.max(1, Math.round(c.repeats * Math.min(1, scale))); k++) {
      const t = (s: Scenario): number => {
        const t0 = process.hrtime.bigint();
        executeRun({ index: 0, point: 0, replicate: 0, seed: 1 + k, params: {} }, s);
        return Number(process.hrtime.bigint() - t0) / 1000;
      };
      if (c.marginal) {
        const third = Math.round(blocks / 3);
        const short = t(withBlocks(base, third));
        perBlockUs.push(Math.max(1e-3, (t(scenario) - short) / (blocks - third)));
      } else perBlockUs.push(t(scenario) / blocks);
    }
    perBlockUs.sort((a, b) => a - b);
    const median = perBlockUs[Math.floor(perBlockUs.length / 2)];
    const p90 = perBlockUs[Math.min(perBlockUs.length - 1, Math.floor(perBlockUs.length * 0.9))];
    const sub = base.subnets[0];
    rows.push({
      suite: "engine",
      case: c.name,
      arith: "exact",
      validators: sub.validators.reduce((a, g) => a + g.count, 0),
      neurons: sub.validators.reduce((a, g) => a + g.count, 0) + sub.miners.reduce((a, g) => a + g.count * (g.strategy === "sybil" ? g.hotkeys : 1), 0),
      subnets: base.subnets.length,
      median_us: Math.round(median * 1000) / 1000,
      p90_us: Math.round(p90 * 1000) / 1000,
      per_second: Math.round(1e6 / median),
    });
  }
  return rows;
}
