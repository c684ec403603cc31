// subtensor-vectors.md A.8: test_math_weighted_median (item 45), test_math_weighted_median_col (46) and
// test_math_weighted_median_col_sparse (47), on the kernel's column-median (weightedMedianCol), plus the
// item-45 cases expressed as one-epoch states.
//
// The chain's item-45 test calls weighted_median directly with raw (un-renormalised) stakes and
// minority = fixed(1) − fixed(0.51). The kernel implements weighted_median_col_sparse, which first
// renormalises the positive stakes and uses minority = Σ(renormalised) − majority. With majority =
// fixed(0.51) the two coincide exactly whenever the f32 stakes sum to exactly 2^32 raw (cases 2–5, 7–10);
// for cases 6, 11, 12 (sums 2^32 + 40 / + 64 raw) the renormalisation moves the stakes by < 2^-26 and the
// chain's answers are unchanged (asserted below).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { weightedMedianCol } from "../../models/consensus/weightedMedianCol.js";
import { Csr } from "../../models/consensus/csr.js";
import { EpochScratch } from "../../models/consensus/scratch.js";
import { exactArith } from "../../models/consensus/arith.js";
import { runEpoch } from "../../models/consensus/runEpoch.js";
import { fromF32 } from "./fixedLiterals.js";
import { buildInput, type Row } from "./epochState.js";

const ONE = 4294967296;

/** weightedMedianCol on dense rows (raw I32F32; 0 = absent), n = max(rows, cols). */
function medianCols(stake: number[], w: number[][], majority: number): number[] {
  const rows = stake.length;
  const cols = w.length ? w[0].length : 0;
  const n = Math.max(rows, cols);
  const m = new Csr().reset(n, rows * Math.max(cols, 1));
  for (let i = 0; i < n; i++) {
    if (i < rows) for (let j = 0; j < cols; j++) if (w[i][j] > 0) m.push(j, w[i][j]);
    m.endRow(i);
  }
  const a = new Float64Array(n);
  stake.forEach((s, i) => (a[i] = s));
  const out = new Float64Array(n);
  weightedMedianCol(a, m, n, majority, exactArith, new EpochScratch().ensure(n), out);
  return Array.from(out.subarray(0, cols));
}

const f32v = (v: number[]) => v.map(fromF32);

// [stake, score, result] — test_math_weighted_median's exact cases (f32 literals)
const CASES45: [number[], number[], number][] = [
  [[1], [1], 1], // case 2: normalize([0.51]) = [1]
  [[0.49, 0.51], [0.5, 1], 1],
  [[0.51, 0.49], [0.5, 1], 0.5],
  [[0.49, 0, 0.51], [0.5, 0.7, 1], 1],
  [[0.49, 0.01, 0.5], [0.5, 0.7, 1], 0.7],
  [[0.49, 0.51, 0], [0.5, 0.7, 1], 0.7],
  [[0, 0.49, 0.51], [0.5, 0.7, 1], 1],
  [[0, 0.49, 0, 0.51], [0.5, 0.5, 1, 1], 1],
  [[0, 0.49, 0, 0.51, 0], [0.5, 0.5, 1, 1, 0.5], 1],
  [[0.2, 0.2, 0.2, 0.2, 0.2], [0.8, 0.2, 1, 0.6, 0.4], 0.6],
  [Array(10).fill(0.1), [0.8, 0.8, 0.2, 0.2, 1, 1, 0.6, 0.6, 0.4, 0.4], 0.6],
];

describe("A.45 test_math_weighted_median (exact cases) on the column median", () => {
  it("case 1: no (positive-stake) voters → 0", () => {
    expect(medianCols([0], [[fromF32(0.5)]], fromF32(0.51))).toEqual([0]);
  });
  CASES45.forEach(([stake, score, result], k) => {
    it(`case ${k + 2}: stake [${stake}] score [${score}] → ${result}`, () => {
      const raw = f32v(stake);
      const got = medianCols(raw, f32v(score).map((s) => [s]), fromF32(0.51));
      expect(got).toEqual([fromF32(result)]);
    });
  });
});

describe("A.46 / A.47 test_math_weighted_median_col(_sparse), exact", () => {
  const W1 = [[0, 0.1, 0], [0, 0.2, 0.4], [0, 0.3, 0.1], [0, 0.4, 0.5]].map(f32v);
  const W2 = [[0, 0.1, 0], [0, 0.2, 0.4], [0, 0.3, 0.1], [0, 0, 0.5]].map(f32v);
  it("empty and all-zero inputs", () => {
    expect(medianCols([], [], fromF32(0.5))).toEqual([]);
    expect(medianCols([0, 0], [[0, 0], [0, 0]], fromF32(0.5))).toEqual([0, 0]);
  });
  it("stake [0,0.75,0.25,0]: majority 0.24 → [0,0.3,0.4]; 0.26 → [0,0.2,0.4]; 0.76 → [0,0.2,0.1]", () => {
    const s = f32v([0, 0.75, 0.25, 0]);
    expect(medianCols(s, W1, fromF32(0.24))).toEqual(f32v([0, 0.3, 0.4]));
    expect(medianCols(s, W1, fromF32(0.26))).toEqual(f32v([0, 0.2, 0.4]));
    expect(medianCols(s, W1, fromF32(0.76))).toEqual(f32v([0, 0.2, 0.1]));
  });
  it("stake [0,0.3,0.2,0.5], majority 0.51 → [0,0,0.4]", () => {
    expect(medianCols(f32v([0, 0.3, 0.2, 0.5]), W2, fromF32(0.51))).toEqual(f32v([0, 0, 0.4]));
  });
  it("property (A.45 randomized part, [NP] on chain): the result satisfies Σ_{<v} ≤ minority < Σ_{≤v} and is permutation-invariant", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ s: fc.integer({ min: 0, max: 1000 }), w: fc.integer({ min: 0, max: 8 }) }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 65535 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (entries, kappaU16, seed) => {
          const stake = entries.map((e) => e.s * 1000);
          const score = entries.map((e) => e.w * (ONE / 8));
          const majority = Number((BigInt(kappaU16) << 32n) / 65535n);
          const got = medianCols(stake, score.map((x) => [x]), majority)[0];
          // reference: renormalise positive stakes, sort by score (zero scores count), cumulative rule
          const pos = stake.map((s, i) => ({ s, w: score[i] })).filter((e) => e.s > 0);
          let want = 0;
          if (pos.length) {
            const sum = pos.reduce((a, e) => a + e.s, 0);
            const u = pos.map((e) => ({ s: Number((BigInt(e.s) << 32n) / BigInt(sum)), w: e.w }));
            const minority = u.reduce((a, e) => a + e.s, 0) - majority;
            const values = [...new Set(u.map((e) => e.w))].sort((a, b) => a - b);
            want = minority < 0 ? values[0] : values[values.length - 1];
            for (const v of values) {
              const below = u.filter((e) => e.w < v).reduce((a, e) => a + e.s, 0);
              const upto = below + u.filter((e) => e.w === v).reduce((a, e) => a + e.s, 0);
              if (below <= minority && minority < upto) { want = v; break; }
            }
          }
          expect(got).toBe(want);
          // permutation invariance
          const perm = stake.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101));
          const got2 = medianCols(perm.map((i) => stake[i]), perm.map((i) => [score[i]]), majority)[0];
          expect(got2).toBe(got);
        },
      ),
      { numRuns: 400 },
    );
  });
});

// The item-45 cases as one-epoch states: validators 0..m−1 with alpha stake = the f32 raw stake in rao
// (so S and A equal the raw stakes when they sum to 2^32), a scored server column m and a filler column m+1.
// Validator i's row is [(m, a_i), (m+1, 65535 − a_i)] with a_i = round(score_i·65535) (score 1: [(m, 65535)],
// score 0: [(m+1, 65535)]), so its normalised weight on m is floor(a_i·2^32/65535) — same order and ties as
// the f32 scores. Kappa is a u16: 0.51 itself is not representable; Kappa 33422 (≈ 0.50999) gives
// minority = 1 − 0.50999 ≥ the chain's 1 − fixed(0.51) by 50607 raw, and no cumulative stake sum of these
// cases lies strictly between the two, so the chosen score is the chain's. Expected consensus[m] =
// floor(floor(a·2^32/65535)·65535/2^32) for the chain's result score.
describe("A.45 cases as one-epoch states (Kappa 33422)", () => {
  const u16Of = (a: number) => Number((((BigInt(a) << 32n) / 65535n) * 65535n) >> 32n);
  CASES45.forEach(([stake, score, result], k) => {
    it(`case ${k + 2} as an epoch: consensus of the scored column is the u16 of ${result}`, () => {
      const m = stake.length;
      const n = m + 2;
      const weights: Row[] = score.map((s) => {
        const a = Math.round(s * 65535);
        if (a === 65535) return [[m, 65535]];
        if (a === 0) return [[m + 1, 65535]];
        return [[m, a], [m + 1, 65535 - a]];
      });
      weights.push([], []);
      const out = runEpoch(buildInput({
        n, block: 10, hp: { tempo: 360, kappa: 33422, maxAllowedValidators: 256, yuma3: false },
        alphaStake: [...f32v(stake), 0, 0], reg: Array(n).fill(0), lastUpdate: Array(n).fill(10),
        permit: [...Array(m).fill(true), false, false], weights,
      }));
      expect(out.consensus[m]).toBe(u16Of(Math.round(result * 65535)));
    });
  });
  it("case 1 as an epoch: a column nobody with stake weights has consensus 0", () => {
    const out = runEpoch(buildInput({
      n: 2, block: 10, hp: { tempo: 360, maxAllowedValidators: 256 },
      alphaStake: [0, 0], reg: [0, 0], lastUpdate: [10, 10], permit: [true, false], weights: [[[1, 65535]], []],
    }));
    expect(out.consensus[1]).toBe(0);
  });
});

describe("weightedMedianCol with a pivot hint (last epoch's consensus)", () => {
  // The hint only orders the selection: any hint, right, wrong or garbage, must give the same consensus.
  it("gives the same consensus whatever the hint", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 2 ** 31 }),
        fc.array(fc.integer({ min: 0, max: 2 ** 32 }), { minLength: 1600, maxLength: 1600 }),
        fc.array(fc.integer({ min: 0, max: 2 ** 32 }), { minLength: 40, maxLength: 40 }),
        fc.array(fc.oneof(fc.integer({ min: -5, max: 2 ** 33 }), fc.double(), fc.constantFrom(0, 2 ** 32, Number.NaN)), { minLength: 40, maxLength: 40 }),
        (rows, cols, majority, cells, stakes, garbage) => {
          const n = Math.max(rows, cols);
          const m = new Csr().reset(n, rows * cols);
          for (let i = 0; i < n; i++) {
            // few distinct scores per column so hints hit ties; some zeros
            if (i < rows) for (let j = 0; j < cols; j++) { const v = cells[i * cols + j] % 7; if (v > 0) m.push(j, v * 100_000_007); }
            m.endRow(i);
          }
          const a = new Float64Array(n);
          for (let i = 0; i < rows; i++) a[i] = stakes[i] % 3 === 0 ? 0 : stakes[i];
          const plain = new Float64Array(n);
          weightedMedianCol(a, m, n, majority, exactArith, new EpochScratch().ensure(n), plain);
          // the answer itself as the hint (in place, as runEpoch passes it), its neighbours, and garbage
          const hints = [Float64Array.from(plain), plain.map((x) => x + 1), plain.map((x) => x - 1), Float64Array.from({ length: n }, (_, j) => garbage[j % 40])];
          for (const h of hints) {
            const out = Float64Array.from(h);
            weightedMedianCol(a, m, n, majority, exactArith, new EpochScratch().ensure(n), out, out);
            expect(Array.from(out)).toEqual(Array.from(plain));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
