// Builds per-epoch weight and stake matrices from a compact schedule (used by cases.ts).
import type { VariantParams, YumaCase } from "./types.js";

/** Rows (one per validator) in force from epoch `from` (inclusive) until the next phase starts. */
export interface Phase {
  from: number;
  rows: readonly (readonly number[])[];
}

/** One Float64Array (V×S row-major) per epoch from `phases` (sorted by `from`, the first from 0). */
export function expandPhases(phases: readonly Phase[], numEpochs: number): Float64Array[] {
  if (phases.length === 0 || phases[0].from !== 0) throw new Error("a schedule starts with a phase from epoch 0");
  const out: Float64Array[] = [];
  let p = 0;
  for (let e = 0; e < numEpochs; e++) {
    while (p + 1 < phases.length && phases[p + 1].from <= e) p++;
    out.push(Float64Array.from(phases[p].rows.flat()));
  }
  return out;
}

/** What a case states; defaults as yuma-simulation's BaseCase (40 epochs, S1/S2, stakes [0.8, 0.1, 0.1]). */
export interface CaseSpec {
  key: string;
  name: string;
  description: string;
  validators: readonly string[];
  baseValidator: string;
  servers?: readonly string[];
  numEpochs?: number;
  weights: readonly Phase[] | ((numEpochs: number) => Float64Array[]);
  stakes?: readonly Phase[];
  resetBonds?: { server: number; epoch: number };
  configOverrides?: Partial<VariantParams>;
}

export const TWO_SERVERS = ["Server 1", "Server 2"] as const;
export const THREE_SERVERS = ["Server 1", "Server 2", "Server 3"] as const;
const DEFAULT_STAKES: readonly Phase[] = [{ from: 0, rows: [[0.8], [0.1], [0.1]] }];

export function buildCase(spec: CaseSpec): YumaCase {
  const numEpochs = spec.numEpochs ?? 40;
  const weights = typeof spec.weights === "function" ? spec.weights(numEpochs) : expandPhases(spec.weights, numEpochs);
  if (!spec.validators.includes(spec.baseValidator)) throw new Error(`${spec.key}: base validator not among the validators`);
  return Object.freeze({
    key: spec.key,
    name: spec.name,
    description: spec.description,
    validators: Object.freeze([...spec.validators]),
    servers: Object.freeze([...(spec.servers ?? TWO_SERVERS)]),
    baseValidator: spec.baseValidator,
    numEpochs,
    weights: Object.freeze(weights),
    stakes: Object.freeze(expandPhases(spec.stakes ?? DEFAULT_STAKES, numEpochs)),
    resetBonds: spec.resetBonds ?? null,
    configOverrides: Object.freeze({ ...spec.configOverrides }),
  });
}
