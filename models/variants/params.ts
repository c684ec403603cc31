// Hyperparameters of the research variants (spec/yuma-variants.md §5): the package defaults, the
// per-variant parameter sets of the package's suite script, and their resolution.
import { VARIANT_NAMES, VariantInputError, type VariantName, type VariantParams } from "./types.js";

/** `SimulationHyperparameters` + `YumaParams` defaults of yuma-simulation 0.1.1. */
export const PACKAGE_DEFAULTS: Readonly<VariantParams> = Object.freeze({
  kappa: 0.5,
  bondPenalty: 1, // package: None (must be set for 1/2/2B); chain default BondsPenalty 65535 ↦ 1.0
  bondMovingAvg: 0.1, // α = 0.9: the inverse of the chain's default
  liquidAlpha: false,
  alphaHigh: 0.3,
  alphaLow: 0.1,
  alphaSigmoidSteepness: 10,
  liquidAlphaConsensusMode: "CURRENT",
  decayRate: 0.1,
  capacityAlpha: 0.1,
  maxint: 2 ** 64,
  winnerTakesAll: false,
  consensusImpl: "optimized",
  consensusPrecision: 100_000,
});

/** Per-variant overrides: the suite script's parameter sets (spec §5, "Parameters the suite script uses"). */
export const VARIANT_DEFAULTS: Readonly<Record<VariantName, Partial<VariantParams>>> = Object.freeze({
  yuma1: { bondMovingAvg: 0 },
  yuma2: {},
  yuma2b: {},
  yuma2c: {},
  yuma3: { bondMovingAvg: 0.975, alphaLow: 0.1, alphaHigh: 0.3 },
  "yuma3-liquid": {
    bondMovingAvg: 0.975,
    alphaLow: 0.1,
    alphaHigh: 0.3,
    liquidAlpha: true,
    liquidAlphaConsensusMode: "MIXED",
  },
});

export function isVariantName(name: string): name is VariantName {
  return (VARIANT_NAMES as readonly string[]).includes(name);
}

/** Package defaults ← variant defaults ← user params. `yuma3-liquid` always has liquidAlpha on. */
export function resolveVariantParams(name: VariantName, params: Partial<VariantParams> = {}): VariantParams {
  const resolved: VariantParams = { ...PACKAGE_DEFAULTS, ...VARIANT_DEFAULTS[name], ...dropUndefined(params) };
  if (name === "yuma3-liquid") resolved.liquidAlpha = true;
  checkParams(resolved);
  return resolved;
}

function dropUndefined(params: Partial<VariantParams>): Partial<VariantParams> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) out[k] = v;
  return out as Partial<VariantParams>;
}

function checkParams(p: VariantParams): void {
  const finite: (keyof VariantParams)[] = [
    "kappa", "bondPenalty", "bondMovingAvg", "alphaHigh", "alphaLow", "alphaSigmoidSteepness",
    "decayRate", "capacityAlpha", "maxint", "consensusPrecision",
  ];
  for (const key of finite) {
    const v = p[key];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new VariantInputError(`variant parameter ${key}: expected a finite number, found ${String(v)}`);
    }
  }
  if (!["CURRENT", "PREVIOUS", "MIXED"].includes(p.liquidAlphaConsensusMode)) {
    throw new VariantInputError(`liquidAlphaConsensusMode: expected CURRENT, PREVIOUS or MIXED, found ${p.liquidAlphaConsensusMode}`);
  }
  if (p.consensusImpl !== "optimized" && p.consensusImpl !== "bisection") {
    throw new VariantInputError(`consensusImpl: expected optimized or bisection, found ${String(p.consensusImpl)}`);
  }
}
