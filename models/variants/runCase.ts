// Runs one synthetic case under one research variant and keeps the package's bookkeeping
// (yuma-simulation simulation_utils.py::_run_simulation / _call_yuma, charts_utils.py::
// _calculate_total_dividends; spec/yuma-variants.md §6).
import { createVariant } from "./createVariant.js";
import type { Variant, VariantEpochResult, VariantName, VariantParams, YumaCase } from "./types.js";

export interface RunCaseOptions {
  totalEpochEmission?: number; // 100
  validatorEmissionRatio?: number; // 0.41
  totalSubnetStake?: number; // 1 000 000
  /** Apply the case's bond reset (the package's get_synthetic_cases(reset_bonds=…)); default true. */
  resetBonds?: boolean;
  /** Keep a copy of the carried bonds per epoch (V×S each); default true. */
  recordBonds?: boolean;
  /** Called after every epoch with the variant's (reused) result buffers. */
  onEpoch?: (epoch: number, result: VariantEpochResult) => void;
}

export interface CaseRun {
  caseKey: string;
  variant: VariantName;
  params: VariantParams; // after the case's overrides
  dividendPer1000Tao: Float64Array[]; // [epoch] V
  relativeDividend: Float64Array[]; // [epoch] V: D_n,i − S_i/ΣS
  serverIncentive: Float64Array[]; // [epoch] S
  bonds: Float64Array[] | null; // [epoch] V×S carried bonds
  totalDividendPer1000Tao: Float64Array; // V, sum over epochs
  percentageDiffVsBase: Float64Array; // V, % vs case.baseValidator (0 for the base itself)
  /** Epochs where no server reached kappa (consensus took the NaN path of spec §2.5). */
  degenerateEpochs: number[];
}

/**
 * Runs `yumaCase` from epoch 0 under a fresh variant of the given name and params (a passed Variant
 * only lends its name and params; its own state is untouched), with the case's overrides merged in.
 */
export function runCase(
  yumaCase: YumaCase,
  variant: Variant | { name: VariantName; params?: Partial<VariantParams> },
  options: RunCaseOptions = {},
): CaseRun {
  const v = createVariant(variant.name, { ...variant.params, ...yumaCase.configOverrides });
  const { totalEpochEmission = 100, validatorEmissionRatio = 0.41, totalSubnetStake = 1_000_000 } = options;
  const nV = yumaCase.validators.length;
  const nS = yumaCase.servers.length;
  const applyReset = (options.resetBonds ?? true) && v.appliesBondResets && yumaCase.resetBonds !== null;
  const run: CaseRun = {
    caseKey: yumaCase.key, variant: v.name, params: { ...v.params },
    dividendPer1000Tao: [], relativeDividend: [], serverIncentive: [],
    bonds: options.recordBonds === false ? null : [],
    totalDividendPer1000Tao: new Float64Array(nV), percentageDiffVsBase: new Float64Array(nV),
    degenerateEpochs: [],
  };
  for (let e = 0; e < yumaCase.numEpochs; e++) {
    if (applyReset && e === yumaCase.resetBonds!.epoch) v.resetBondColumn(yumaCase.resetBonds!.server);
    const stakes = yumaCase.stakes[e];
    const result = v.epoch(yumaCase.weights[e], stakes, nV, nS);
    options.onEpoch?.(e, result);
    if (result.serverConsensusWeight.some((c) => !(c >= 0))) run.degenerateEpochs.push(e);
    run.dividendPer1000Tao.push(dividendPer1000Tao(result.validatorRewardNormalized, stakes, nV, {
      totalEpochEmission, validatorEmissionRatio, totalSubnetStake,
    }));
    run.relativeDividend.push(relativeDividend(result.validatorRewardNormalized, stakes, nV));
    run.serverIncentive.push(Float64Array.from(result.serverIncentive));
    run.bonds?.push(Float64Array.from(result.carriedBonds));
  }
  totals(run, yumaCase);
  return run;
}

/** Validator emission per 1000 units of stake: (ratio · D_n,i · emission) / (S_i · total / 1000); 0 when S_i·total/1000 ≤ 1e-6. */
export function dividendPer1000Tao(
  dn: Float64Array, stakes: ArrayLike<number>, nV: number,
  o: { totalEpochEmission: number; validatorEmissionRatio: number; totalSubnetStake: number },
): Float64Array {
  const out = new Float64Array(nV);
  for (let i = 0; i < nV; i++) {
    const units = (stakes[i] * o.totalSubnetStake) / 1000.0;
    const emission = o.validatorEmissionRatio * dn[i] * o.totalEpochEmission;
    out[i] = units > 1e-6 ? emission / units : 0.0;
  }
  return out;
}

/** D_n,i − S_i / ΣS. */
export function relativeDividend(dn: Float64Array, stakes: ArrayLike<number>, nV: number): Float64Array {
  let sum = 0;
  for (let i = 0; i < nV; i++) sum += stakes[i];
  const out = new Float64Array(nV);
  for (let i = 0; i < nV; i++) out[i] = dn[i] - stakes[i] / sum;
  return out;
}

function totals(run: CaseRun, yumaCase: YumaCase): void {
  const nV = yumaCase.validators.length;
  for (const row of run.dividendPer1000Tao) for (let i = 0; i < nV; i++) run.totalDividendPer1000Tao[i] += row[i];
  const b = yumaCase.validators.indexOf(yumaCase.baseValidator);
  let base = b >= 0 ? run.totalDividendPer1000Tao[b] : 0;
  if (base === 0) base = 1e-6; // the package's fallback (it logs a warning)
  for (let i = 0; i < nV; i++) {
    run.percentageDiffVsBase[i] = i === b ? 0.0 : ((run.totalDividendPer1000Tao[i] - base) / base) * 100.0;
  }
}
