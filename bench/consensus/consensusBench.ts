// Time per epoch of the Yuma kernel, exact and float, on dense and sparse subnets (issue: consensus core).
import { runEpoch } from "../../models/consensus/runEpoch.js";
import { EpochScratch } from "../../models/consensus/scratch.js";
import type { Arith, SparseU16 } from "../../models/consensus/types.js";
import { timeIt, type BenchRow } from "../common/benchRow.js";
import { benchState, type BenchStateSpec } from "./benchStates.js";
import { EpochTrace } from "../../models/consensus/epochTrace.js";
import { formatEpochResult } from "../../sim/cli/formatEpochResult.js";
import seedrandom from "seedrandom";

interface Case { name: string; spec: BenchStateSpec; iterations: number }

const CASES: Case[] = [
  { name: "16x64 dense yuma3+liquid", spec: { validators: 16, neurons: 64, weightsPerValidator: 64, yuma3: true, liquidAlpha: true }, iterations: 400 },
  { name: "64x256 dense yuma3+liquid", spec: { validators: 64, neurons: 256, weightsPerValidator: 256, yuma3: true, liquidAlpha: true }, iterations: 200 },
  { name: "64x256 dense classic", spec: { validators: 64, neurons: 256, weightsPerValidator: 256, yuma3: false, liquidAlpha: false }, iterations: 200 },
  { name: "64x1024 dense yuma3+liquid", spec: { validators: 64, neurons: 1024, weightsPerValidator: 1024, yuma3: true, liquidAlpha: true }, iterations: 60 },
  { name: "256x1024 dense yuma3+liquid", spec: { validators: 256, neurons: 1024, weightsPerValidator: 1024, yuma3: true, liquidAlpha: true }, iterations: 30 },
  { name: "256x1024 dense classic", spec: { validators: 256, neurons: 1024, weightsPerValidator: 1024, yuma3: false, liquidAlpha: false }, iterations: 30 },
  { name: "sparse 4096 (64 validators x 128 weights) yuma3+liquid", spec: { validators: 64, neurons: 4096, weightsPerValidator: 128, yuma3: true, liquidAlpha: true }, iterations: 60 },
];

/** Runs the consensus suite; `scale` < 1 shortens it (tests, CI smoke). */
export async function benchConsensus(scale = 1): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  // All exact cases first, then all float ones: a run uses one mode, so its call sites stay monomorphic.
  for (const arith of ["exact", "float"] as Arith[]) {
    for (const c of CASES) {
      const input = benchState(c.spec);
      const scratch = new EpochScratch();
      // Warm the bonds to a steady state so the liquid-alpha path sees real bonds (copied: the reused
      // output buffers are overwritten two epochs later).
      for (let e = 0; e < 3; e++) input.bonds = copySparse(runEpoch(input, arith, scratch).storedBonds);
      // As a subnet runs it: buffers owned by the scratch, outputs written into reused arrays.
      const t = timeIt(() => runEpoch(input, arith, scratch, REUSE), Math.max(5, Math.round(c.iterations * scale)));
      rows.push({
        suite: "consensus", case: c.name, arith, validators: c.spec.validators, neurons: c.spec.neurons, subnets: 1,
        median_us: round(t.median), p90_us: round(t.p90), per_second: round(1e6 / t.median),
      });
    }
  }
  rows.push(...benchDrift(scale));
  rows.push(...benchTrace(scale));
  return rows;
}

/**
 * A running subnet rather than one repeated state: each epoch takes the next of 8 weight matrices (10 % of
 * the entries moved by up to ±2000 u16) and last epoch's stored bonds, so last epoch's consensus is a close
 * but imperfect hint and bond rows stay aligned only where the pattern holds.
 */
function benchDrift(scale: number): BenchRow[] {
  const spec: BenchStateSpec = { validators: 64, neurons: 256, weightsPerValidator: 256, yuma3: true, liquidAlpha: true };
  const input = benchState(spec);
  const rng = seedrandom.xor4096("taosim-bench-drift");
  const variants: SparseU16[] = [];
  for (let v = 0; v < 8; v++) {
    const val = input.weights.val.slice();
    for (let e = 0; e < val.length; e++) if (rng() < 0.1) val[e] = Math.max(1, Math.min(65535, val[e] + Math.floor((rng() - 0.5) * 4000)));
    variants.push({ rowPtr: input.weights.rowPtr, col: input.weights.col, val });
  }
  const scratch = new EpochScratch();
  for (let e = 0; e < 3; e++) input.bonds = copySparse(runEpoch(input, "exact", scratch).storedBonds);
  let turn = 0;
  const t = timeIt(() => {
    input.weights = variants[turn++ & 7];
    input.bonds = runEpoch(input, "exact", scratch, REUSE).storedBonds; // valid for the next call (two output sets in turn)
  }, Math.max(5, Math.round(200 * scale)));
  return [{
    suite: "consensus", case: "64x256 dense yuma3+liquid, drifting weights", arith: "exact", validators: 64, neurons: 256, subnets: 1,
    median_us: round(t.median), p90_us: round(t.p90), per_second: round(1e6 / t.median),
  }];
}

/** `taosim epoch` without and with --trace, less process start and parsing: epoch + result JSON, 64x256. */
function benchTrace(scale: number): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const c of CASES.filter((x) => x.spec.validators === 64 && x.spec.neurons === 256)) {
    const input = benchState(c.spec);
    const scratch = new EpochScratch();
    for (let e = 0; e < 3; e++) input.bonds = copySparse(runEpoch(input, "exact", scratch).storedBonds);
    const trace = new EpochTrace();
    const runs: [string, () => unknown][] = [
      ["result JSON", () => formatEpochResult(runEpoch(input, "exact", scratch))],
      ["result JSON + trace", () => formatEpochResult(runEpoch(input, "exact", scratch, { trace }), trace)],
    ];
    for (const [what, fn] of runs) {
      const t = timeIt(fn, Math.max(5, Math.round((c.iterations / 4) * scale)));
      rows.push({
        suite: "consensus", case: `${c.name}, ${what}`, arith: "exact", validators: c.spec.validators, neurons: c.spec.neurons, subnets: 1,
        median_us: round(t.median), p90_us: round(t.p90), per_second: round(1e6 / t.median),
      });
    }
  }
  return rows;
}

const REUSE = { reuseOutput: true };

function copySparse(m: SparseU16): SparseU16 {
  return { rowPtr: m.rowPtr.slice(), col: m.col.slice(), val: m.val.slice() };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
