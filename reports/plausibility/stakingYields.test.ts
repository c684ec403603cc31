// Staking yields by kind of stake from a hand-made run folder whose numbers can be checked by hand.
// Window: blocks 1000 → 27280 = 26,280 blocks, so a year (2,628,000 blocks) is 100 windows.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plausibilityMarkdown } from "./plausibilityTable.js";
import { readPlausibility } from "./readPlausibility.js";
import { BLOCKS_PER_YEAR } from "./stakingYields.js";

const SUBNETS = [
  "task,point,replicate,netuid,block,price,alpha_outstanding,validator_alpha_total,root_alpha_total,emission_share,tao_in_total",
  // netuid 1: validators +2 α on 1000 α staked; root +2 α at price 0.5, then +2 α at price 1 = 3 TAO
  "0,0,0,1,1000,0.5,1000000000000,0,0,0.5,0",
  "0,0,0,2,1000,2,1000000000000,0,0,0.5,0",
  "0,0,0,1,14140,0.5,1000000000000,1000000000,2000000000,0.5,0",
  "0,0,0,2,14140,2,2000000000000,3000000000,500000000,0.5,0",
  "0,0,0,1,27280,1,1000000000000,2000000000,4000000000,0.5,0",
  // netuid 2: validators +4 α on a mean of 2000 α; root +0.5 α twice at price 2 = 2 TAO
  "0,0,0,2,27280,2,3000000000000,4000000000,1000000000,0.5,0",
  "1,0,1,1,27280,9,1,999999999999,999999999999,0.5,0", // another replicate: ignored
];
const CHAIN = [
  "task,point,replicate,block,root_stake_total,tao_weight",
  "0,0,0,1000,500000000000,0.25",
  "0,0,0,14140,1000000000000,0.25",
  "0,0,0,27280,1500000000000,0.25", // mean root stake 1000 TAO
  "1,0,1,27280,1,0.25",
];
const NEURONS = [
  "task,point,replicate,netuid,epoch,block,uid,hotkey,role,validator_emission,alpha_stake,root_stake,validator_permit",
  // netuid 1 (full detail): epochs 0 and 10 at blocks 1000 and 3628 → 262.8 blocks per epoch → 10,000 epochs a year
  "0,0,0,1,0,1000,0,v0,validator:honest,100000000,900000000000,400000000000,1", // stake weight 0.9 + 0.25·0.4 = 1 kα
  "0,0,0,1,0,1000,1,v1,validator:honest,100000000,2000000000000,0,1",
  "0,0,0,1,0,1000,2,v2,validator:copier,100000000,1000000000000,0,1",
  "0,0,0,1,0,1000,3,m3,miner,0,5000000000,0,0",
  "0,0,0,1,10,3628,0,v0,validator:honest,300000000,900000000000,400000000000,1",
  "0,0,0,1,10,3628,1,v1,validator:honest,100000000,2000000000000,0,1",
  "0,0,0,1,10,3628,2,v2,validator:copier,100000000,1000000000000,0,1",
  "0,0,0,1,10,3628,3,m3,miner,0,5000000000,0,0",
  // netuid 2 (pools: no permits): epochs 0 and 10 at blocks 2000 and 5610 → 361 blocks per epoch
  "0,0,0,2,0,2000,0,p0,validator:,1000000000,1000000000000,0,0",
  "0,0,0,2,10,5610,0,p0,validator:,1000000000,1000000000000,0,0",
  "1,0,1,1,10,3628,0,v0,validator:honest,999999999999,1,0,1",
];

function writeRun(): string {
  const dir = mkdtempSync(join(tmpdir(), "taosim-yields-"));
  writeFileSync(join(dir, "subnets.csv"), `${SUBNETS.join("\n")}\n`);
  writeFileSync(join(dir, "chain.csv"), `${CHAIN.join("\n")}\n`);
  writeFileSync(join(dir, "neurons.csv"), `${NEURONS.join("\n")}\n`);
  return dir;
}

describe("staking yields by kind of stake", () => {
  it("a year is 7200 · 365 blocks", () => expect(BLOCKS_PER_YEAR).toBe(2_628_000));

  it("root: Σ root dividends valued at the subnets' prices / mean root stake, annualised", async () => {
    const { rows, yields } = await readPlausibility(writeRun());
    expect(yields!.windowBlocks).toBe(26_280);
    expect(yields!.rootDividendsTao).toBeCloseTo(5, 12); // 3 + 2 TAO
    expect(yields!.rootStakeMeanTao).toBeCloseTo(1000, 12);
    expect(yields!.rootYield).toBeCloseTo(0.5, 12); // 5 / 1000 × 100
    expect(rows.map((r) => r.rootYieldPart)).toEqual([expect.closeTo(0.3, 12), expect.closeTo(0.2, 12)]);
    expect(yields!.taoWeight).toBe(0.25);
  });

  it("alpha, per subnet: Δ validator alpha dividends / mean alpha outstanding, annualised", async () => {
    const { rows, yields } = await readPlausibility(writeRun());
    expect(rows[0].alphaYield).toBeCloseTo(0.2, 12); // 2 / 1000 × 100
    expect(rows[1].alphaYield).toBeCloseTo(0.2, 12); // 4 / 2000 × 100
    expect(yields!.alphaYield).toEqual({ count: 2, min: expect.closeTo(0.2, 12), median: expect.closeTo(0.2, 12), max: expect.closeTo(0.2, 12) });
  });

  it("per validator: Σ validator emission / Σ (alpha + TaoWeight · root stake) × epochs per year", async () => {
    const { rows, yields } = await readPlausibility(writeRun());
    // v0: 4e8 / 2e12 × 10,000 = 2; v1: 2e8 / 4e12 × 10,000 = 0.5; v2: 2e8 / 2e12 × 10,000 = 1; the miner is not a validator
    expect(rows[0].validatorYield).toEqual({ count: 3, min: expect.closeTo(0.5, 12), median: expect.closeTo(1, 12), max: expect.closeTo(2, 12) });
    // p0: 2e9 / 2e12 × 2,628,000 / 361
    expect(rows[1].validatorYield!.median).toBeCloseTo((1e-3 * 2_628_000) / 361, 12);
    expect(rows.map((r) => r.fullDetail)).toEqual([true, false]);
    // the summary covers the full-detail subnets' validators only
    expect(yields!.validatorYield).toEqual({ count: 3, min: expect.closeTo(0.5, 12), median: expect.closeTo(1, 12), max: expect.closeTo(2, 12) });
  });

  it("prints them in the Markdown table", async () => {
    const { rows, yields } = await readPlausibility(writeRun());
    const md = plausibilityMarkdown(rows, undefined, yields).split("\n");
    expect(md[2]).toMatch(/^\| 1 \(full\) \|.*\| 20\.0 % \| 30\.0 % \| 100\.0 % \(50\.0 % – 200\.0 %\) \|$/);
    expect(md[4]).toMatch(/\| median 20\.0 % \| root yield 50\.0 % \| full detail: 100\.0 % \(50\.0 % – 200\.0 %\) \|$/);
  });
});
