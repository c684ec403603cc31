import { describe, expect, it } from "vitest";
import { nextEpochStartBlock } from "../../models/emission/epochScheduler.js";
import { resolveScenario } from "../../scenarios/schema.js";
import { createRng } from "../rng/createRng.js";
import { executeRun } from "../run/runTask.js";
import { buildWorld } from "./buildWorld.js";

const TAO = 1_000_000_000n;
const spec = { index: 0, point: 0, replicate: 0, seed: 3, params: {} };

describe("mature subnets at the run's first block", () => {
  const sc = resolveScenario({
    name: "mature", duration: { blocks: 10 },
    subnets: [
      { netuid: 1, tempo: 360, validatorStake: 1000, start: { age: 50_000, movingPrice: 0.25, quoteWeight: 0.4, nominatorAlpha: 300, protocolAlpha: 200 }, validators: [{ count: 4 }], miners: [{ count: 4 }] },
      { netuid: 7, tempo: 360, start: { age: 1_000 } },
      { netuid: 400, tempo: 100, detail: "pools", validatorStake: 900, start: { age: 2_000, lastEpochBlock: 49_990, protocolAlpha: 100 }, holders: { validators: { count: 3, rootStake: 10 } } },
    ],
  });
  const world = buildWorld(sc, createRng(1));
  const e = world.econ;

  it("starts at the oldest age; FirstEmissionBlockNumber = start − age", () => {
    expect(world.startBlock).toBe(50_000);
    expect([e.firstEmissionBlock[1], e.firstEmissionBlock[2], e.firstEmissionBlock[3]]).toEqual([0, 49_000, 48_000]);
  });

  it("staggers LastEpochBlock as init_new_network (now − netuid mod tempo) unless given, so first epochs fall at LastEpochBlock + tempo", () => {
    expect([e.lastEpochBlock[1], e.lastEpochBlock[2], e.lastEpochBlock[3]]).toEqual([49_999, 49_993, 49_990]);
    expect([nextEpochStartBlock(e, 1), nextEpochStartBlock(e, 2), nextEpochStartBlock(e, 3)]).toEqual([50_359, 50_353, 50_090]);
  });

  it("sets the moving price (I96F32), the quote weight (perquintill) and the holders of alphaOut", () => {
    expect(e.movingPrice[1]).toBe(1n << 30n); // 0.25 · 2^32
    expect(e.quoteWeight[1]).toBe(400_000_000_000_000_000n);
    expect(e.quoteWeight[2]).toBe(500_000_000_000_000_000n);
    expect(e.alphaOut[1]).toBe(1500n * TAO);
    expect(e.unownedAlpha[1]).toBe(200n * TAO); // validators' 1000 and nominators' 300 are staked
    const staked = (i: number) => e.keys.stake[i].reduce((a, b) => a + b, 0n);
    expect(staked(1)).toBe(1300n * TAO);
    expect(e.alphaOut[3]).toBe(1000n * TAO);
    expect(staked(3)).toBe(900n * TAO);
    expect(e.keys.stake[0].reduce((a, b) => a + b, 0n)).toBe(30n * TAO);
  });

  it("a pools subnet registers uid 0 for its miners and one uid per aggregate validator", () => {
    const sub = world.subnets[2];
    expect(sub.aggregate).toBe(true);
    expect(sub.n).toBe(4);
  });
});

describe("a detail: pools subnet in a run", () => {
  const scenario = (detail: "full" | "pools", sell = 0) =>
    resolveScenario({
      name: "pools", duration: { blocks: 3_000 }, chain: { totalIssuance: 10_600_000, taoWeight: 0.18 },
      subnets: [
        { netuid: 1, tempo: 100, pool: { taoReserve: 40_000, alphaReserve: 800_000 }, start: { age: 20_000 }, validators: [{ count: 4, rootStake: 1_000 }], miners: [{ count: 6 }] },
        {
          netuid: 2, tempo: 100, detail, pool: { taoReserve: 10_000, alphaReserve: 500_000 }, validatorStake: 10_000, start: { age: 20_000, movingPrice: 0.02 },
          ...(detail === "pools" ? { holders: { miners: { sell: { fraction: sell } } } } : { validators: [{ count: 4 }], miners: [{ count: 6, sell: { fraction: sell } }] }),
        },
      ],
      sample: { subnetsEveryBlocks: 100, chainEveryBlocks: 100 },
    });
  const column = (r: ReturnType<typeof executeRun>, netuid: number, col: string): number[] => {
    const t = r.tables.subnets;
    const out: number[] = [];
    for (let k = 0; k < t.rows; k++) if (Number(t.cell(k, t.names.indexOf("netuid"))) === netuid) out.push(Number(t.cell(k, t.names.indexOf(col))));
    return out;
  };

  it("conserves TAO and alpha to the rao, and its holders sell through remove_stake", () => {
    const r = executeRun(spec, scenario("pools", 1));
    expect(r.ledger.tao.imbalance).toBe(0n);
    for (const a of r.ledger.alpha) expect([a.issuanceImbalance, a.outstandingImbalance]).toEqual([0n, 0n]);
    expect(column(r, 2, "alpha_sold_total").at(-1)).toBeGreaterThan(0);
    expect(column(r, 2, "miner_alpha_total").at(-1)).toBeGreaterThan(0);
  });

  it("with nobody selling, its price and moving price paths equal the same subnet in full detail (the coinbase does not read neurons)", () => {
    const full = executeRun(spec, scenario("full"));
    const pools = executeRun(spec, scenario("pools"));
    expect(column(pools, 2, "price")).toEqual(column(full, 2, "price"));
    expect(column(pools, 2, "moving_price")).toEqual(column(full, 2, "moving_price"));
    expect(column(pools, 1, "price")).toEqual(column(full, 1, "price"));
    expect(column(pools, 2, "price").at(-1)).not.toBe(column(pools, 2, "price")[0]);
  });
});

describe("aggregate validators of pools subnets", () => {
  it("are one hotkey per index across pools subnets, holding the largest rootStake given once", () => {
    const sc = resolveScenario({
      name: "shared", duration: { blocks: 10 },
      subnets: [
        { detail: "pools", validatorStake: 100, holders: { validators: { count: 2, rootStake: 10 } } },
        { detail: "pools", validatorStake: 300, holders: { validators: { count: 2, rootStake: 30 } } },
      ],
    });
    const world = buildWorld(sc, createRng(1));
    const [a, b] = world.subnets;
    expect([a.neurons.hotkey[1], a.neurons.hotkey[2]]).toEqual([b.neurons.hotkey[1], b.neurons.hotkey[2]]);
    const hk = a.neurons.hotkey[1];
    expect(world.econ.keys.stake[0][hk]).toBe(30n * TAO);
    expect(world.econ.keys.stake[0].reduce((x, y) => x + y, 0n)).toBe(60n * TAO);
    expect([world.econ.keys.stake[1][hk], world.econ.keys.stake[2][hk]]).toEqual([50n * TAO, 150n * TAO]);
  });
});

describe("the aggregate epoch of a pools subnet", () => {
  it("pays ⌊E/2⌋ to the miners' uid and the rest to validators by alpha + TaoWeight × root (root-layer validators included)", async () => {
    const { runPoolsEpoch } = await import("./poolsEpoch.js");
    const sc = resolveScenario({
      name: "agg", duration: { blocks: 10 }, chain: { taoWeight: 0.5 },
      subnets: [{ detail: "pools", validatorStake: 1000, holders: { validators: { count: 2 } } }],
      root: { validators: [{ count: 1, rootStake: 10_000 }] },
    });
    const world = buildWorld(sc, createRng(1));
    const sub = world.subnets[0];
    expect(sub.n).toBe(4); // miners, 2 aggregate validators, 1 root validator
    const out = runPoolsEpoch(sub, world.econ, 100, 1_000_001n);
    // weights 500e9, 500e9 and 0.5 · 10000e9 = 5000e9 (TaoWeight 0.5 as u64 is within 2^-53 of 0.5)
    expect(Array.from(out.serverEmission)).toEqual([500_000, 0, 0, 0]);
    expect(Array.from(out.validatorEmission)).toEqual([0, 41_666, 41_666, 416_667]);
  });
});
