// Validation of `taosim.epoch/1` JSON (interfaces.md "Epoch I/O") into the kernel's EpochInput:
// one state object or an array of them. Throws a TaosimInputError naming the first bad field.

import {
  DEFAULT_EPOCH_HYPERPARAMETERS,
  type EpochHyperparameters,
  type EpochInput,
} from "../../models/consensus/types.js";
import { EXPECTED, EpochFieldReader, I16_MAX, I16_MIN, U16_MAX, U32_MAX, U64_MAX } from "./epochFieldReader.js";
import type { JsonDocument } from "./jsonPositions.js";
import type { JsonPath } from "./jsonPath.js";
import { readSparseRows } from "./readSparseRows.js";

export const EPOCH_INPUT_FORMAT = "taosim.epoch/1";

/** Top-level keys in interfaces.md order; all required except `hyperparameters`. */
export const EPOCH_STATE_KEYS = [
  "format", "n", "block", "raoEmission", "ownerUid", "lastMechanismStepBlock", "hyperparameters",
  "alphaStake", "taoStake", "lastUpdate", "blockAtRegistration", "validatorPermit", "weights", "bonds",
] as const;

type HyperparameterKind = "u16" | "i16" | "u32" | "u53" | "bool" | "raoU64";

/** Every hyperparameter's JSON type, in interfaces.md order. */
export const HYPERPARAMETER_KINDS: Readonly<Record<keyof EpochHyperparameters, HyperparameterKind>> = {
  tempo: "u16",
  activityCutoffFactorMilli: "u32",
  kappa: "u16",
  bondsPenalty: "u16",
  bondsMovingAverage: "u53",
  yuma3: "bool",
  liquidAlpha: "bool",
  alphaLow: "u16",
  alphaHigh: "u16",
  alphaSigmoidSteepness: "i16",
  maxAllowedValidators: "u16",
  stakeThreshold: "raoU64",
  taoWeight: "raoU64",
};
const HYPERPARAMETER_NAMES = Object.keys(HYPERPARAMETER_KINDS) as (keyof EpochHyperparameters)[];

export interface EpochStates {
  states: EpochInput[];
  /** The input was a JSON array (the output must then be one too, even with one element). */
  isArray: boolean;
}

/** Validates a parsed document holding one epoch state or an array of them. */
export function readEpochStates(doc: JsonDocument): EpochStates {
  const root = doc.value;
  if (Array.isArray(root)) {
    return { states: root.map((state, i) => readEpochState(doc, state, [i])), isArray: true };
  }
  if (isPlainObject(root)) return { states: [readEpochState(doc, root, [])], isArray: false };
  throw doc.error([], `a ${EPOCH_INPUT_FORMAT} state object or an array of them`, undefined, { code: "epoch-input" });
}

/** Validates one state found at `base` in the document. */
export function readEpochState(doc: JsonDocument, value: unknown, base: JsonPath): EpochInput {
  const r = new EpochFieldReader(doc, base);
  if (!isPlainObject(value)) throw r.error([], `a ${EPOCH_INPUT_FORMAT} state object`);
  r.knownKeys(value, EPOCH_STATE_KEYS, [], `one of the ${EPOCH_INPUT_FORMAT} keys`);
  for (const key of EPOCH_STATE_KEYS) {
    if (key !== "hyperparameters" && !(key in value)) {
      throw r.error([key], `the key "${key}" (required in ${EPOCH_INPUT_FORMAT})`, "nothing (missing)");
    }
  }
  const s = value as Record<(typeof EPOCH_STATE_KEYS)[number], unknown>;
  if (s.format !== EPOCH_INPUT_FORMAT) throw r.error(["format"], JSON.stringify(EPOCH_INPUT_FORMAT));
  const n = r.integer("n", s.n, 1, U16_MAX, "a positive integer 1..65535 (u16)");
  const block = r.u53("block", s.block);
  const raoEmission = Number(r.raoAt(["raoEmission"], s.raoEmission, BigInt(Number.MAX_SAFE_INTEGER), EXPECTED.raoU53));
  const ownerUid = s.ownerUid === null ? null : r.integer("ownerUid", s.ownerUid, 0, n - 1, `null or a uid < n (n = ${n})`);
  const lastMechanismStepBlock = r.u53("lastMechanismStepBlock", s.lastMechanismStepBlock);
  const hyperparameters = readHyperparameters(r, s.hyperparameters);
  return {
    n,
    block,
    raoEmission,
    ownerUid,
    lastMechanismStepBlock,
    hyperparameters,
    alphaStake: r.raoVector("alphaStake", s.alphaStake, n),
    taoStake: r.raoVector("taoStake", s.taoStake, n),
    lastUpdate: r.blockVector("lastUpdate", s.lastUpdate, n),
    blockAtRegistration: r.blockVector("blockAtRegistration", s.blockAtRegistration, n),
    validatorPermit: r.boolVector("validatorPermit", s.validatorPermit, n),
    weights: readSparseRows(r, "weights", s.weights, n),
    bonds: readSparseRows(r, "bonds", s.bonds, n),
  };
}

/** `hyperparameters` is optional, and so is each of its fields (chain storage defaults). */
function readHyperparameters(r: EpochFieldReader, value: unknown): EpochHyperparameters {
  const hp: EpochHyperparameters = { ...DEFAULT_EPOCH_HYPERPARAMETERS };
  if (value === undefined) return hp;
  if (!isPlainObject(value)) throw r.error(["hyperparameters"], "an object of hyperparameters");
  r.knownKeys(value, HYPERPARAMETER_NAMES, ["hyperparameters"], "a hyperparameter among");
  const given = value as Record<string, unknown>;
  const sub = new EpochFieldReader(r.doc, [...r.base, "hyperparameters"]);
  const out = hp as unknown as Record<string, number | boolean | bigint>;
  for (const name of HYPERPARAMETER_NAMES) {
    const v = given[name];
    if (v === undefined) continue;
    switch (HYPERPARAMETER_KINDS[name]) {
      case "u16": out[name] = sub.u16(name, v); break;
      case "i16": out[name] = sub.integer(name, v, I16_MIN, I16_MAX, EXPECTED.i16); break;
      case "u32": out[name] = sub.integer(name, v, 0, U32_MAX, EXPECTED.u32); break;
      case "u53": out[name] = sub.u53(name, v); break;
      case "bool": out[name] = sub.bool(name, v); break;
      case "raoU64": out[name] = sub.raoAt([name], v, U64_MAX, EXPECTED.raoU64); break;
    }
  }
  return hp;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
