// Conformance with bactensor/yuma-simulation: every file of the yuma-sim vector folder
// (format yuma-sim-vectors/1, test/vectors/yuma-sim/FORMAT.md) is one test, named after the file.
// Folder: $TAOSIM_YUMA_SIM_VECTORS when set, else test/vectors/yuma-sim/.
// Tolerance: |ours − theirs| ≤ tol · max(1, |theirs|), tol = 1e-9 (1e-6 when dtype is float32); the
// relative part matters only for Yuma 2C's ~1e18 bonds.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { runCase } from "./runCase.js";
import { VARIANT_NAMES, VARIANT_PACKAGE_KEYS, type VariantEpochResult, type VariantName, type VariantParams, type YumaCase } from "./types.js";

const DEFAULT_DIR = fileURLToPath(new URL("../../test/vectors/yuma-sim/", import.meta.url));
const DIR = process.env.TAOSIM_YUMA_SIM_VECTORS || DEFAULT_DIR;
const FILES = readdirSync(DIR).filter((f) => f.endsWith(".json")).sort();
const MAX_REPORTED = 20;

type Nested = number | null | Nested[];
interface VectorFile {
  schema: string;
  dtype: string;
  consensus_impl: string;
  case: {
    key: string; name: string; validators: string[]; servers: string[]; base_validator: string; num_epochs: number;
    reset_bonds: boolean; reset_bonds_index: number | null; reset_bonds_epoch: number | null; use_full_matrices?: boolean;
  };
  version: { key: string; carried_bond_output: string };
  config: Record<string, unknown>;
  inputs: { S: number[][]; W: number[][][] };
  bonds_reset: { epoch: number; columns: number[]; B_old: number[][] } | null;
  outputs: Record<string, Nested[]>;
  derived: { dividend_per_1000_tao: number[][]; relative_dividend: number[][] };
  totals: { total_dividend_per_1000_tao: Record<string, number>; percentage_diff_vs_base: Record<string, number> };
  warnings: ({ epoch: number } | number)[];
  runner_recomputed?: { liquid_alpha?: (Nested | null)[] };
}

/** JSON with the format's non-finite strings turned into numbers. */
function readVectorFile(path: string): VectorFile {
  const special: Record<string, number> = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity };
  return JSON.parse(readFileSync(path, "utf8"), (_k, v) => (typeof v === "string" && v in special ? special[v] : v));
}

function flat(x: Nested | ArrayLike<number>): number[] {
  if (typeof x === "number" || x === null) return [x as number];
  const out: number[] = [];
  for (const item of Array.from(x as ArrayLike<Nested>)) out.push(...flat(item));
  return out;
}

function variantOf(key: string): VariantName {
  const name = VARIANT_NAMES.find((n) => VARIANT_PACKAGE_KEYS[n] === key);
  if (name === undefined) throw new Error(`unknown variant key "${key}" (known: ${Object.values(VARIANT_PACKAGE_KEYS).join(", ")})`);
  return name;
}

/** The file's config as VariantParams (nulls left to the defaults; unsupported settings fail loudly). */
function paramsOf(file: VectorFile): Partial<VariantParams> {
  const c = file.config;
  for (const key of ["override_consensus_high", "override_consensus_low"]) {
    if (c[key] !== null && c[key] !== undefined) throw new Error(`config.${key} is not supported (unused by the package)`);
  }
  const impl = { optimized: "optimized", legacy: "bisection", bisection: "bisection", binary_search: "bisection" }[file.consensus_impl];
  if (impl === undefined) throw new Error(`unknown consensus_impl "${file.consensus_impl}"`);
  const pick = <T,>(key: string): T | undefined => (c[key] === null || c[key] === undefined ? undefined : (c[key] as T));
  return {
    kappa: pick("kappa"), bondPenalty: pick("bond_penalty"), bondMovingAvg: pick("bond_moving_avg"),
    liquidAlpha: pick("liquid_alpha"), alphaHigh: pick("alpha_high"), alphaLow: pick("alpha_low"),
    alphaSigmoidSteepness: pick("alpha_sigmoid_steepness"), liquidAlphaConsensusMode: pick("liquid_alpha_consensus_mode"),
    decayRate: pick("decay_rate"), capacityAlpha: pick("capacity_alpha"), winnerTakesAll: pick("winner_takes_all"),
    consensusPrecision: pick("consensus_precision"), consensusImpl: impl as VariantParams["consensusImpl"],
  };
}

function caseOf(file: VectorFile): YumaCase {
  const c = file.case;
  if (c.use_full_matrices) throw new Error("full-matrix vectors are not supported (V×S block only)");
  return {
    key: c.key, name: c.name, description: "", validators: c.validators, servers: c.servers,
    baseValidator: c.base_validator, numEpochs: c.num_epochs,
    weights: file.inputs.W.map((w) => Float64Array.from(flat(w))),
    stakes: file.inputs.S.map((s) => Float64Array.from(s)),
    resetBonds: c.reset_bonds ? { server: c.reset_bonds_index!, epoch: c.reset_bonds_epoch! } : null,
    configOverrides: {}, // already merged into `config`
  };
}

const camel = (name: string): string => name.replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase());

/** Compares `ours` with `theirs`, recording mismatches as "what[index]: ours vs theirs". */
function compare(what: string, ours: ArrayLike<number> | number, theirs: Nested, tol: number, bad: string[]): void {
  const a = typeof ours === "number" ? [ours] : Array.from(ours);
  const b = flat(theirs);
  if (a.length !== b.length) {
    bad.push(`${what}: length ${a.length} vs ${b.length}`);
    return;
  }
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    const ok = (Number.isNaN(x) && Number.isNaN(y)) || x === y || Math.abs(x - y) <= tol * Math.max(1, Math.abs(y));
    if (!ok) bad.push(`${what}[${k}]: ${x} vs ${y} (diff ${x - y})`);
  }
}

function checkFile(file: VectorFile): string[] {
  if (file.schema !== "yuma-sim-vectors/1") throw new Error(`unknown schema "${file.schema}"`);
  const tol = file.dtype === "float32" ? 1e-6 : 1e-9;
  const variant = variantOf(file.version.key);
  const yumaCase = caseOf(file);
  const skip = new Set(file.warnings.map((w) => (typeof w === "number" ? w : w.epoch)));
  const outputNames = Object.keys(file.outputs);
  const bad: string[] = [];
  let lastCarried: Float64Array | null = null;
  const run = runCase(yumaCase, { name: variant, params: paramsOf(file) }, {
    onEpoch(e, result: VariantEpochResult) {
      const reset = file.bonds_reset;
      if (reset !== null && reset.epoch === e && lastCarried !== null) {
        const bOld = Float64Array.from(lastCarried);
        for (const j of reset.columns) for (let i = 0; i < yumaCase.validators.length; i++) bOld[i * yumaCase.servers.length + j] = 0;
        compare(`bonds_reset.B_old@${e}`, bOld, reset.B_old, tol, bad);
      }
      lastCarried = Float64Array.from(result.carriedBonds);
      if (skip.has(e)) return;
      for (const name of outputNames) {
        const ours = (result as unknown as Record<string, Float64Array | number | null>)[camel(name)];
        if (ours === null || ours === undefined) bad.push(`${name}@${e}: not produced by ${variant}`);
        else compare(`${name}@${e}`, ours, file.outputs[name][e], tol, bad);
      }
      const la = file.runner_recomputed?.liquid_alpha?.[e];
      if (la !== undefined && la !== null && result.alpha !== null) compare(`runner_recomputed.liquid_alpha@${e}`, result.alpha, la, tol, bad);
    },
  });
  for (let e = 0; e < yumaCase.numEpochs; e++) {
    if (skip.has(e)) continue;
    compare(`dividend_per_1000_tao@${e}`, run.dividendPer1000Tao[e], file.derived.dividend_per_1000_tao[e], tol, bad);
    compare(`relative_dividend@${e}`, run.relativeDividend[e], file.derived.relative_dividend[e], tol, bad);
  }
  if (skip.size === 0) {
    yumaCase.validators.forEach((v, i) => {
      compare(`total_dividend_per_1000_tao[${v}]`, run.totalDividendPer1000Tao[i], file.totals.total_dividend_per_1000_tao[v], tol, bad);
      compare(`percentage_diff_vs_base[${v}]`, run.percentageDiffVsBase[i], file.totals.percentage_diff_vs_base[v], tol, bad);
    });
  }
  return bad;
}

describe(`yuma-sim vectors (${DIR})`, () => {
  test("the vector folder holds at least one file", () => {
    expect(FILES.length).toBeGreaterThan(0);
  });
  for (const name of FILES) {
    test(name, () => {
      const bad = checkFile(readVectorFile(join(DIR, name)));
      expect(bad.slice(0, MAX_REPORTED), `${bad.length} mismatches`).toEqual([]);
    });
  }
});
