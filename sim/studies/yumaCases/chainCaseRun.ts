// A synthetic Yuma case (spec/yuma-variants.md §7) run through the chain-exact epoch (runEpoch), so it
// can stand beside the research variants: the case's V validators are uids 0..V−1, its S servers uids
// V..V+S−1; epoch e runs at block (e + 1) · tempo with the case's stakes and weights of epoch e, and
// carries the chain's stored bonds and validator permits to the next epoch.
//
// How a case becomes chain state (documented choices, not the package's):
// - stake: S_i · 1e6 TAO in rao (the package's total_subnet_stake), servers 0; no root stake;
// - weights: what a validator submitting the case's floats stores — the SDK's u16 conversion
//   (w / max(w) · 65535, rounded, zeros dropped), then set_weights' max-upscale; set one block before
//   the epoch;
// - a bond reset (server column, epoch) is a re-registration of that server's uid two blocks before the
//   epoch: the chain itself then drops every bond to it (bonds to uids registered since the last
//   mechanism step are masked) while the weights set after it still count;
// - permits: every staked validator holds one from the start (the chain's top-k by stake, k = 64).
import { runEpoch } from "../../../models/consensus/runEpoch.js";
import { EpochScratch } from "../../../models/consensus/scratch.js";
import { DEFAULT_EPOCH_HYPERPARAMETERS, type EpochHyperparameters, type EpochInput, type SparseU16 } from "../../../models/consensus/types.js";
import { vecU16MaxUpscaleToU16 } from "../../../models/fixed/vecMaxUpscaleToU16.js";
import { dividendPer1000Tao } from "../../../models/variants/runCase.js";
import type { YumaCase } from "../../../models/variants/types.js";
import { convertWeightsForEmit } from "../../../models/weights/emitWeights.js";

/** Chain configurations the study runs the cases under. */
export const CHAIN_VARIANTS = ["chain", "chain-yuma3"] as const;
export type ChainVariantName = (typeof CHAIN_VARIANTS)[number];

/**
 * `chain`: the chain's storage defaults (spec/yuma.md §3: kappa 32767, bonds penalty 65535, bonds moving
 * average 900000, Yuma3 off, liquid alpha off). `chain-yuma3`: the same with Yuma3 on.
 */
export function chainCaseHyperparameters(name: ChainVariantName): EpochHyperparameters {
  return { ...DEFAULT_EPOCH_HYPERPARAMETERS, maxAllowedValidators: 64, yuma3: name === "chain-yuma3" };
}

export const CASE_TOTAL_STAKE_RAO = 1_000_000 * 1e9;
export const CASE_EPOCH_RAO = 1e9;

export interface ChainCaseRun {
  caseKey: string;
  variant: ChainVariantName;
  /** Validator emission share D_n,i = validator emission / Σ validator emission, per epoch. */
  dividendShare: Float64Array[];
  dividendPer1000Tao: Float64Array[]; // [epoch] V, the package's bookkeeping (runCase) applied to D_n
  serverIncentive: Float64Array[]; // [epoch] S, u16 / 65535
  totalDividendPer1000Tao: Float64Array; // V
}

/** SDK-style u16 weights of one validator's row: zeros dropped, max → 65535, then set_weights' max-upscale. */
export function submittedWeightRow(row: ArrayLike<number>): { uids: number[]; values: number[] } {
  const ids = Array.from({ length: row.length }, (_, j) => j);
  const u = new Uint16Array(row.length);
  const v = new Uint16Array(row.length);
  const m = convertWeightsForEmit(ids, row, row.length, u, v);
  return { uids: Array.from(u.subarray(0, m)), values: vecU16MaxUpscaleToU16(Array.from(v.subarray(0, m))) };
}

export function runCaseOnChain(yumaCase: YumaCase, variant: ChainVariantName): ChainCaseRun {
  const nV = yumaCase.validators.length;
  const nS = yumaCase.servers.length;
  const n = nV + nS;
  const hp = chainCaseHyperparameters(variant);
  const tempo = hp.tempo;
  const scratch = new EpochScratch();
  const blockAtRegistration = new Float64Array(n);
  let permits: Uint8Array = new Uint8Array(n);
  for (let i = 0; i < nV; i++) permits[i] = yumaCase.stakes[0][i] > 0 ? 1 : 0;
  let bonds: SparseU16 = { rowPtr: new Int32Array(n + 1), col: new Int32Array(0), val: new Uint16Array(0) };
  const run: ChainCaseRun = {
    caseKey: yumaCase.key, variant, dividendShare: [], dividendPer1000Tao: [], serverIncentive: [],
    totalDividendPer1000Tao: new Float64Array(nV),
  };
  for (let e = 0; e < yumaCase.numEpochs; e++) {
    const block = (e + 1) * tempo;
    if (yumaCase.resetBonds !== null && yumaCase.resetBonds.epoch === e) {
      blockAtRegistration[nV + yumaCase.resetBonds.server] = block - 2;
    }
    const input: EpochInput = {
      n, block, raoEmission: CASE_EPOCH_RAO, ownerUid: null, lastMechanismStepBlock: block - tempo,
      hyperparameters: hp,
      alphaStake: caseStakes(yumaCase.stakes[e], n),
      taoStake: new BigUint64Array(n),
      lastUpdate: new Float64Array(n).fill(block - 1),
      blockAtRegistration: Float64Array.from(blockAtRegistration),
      validatorPermit: permits,
      weights: caseWeights(yumaCase.weights[e], nV, nS),
      bonds,
    };
    const out = runEpoch(input, "exact", scratch);
    permits = out.validatorPermit;
    bonds = out.storedBonds;
    const share = validatorShares(out.validatorEmission, nV);
    run.dividendShare.push(share);
    run.dividendPer1000Tao.push(dividendPer1000Tao(share, yumaCase.stakes[e], nV, {
      totalEpochEmission: 100, validatorEmissionRatio: 0.41, totalSubnetStake: 1_000_000,
    }));
    run.serverIncentive.push(Float64Array.from(out.incentive.subarray(nV), (u) => u / 65535));
  }
  for (const row of run.dividendPer1000Tao) for (let i = 0; i < nV; i++) run.totalDividendPer1000Tao[i] += row[i];
  return run;
}

function caseStakes(stakes: Float64Array, n: number): BigUint64Array {
  const out = new BigUint64Array(n);
  for (let i = 0; i < stakes.length; i++) out[i] = BigInt(Math.round(stakes[i] * CASE_TOTAL_STAKE_RAO));
  return out;
}

function caseWeights(w: Float64Array, nV: number, nS: number): SparseU16 {
  const n = nV + nS;
  const rowPtr = new Int32Array(n + 1);
  const col: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < nV; i++) {
    const { uids, values } = submittedWeightRow(w.subarray(i * nS, (i + 1) * nS));
    for (let k = 0; k < uids.length; k++) {
      col.push(nV + uids[k]);
      val.push(values[k]);
    }
    rowPtr[i + 1] = col.length;
  }
  for (let i = nV; i < n; i++) rowPtr[i + 1] = col.length;
  return { rowPtr, col: Int32Array.from(col), val: Uint16Array.from(val) };
}

function validatorShares(validatorEmission: Float64Array, nV: number): Float64Array {
  let sum = 0;
  for (let i = 0; i < nV; i++) sum += validatorEmission[i];
  return Float64Array.from({ length: nV }, (_, i) => (sum > 0 ? validatorEmission[i] / sum : 0));
}
