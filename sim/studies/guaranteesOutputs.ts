// Runs the consensus-guarantees study and writes:
// - `consensus-guarantees.csv`: the honest emission ratio per grid point
//   (weight_sigma, bonds_penalty, honest_stake, honest_self_weight, cabal_self_weight, honest_emission_ratio);
// - `retention.csv`: the honest utility needed to keep each honest stake, per weight sigma and bonds penalty;
// - `charts/retention-sigma-<σ>-penalty-<β>.vl.json`: the E_H = S_H contours, one line per stake level.
import {
  GUARANTEE_DEFAULTS, contourSegments, honestUtilityNeeded, planGuaranteeChunks, selfWeightGrid,
  type GuaranteeChunkSpec, type GuaranteeStudyParams,
} from "./studyDrivers.js";
import type { CsvCell } from "../../reports/tables/formatCell.js";
import { retentionChartSpec, type RetentionLine } from "./charts/retentionChart.js";
import { inlineGuaranteeExecutor, type GuaranteeExecutor, type GuaranteeTask } from "./guaranteeExecutor.js";
import type { StudyFiles } from "./studyFiles.js";
import type { StudyTable } from "./studyReport.js";
import type { StudyOutput } from "./yumaCasesOutputs.js";

/** A quick grid for tests and CI: 6 × 6 self-weights, σ_W = 0.4 and β = 1 only, all 11 stake levels. */
export const QUICK_GUARANTEE_PARAMS: Readonly<Partial<GuaranteeStudyParams>> = Object.freeze({
  samples: 6,
  weightSigmas: [0.4],
  bondsPenalties: [1],
});

export const GRID_COLUMNS = [
  "weight_sigma", "bonds_penalty", "honest_stake", "honest_self_weight", "cabal_self_weight", "honest_emission_ratio",
] as const;
export const RETENTION_COLUMNS = ["weight_sigma", "bonds_penalty", "honest_stake", "honest_utility_needed"] as const;

export interface GuaranteesStudyOptions {
  seed: number;
  quick?: boolean;
  params?: Partial<GuaranteeStudyParams>;
  executor?: GuaranteeExecutor;
  onChunkDone?: (task: GuaranteeTask) => void;
}

export function resolveGuaranteeParams(quick: boolean, params: Partial<GuaranteeStudyParams> = {}): GuaranteeStudyParams {
  return { ...GUARANTEE_DEFAULTS, ...(quick ? QUICK_GUARANTEE_PARAMS : {}), ...params };
}

export async function writeGuaranteesStudy(files: StudyFiles, options: GuaranteesStudyOptions): Promise<StudyOutput> {
  const params = resolveGuaranteeParams(options.quick ?? false, options.params);
  const chunks = planGuaranteeChunks(params);
  const tasks = chunks.map((spec) => ({ spec, seed: options.seed }));
  const results = await (options.executor ?? inlineGuaranteeExecutor)(tasks, options.onChunkDone);
  await files.writeCsv("consensus-guarantees.csv", GRID_COLUMNS, gridRows(chunks, results));
  const retention: CsvCell[][] = chunks.map((c, k) => [
    c.weightSigma, c.bondsPenalty, c.honestStake, honestUtilityNeeded(results[k], c.samples, c.honestStake),
  ]);
  await files.writeCsv("retention.csv", RETENTION_COLUMNS, retention);
  for (const sigma of params.weightSigmas) {
    for (const penalty of params.bondsPenalties) {
      const lines: RetentionLine[] = [];
      chunks.forEach((c, k) => {
        if (c.weightSigma !== sigma || c.bondsPenalty !== penalty) return;
        lines.push({ honestStake: c.honestStake, segments: contourSegments(results[k], c.samples, c.honestStake) });
      });
      await files.writeChart(`retention-sigma-${sigma}-penalty-${penalty}`, retentionChartSpec(lines, sigma, penalty));
    }
  }
  return {
    params: { ...params, chunks: chunks.length, epochs: chunks.length * params.samples ** 2 * params.replicates },
    tables: [retentionTable(retention, params)],
  };
}

/** The report's retention table from `retention.csv` rows (weight σ, β, S_H, W_H needed or null). */
export function retentionTable(
  retention: readonly (readonly CsvCell[])[],
  params: Pick<GuaranteeStudyParams, "weightSigmas" | "bondsPenalties" | "honestStakes">,
): StudyTable {
  return {
    title: "Honest utility needed to keep the honest stake share",
    caption: "Smallest honest self-weight W_H on the grid at which honest emission ≥ honest stake for every cabal self-weight W_C (empty: none).",
    columns: ["weight σ (× mean)", "bonds penalty β", ...params.honestStakes.map((s) => `S_H ${s}`)],
    rows: params.weightSigmas.flatMap((sigma) => params.bondsPenalties.map((penalty) => [
      sigma, penalty,
      ...params.honestStakes.map((stake) => retention.find((r) => r[0] === sigma && r[1] === penalty && r[2] === stake)?.[3] ?? null),
    ])),
  };
}

function* gridRows(chunks: readonly GuaranteeChunkSpec[], results: readonly Float64Array[]): Generator<CsvCell[]> {
  for (let k = 0; k < chunks.length; k++) {
    const c = chunks[k];
    const grid = selfWeightGrid(c.samples);
    for (let h = 0; h < c.samples; h++) {
      for (let w = 0; w < c.samples; w++) {
        yield [c.weightSigma, c.bondsPenalty, c.honestStake, grid[h], grid[w], results[k][h * c.samples + w]];
      }
    }
  }
}
