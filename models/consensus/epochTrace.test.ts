// The epoch trace on the 300 random chain states (test/vectors/random-epochs): recording a trace changes no
// output; the trace's last values quantise to the chain's outputs; and each intermediate follows from the
// previous ones by the chain's formula, recomputed here independently in BigInt (I32F32: mul floors, div truncates).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EpochScratch, runEpoch } from "./runEpoch.js";
import { EpochTrace, traceRow } from "./epochTrace.js";
import type { Csr } from "./csr.js";
import { epochInputFromJson, epochResultToJson } from "../../test/helpers/epochJson.js";

const dir = new URL("../../test/vectors/random-epochs/", import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const inputs: any[] = JSON.parse(readFileSync(new URL("inputs.json", dir), "utf8"));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const expected: any[] = JSON.parse(readFileSync(new URL("expected.json", dir), "utf8"));

const ONE = 1n << 32n;
const big = (v: Float64Array | number[], n: number): bigint[] => Array.from({ length: n }, (_, i) => BigInt(v[i]));
const mul = (a: bigint, b: bigint): bigint => (a * b) / ONE; // non-negative: floor
/** chain inplace_normalize: x / Σx per entry (I32F32 division), unchanged when Σx = 0. */
const normalize = (x: bigint[]): bigint[] => {
  const sum = x.reduce((a, b) => a + b, 0n);
  return sum === 0n ? x : x.map((v) => (v * ONE) / sum);
};
const u16 = (x: bigint): number => {
  const v = (x * 65535n) / ONE;
  return Number(v > 65535n ? 65535n : v);
};
const u16Vec = (v: Float64Array, n: number) => big(v, n).map(u16);
/** Σ_i row_i[j] · v_i (matmul_sparse) or Σ_j row_i[j] · v_j (matmul_transpose_sparse), products floored. */
function matmul(m: Csr, v: bigint[], n: number, transpose: boolean): bigint[] {
  const out = new Array<bigint>(n).fill(0n);
  for (let i = 0; i < m.rows; i++)
    for (const [j, w] of traceRow(m, i)) {
      if (transpose) out[i] += mul(BigInt(w), v[j]);
      else out[j] += mul(BigInt(w), v[i]);
    }
  return out;
}

describe("epoch trace on the random chain states", () => {
  const scratch = new EpochScratch();
  const trace = new EpochTrace();
  for (let t = 0; t < inputs.length; t++) {
    const hp = inputs[t].hyperparameters ?? {};
    it(`state ${t} (n=${inputs[t].n}, yuma3=${!!hp.yuma3}, liquidAlpha=${!!hp.liquidAlpha})`, () => {
      const input = epochInputFromJson(inputs[t]);
      const n = input.n;
      const out = runEpoch(input, "exact", scratch, { trace });
      const exp = expected[t];
      // recording changes nothing: the traced run still matches the chain in every field
      expect(epochResultToJson(out)).toEqual(Object.fromEntries(Object.keys(epochResultToJson(out) as object).map((k) => [k, exp[k]])));
      // last values = the outputs
      expect(u16Vec(trace.stake, n), "stake").toEqual(exp.stakeWeight);
      expect(u16Vec(trace.consensus, n), "consensus").toEqual(exp.consensus);
      expect(u16Vec(trace.incentive, n), "incentive").toEqual(exp.incentive);
      expect(u16Vec(trace.dividends, n), "dividends").toEqual(exp.dividends);
      expect(u16Vec(trace.validatorTrust, n), "validatorTrust").toEqual(exp.validatorTrust);
      const stored = Array.from({ length: n }, (_, i) =>
        exp.validatorPermit[i] ? traceRow(trace.bonds, i).map(([j, v]) => [j, u16(BigInt(v))]).filter(([, v]) => v !== 0).sort((a, b) => a[0] - b[0]) : []);
      expect(stored, "bonds").toEqual(exp.bonds);
      // each intermediate from the previous ones
      const A = big(trace.activeStake, n);
      const C = big(trace.consensus, n);
      for (let i = 0; i < n; i++) {
        const w = traceRow(trace.weights, i);
        const wc = traceRow(trace.clippedWeights, i);
        // col_clip_sparse: min(w, C_j); an entry above a zero consensus is dropped
        const clip = w.filter(([j, v]) => !(C[j] < BigInt(v) && C[j] === 0n)).map(([j, v]): [number, bigint] => [j, BigInt(v) <= C[j] ? BigInt(v) : C[j]]);
        expect(wc.map(([j, v]): [number, bigint] => [j, BigInt(v)]), `clipped row ${i}`).toEqual(clip);
        expect(BigInt(trace.validatorTrust[i]), `trust ${i}`).toBe(wc.reduce((s, [, v]) => s + BigInt(v), 0n));
      }
      const ranks = matmul(trace.clippedWeights, A, n, false);
      expect(big(trace.ranks, n), "ranks").toEqual(ranks);
      const I = normalize(ranks);
      expect(big(trace.incentive, n), "incentive").toEqual(I);
      let D = matmul(trace.bondsNormalized, I, n, true);
      if (trace.yuma3) D = D.map((d, i) => mul(d, A[i]));
      expect(big(trace.dividends, n), "dividends").toEqual(normalize(D));
      expect(trace.bondsDelta === null, "ΔB only without Yuma3").toBe(trace.yuma3);
      if (trace.alphas !== null) {
        // EMA_ij = (1 − α_ij)·B_ij + α_ij·Wb_ij over Wb's entries, kept when > 0 (mat_ema_alpha_sparse)
        const low = (BigInt(hp.alphaLow ?? 45875) * ONE) / 65535n;
        const high = (BigInt(hp.alphaHigh ?? 58982) * ONE) / 65535n;
        for (let i = 0; i < n; i++) {
          const wb = traceRow(trace.weightsForBonds, i);
          const al = traceRow(trace.alphas, i);
          expect(al.map(([j]) => j)).toEqual(wb.map(([j]) => j));
          for (const [, a] of al) expect(BigInt(a) >= low && BigInt(a) <= high, `alpha ${a} in [low, high]`).toBe(true);
        }
      }
    });
  }
});
