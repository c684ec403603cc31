// Differential tests of the epoch's fast paths against the step-by-step path: the fused Yuma3 sweep
// (clipEmaFused), the medians settled by last epoch's consensus (weightedMedianCol's hint), the exact bond
// totals and the alpha-only stake weights must give bit-identical results in every output field.
// The reference is runEpoch with `generalPath: true` and a fresh scratch (no hint), epoch after epoch.
import { describe, expect, it } from "vitest";
import { runEpoch, EpochScratch } from "./runEpoch.js";
import { stakeWeights, stakeWeightsBigInt } from "./stakeWeights.js";
import { exactArith } from "./arith.js";
import { Csr } from "./csr.js";
import { weightedMedianCol } from "./weightedMedianCol.js";
import { u16ProportionToFixed } from "../fixed/i32f32.js";
import { DEFAULT_EPOCH_HYPERPARAMETERS, type EpochInput, type EpochOutput, type SparseU16 } from "./types.js";
import { mulberry32 } from "../../test/helpers/mulberry32.js";
import { plainEpochOutput as plain } from "../../test/helpers/plainEpochOutput.js";

interface Knobs {
  n: number;
  validators: number;
  density: number; // share of columns each validator weights
  unsorted: boolean; // some weight rows in submission (unsorted) order
  randomBonds: boolean; // first epoch's bonds random sorted rows (else none)
  penalty: number; // bondsPenalty
  flatAlpha: boolean; // alphaLow == alphaHigh
  noZero?: boolean; // no zero weights (a zero weight with no bond leaves no bond entry: that row is not aligned next epoch)
}

function rowsOf(rnd: () => number, n: number, k: Knobs, isValidator: (i: number) => boolean): SparseU16 {
  const rowPtr = new Int32Array(n + 1);
  const col: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < n; i++) {
    if (isValidator(i)) {
      const cols: number[] = [];
      for (let j = 0; j < n; j++) if (rnd() < k.density) cols.push(j);
      if (k.unsorted && rnd() < 0.3) cols.reverse();
      for (const j of cols) {
        col.push(j);
        const r = rnd();
        val.push(r < 0.05 && !k.noZero ? 0 : r < 0.15 ? 65535 : 1 + Math.floor(rnd() * 65535));
      }
    }
    rowPtr[i + 1] = col.length;
  }
  return { rowPtr, col: Int32Array.from(col), val: Uint16Array.from(val) };
}

function stateOf(seed: number, k: Knobs): EpochInput {
  const rnd = mulberry32(seed);
  const n = k.n;
  const isV = (i: number) => i < k.validators;
  const alphaStake = new BigUint64Array(n);
  const taoStake = new BigUint64Array(n);
  for (let i = 0; i < n; i++) {
    if (!isV(i) && rnd() < 0.8) continue;
    const r = rnd();
    alphaStake[i] = r < 0.1 ? 0n : r < 0.2 ? BigInt(1 + Math.floor(rnd() * 1000)) : BigInt(Math.floor(rnd() * 1e15));
    if (rnd() < 0.15) taoStake[i] = BigInt(Math.floor(rnd() * 1e15));
  }
  const block = 10_000;
  const lo = 1638 + Math.floor(rnd() * 40000);
  const hi = k.flatAlpha ? lo : lo + Math.floor(rnd() * (65535 - lo));
  const weights = rowsOf(rnd, n, k, isV);
  const bonds = k.randomBonds ? rowsOf(rnd, n, { ...k, unsorted: false }, isV) : { rowPtr: new Int32Array(n + 1), col: new Int32Array(0), val: new Uint16Array(0) };
  return {
    n, block, raoEmission: Math.floor(rnd() * 1e12),
    ownerUid: rnd() < 0.3 ? Math.floor(rnd() * n) : null,
    lastMechanismStepBlock: block - 360,
    hyperparameters: {
      ...DEFAULT_EPOCH_HYPERPARAMETERS,
      yuma3: true,
      liquidAlpha: true,
      bondsPenalty: k.penalty,
      kappa: rnd() < 0.7 ? 32767 : Math.floor(rnd() * 65536),
      alphaLow: lo,
      alphaHigh: hi,
      alphaSigmoidSteepness: rnd() < 0.5 ? 1000 : Math.floor(rnd() * 30000) - 1000,
      maxAllowedValidators: Math.max(1, k.validators + (rnd() < 0.5 ? 0 : -1)),
      stakeThreshold: rnd() < 0.8 ? 0n : BigInt(Math.floor(rnd() * 1e12)),
      taoWeight: rnd() < 0.5 ? 0n : DEFAULT_EPOCH_HYPERPARAMETERS.taoWeight,
    },
    alphaStake, taoStake,
    lastUpdate: Float64Array.from({ length: n }, () => block - Math.floor(rnd() * 100)),
    blockAtRegistration: Float64Array.from({ length: n }, () => (rnd() < 0.9 ? 0 : block - Math.floor(rnd() * 600))),
    validatorPermit: Uint8Array.from({ length: n }, (_, i) => (isV(i) ? 1 : 0)),
    weights, bonds,
  };
}

/** Next epoch's input: a few weights moved (so last epoch's consensus is a good but imperfect hint), bonds carried. */
function drift(rnd: () => number, inp: EpochInput, bonds: SparseU16, share: number): EpochInput {
  const val = inp.weights.val.slice();
  for (let e = 0; e < val.length; e++) {
    if (rnd() < share) val[e] = Math.max(1, Math.min(65535, val[e] + Math.floor((rnd() - 0.5) * 4000)));
  }
  const lastUpdate = inp.lastUpdate.map((x) => x + 360);
  return { ...inp, block: inp.block + 360, lastMechanismStepBlock: inp.block, lastUpdate, weights: { ...inp.weights, val }, bonds };
}

function copySparse(m: SparseU16): SparseU16 {
  return { rowPtr: m.rowPtr.slice(), col: m.col.slice(), val: m.val.slice() };
}

/** Runs `epochs` epochs both ways (fast: one scratch, reused outputs; reference: fresh scratch, general path). */
function compareRun(seed: number, k: Knobs, epochs: number, driftShare: number): number {
  const rnd = mulberry32(seed ^ 0x9e3779b9);
  let inp = stateOf(seed, k);
  const scratch = new EpochScratch();
  let compared = 0;
  for (let e = 0; e < epochs; e++) {
    const fast = runEpoch(inp, "exact", scratch, { reuseOutput: true });
    const ref = runEpoch(inp, "exact", new EpochScratch(), { generalPath: true });
    expect(plain(fast), `seed ${seed}, epoch ${e}, ${JSON.stringify(k)}`).toEqual(plain(ref));
    compared++;
    inp = drift(rnd, inp, copySparse(ref.storedBonds), driftShare);
  }
  return compared;
}

describe("fast paths are bit-identical to the step-by-step path", () => {
  it("dense, sorted rows (the fused sweep with aligned bond rows), 5 epochs each with drifting weights", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const n = 2 + (seed * 7) % 62;
      compareRun(seed, { n, validators: Math.max(1, Math.floor(n / 4)), density: 1, unsorted: false, randomBonds: false, penalty: 65535, flatAlpha: seed % 9 === 0 }, 5, 0.1);
    }
  });

  it("sparse rows, random first bonds (merge path), masked registrations, unsorted rows, other penalties", () => {
    for (let seed = 100; seed < 220; seed++) {
      const r = mulberry32(seed);
      const n = 1 + Math.floor(r() * 80);
      compareRun(seed, {
        n, validators: 1 + Math.floor(r() * n), density: 0.05 + r() * 0.95, unsorted: r() < 0.25, randomBonds: r() < 0.6,
        penalty: r() < 0.8 ? 65535 : Math.floor(r() * 65536), flatAlpha: r() < 0.1,
      }, 4, r() < 0.5 ? 0.02 : 0.5);
    }
  });

  it("a larger dense subnet (64 validators x 256) over 4 epochs", () => {
    compareRun(7, { n: 256, validators: 64, density: 1, unsorted: false, randomBonds: false, penalty: 65535, flatAlpha: false }, 4, 0.05);
  });

  it("a subnet whose weights do not move: every median settles by its hint and every bond row is aligned", () => {
    compareRun(11, { n: 48, validators: 12, density: 1, unsorted: false, randomBonds: false, penalty: 65535, flatAlpha: false, noZero: true }, 6, 0);
    compareRun(12, { n: 256, validators: 64, density: 1, unsorted: false, randomBonds: false, penalty: 65535, flatAlpha: false, noZero: true }, 4, 0.01);
  });

  it("in a steady state the fast paths are taken: every median settles by its hint, every validator's bond row is aligned", () => {
    // every weight > 0, kappa 1/2, no recent registrations: every column has a positive consensus, so Wc keeps
    // all of W and B has W's pattern (a column with C = 0 or a masked registration sends its rows to the merge)
    const inp = stateOf(13, { n: 40, validators: 10, density: 1, unsorted: false, randomBonds: false, penalty: 65535, flatAlpha: false, noZero: true });
    inp.hyperparameters.kappa = 32767;
    inp.blockAtRegistration.fill(0);
    const scratch = new EpochScratch();
    for (let e = 0; e < 3; e++) inp.bonds = copySparse(runEpoch(inp, "exact", scratch).storedBonds);
    const out = runEpoch(inp, "exact", scratch);
    expect(Array.from(scratch.colOpen.subarray(0, inp.n))).toEqual(new Array(inp.n).fill(0));
    for (let i = 0; i < inp.n; i++) if (out.validatorPermit[i] && inp.weights.rowPtr[i + 1] > inp.weights.rowPtr[i]) expect(scratch.rowAligned[i], `row ${i}`).toBe(1);
    expect(plain(out)).toEqual(plain(runEpoch(inp, "exact", new EpochScratch(), { generalPath: true })));
  });

  it("a hinted median settles only when it is the median: ties of the minority with a cumulative stake", () => {
    // posSum = 2^32, so use_stake = A; the first validators' stakes add up to exactly the minority 2^32 − kappa,
    // where Σ_{score<=v} stake == minority must not make v the median.
    const rnd = mulberry32(77);
    const scores = [0, 1_000_000_000, 2_000_000_000, 3_000_000_000, 4294967296];
    for (let t = 0; t < 800; t++) {
      const m = 2 + Math.floor(rnd() * 5);
      const u = 1 + Math.floor(rnd() * 65534);
      const minority = 4294967296 - u16ProportionToFixed(u);
      const stake = new Float64Array(m);
      const split = 1 + Math.floor(rnd() * (m - 1)); // validators [0, split) hold exactly the minority
      const parts = (total: number, from: number, to: number) => {
        let left = total;
        for (let i = from; i < to - 1; i++) { stake[i] = Math.floor(left * rnd()); left -= stake[i]; }
        stake[to - 1] = left;
      };
      parts(minority, 0, split);
      parts(4294967296 - minority, split, m);
      if (t % 4 === 3) for (let i = 0; i < m; i++) stake[i] = 1 + Math.floor(rnd() * 1e9); // Σ use_stake < 2^32 by the floors
      const kappa = t % 8 === 7 ? 65535 : u; // kappa = 1.0: minority <= 0
      const w = new Csr().reset(m, m * m);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < m; j++) if (rnd() < 0.8) w.push(j, scores[Math.floor(rnd() * scores.length)]);
        w.endRow(i);
      }
      const hint = Float64Array.from({ length: m }, () => (rnd() < 0.8 ? scores[Math.floor(rnd() * scores.length)] : rnd() * 1e10));
      const want = new Float64Array(m);
      const got = new Float64Array(m);
      weightedMedianCol(stake, w, m, u16ProportionToFixed(kappa), exactArith, new EpochScratch().ensure(m), want, null);
      weightedMedianCol(stake, w, m, u16ProportionToFixed(kappa), exactArith, new EpochScratch().ensure(m), got, hint);
      expect(Array.from(got), `case ${t}`).toEqual(Array.from(want));
      const tracking = new EpochScratch().ensure(m);
      tracking.lastOpenColumns = m; // last epoch's hints missed: the nearest scores around each hint are tried too
      got.fill(-1);
      weightedMedianCol(stake, w, m, u16ProportionToFixed(kappa), exactArith, tracking, got, hint);
      expect(Array.from(got), `case ${t}, nearest scores`).toEqual(Array.from(want));
    }
  });

  it("alpha-only stake weights (no BigInt) equal the BigInt path, including thresholds, owner and ≥ 2^53 totals", () => {
    const rnd = mulberry32(5);
    const a = new Float64Array(200);
    const b = new Float64Array(200);
    for (let t = 0; t < 400; t++) {
      const inp = stateOf(1000 + t, { n: 1 + Math.floor(rnd() * 200), validators: 10, density: 0.1, unsorted: false, randomBonds: false, penalty: 65535, flatAlpha: false });
      const big = rnd();
      for (let i = 0; i < inp.n; i++) {
        if (big < 0.1) inp.alphaStake[i] = BigInt(Math.floor(rnd() * 2 ** 52)) * (rnd() < 0.5 ? 1n : 3n); // sums past 2^53
        if (big > 0.9 && rnd() < 0.05) inp.alphaStake[i] = (1n << 63n) + BigInt(i); // single values past 2^53
        if (rnd() < 0.5) inp.taoStake[i] = 0n;
      }
      if (rnd() < 0.3) inp.hyperparameters.stakeThreshold = BigInt(Math.floor(rnd() * 1e14));
      stakeWeights(inp, exactArith, a);
      stakeWeightsBigInt(inp, exactArith, b);
      expect(Array.from(a.subarray(0, inp.n)), `case ${t}`).toEqual(Array.from(b.subarray(0, inp.n)));
    }
  });
});
