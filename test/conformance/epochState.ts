// Builders for the chain's epoch test vectors (subtensor-vectors.md B, C, D, G) as EpochInput, and
// readers of EpochOutput in the shapes the chain's tests assert on.
import { DEFAULT_EPOCH_HYPERPARAMETERS, type EpochHyperparameters, type EpochInput, type EpochOutput, type SparseU16 } from "../../models/consensus/types.js";
import { sparseFromRows, rowsFromSparse } from "../helpers/epochJson.js";
import { vecU16MaxUpscaleToU16 } from "../../models/fixed/vecMaxUpscaleToU16.js";

export type Row = [number, number][];

/** The mock environment of subtensor's tests (§0.3): TaoWeight 0, kappa 32767, β = 1, bma 900000. */
export const MOCK_HP: Readonly<EpochHyperparameters> = Object.freeze({
  ...DEFAULT_EPOCH_HYPERPARAMETERS,
  taoWeight: 0n,
});

export interface StateSpec {
  n: number;
  block: number;
  raoEmission?: number; // default 1e9
  ownerUid?: number | null;
  lastMechanismStepBlock?: number; // manual epoch() calls leave it 0
  hp?: Partial<EpochHyperparameters>;
  alphaStake: (number | bigint)[];
  taoStake?: (number | bigint)[];
  lastUpdate: number[];
  reg: number[];
  permit: boolean[] | Uint8Array;
  weights: Row[];
  bonds?: Row[] | SparseU16;
}

export function buildInput(s: StateSpec): EpochInput {
  const n = s.n;
  const chk = (name: string, len: number) => {
    if (len !== n) throw new Error(`${name} has length ${len}, n = ${n}`);
  };
  chk("alphaStake", s.alphaStake.length);
  chk("lastUpdate", s.lastUpdate.length);
  chk("reg", s.reg.length);
  chk("permit", s.permit.length);
  chk("weights", s.weights.length);
  const bonds: SparseU16 = s.bonds === undefined
    ? sparseFromRows(Array.from({ length: n }, () => []))
    : Array.isArray(s.bonds) ? sparseFromRows(s.bonds) : s.bonds;
  return {
    n,
    block: s.block,
    raoEmission: s.raoEmission ?? 1_000_000_000,
    ownerUid: s.ownerUid ?? null,
    lastMechanismStepBlock: s.lastMechanismStepBlock ?? 0,
    hyperparameters: { ...MOCK_HP, ...(s.hp ?? {}) },
    alphaStake: BigUint64Array.from(s.alphaStake.map((x) => BigInt(x))),
    taoStake: BigUint64Array.from((s.taoStake ?? s.alphaStake.map(() => 0)).map((x) => BigInt(x))),
    lastUpdate: Float64Array.from(s.lastUpdate),
    blockAtRegistration: Float64Array.from(s.reg),
    validatorPermit: Uint8Array.from(Array.from(s.permit as ArrayLike<number | boolean>, (b) => (b ? 1 : 0))),
    weights: sparseFromRows(s.weights),
    bonds,
  };
}

/** A weight row as `set_weights(uids, values)` stores it: vec_u16_max_upscale_to_u16(values), zeros kept. */
export function setWeightsRow(uids: number[], values: number[]): Row {
  const up = vecU16MaxUpscaleToU16(values);
  return uids.map((u, k) => [u, up[k]]);
}

export function emptyRows(n: number): Row[] {
  return Array.from({ length: n }, () => []);
}

/** Dense lookup of a stored bond (chain `get_bonds`: absent entries are 0). */
export function bondAt(out: EpochOutput, i: number, j: number): number {
  const m = out.storedBonds;
  let v = 0;
  for (let e = m.rowPtr[i]; e < m.rowPtr[i + 1]; e++) if (m.col[e] === j) v = m.val[e];
  return v;
}

export function storedRows(out: EpochOutput): Row[] {
  return rowsFromSparse(out.storedBonds);
}

export const u16 = (a: Uint16Array) => Array.from(a);
export const rao = (a: Float64Array) => Array.from(a);
export const bools = (a: Uint8Array) => Array.from(a, (x) => x === 1);

/** chain: epoch/math.rs::u16_proportion_to_fixed as a float (for the chain's eps comparisons). */
export function u16ToFloat(u: number): number {
  return Number((BigInt(u) << 32n) / 65535n) / 4294967296;
}

/**
 * A subnet's epoch-relevant storage across manual `epoch()` calls: each epoch's stored bonds and new
 * permits become the next input, as on chain. `lastMechanismStepBlock` stays 0 (manual calls never set it).
 */
export class ChainState {
  spec: StateSpec;
  bondRows: Row[];
  constructor(spec: StateSpec) {
    this.spec = { ...spec, weights: spec.weights.map((r) => r.slice()), permit: Array.from(spec.permit as ArrayLike<number | boolean>, (b) => !!b) };
    this.bondRows = spec.bonds === undefined ? emptyRows(spec.n) : Array.isArray(spec.bonds) ? spec.bonds.map((r) => r.slice()) : rowsFromSparse(spec.bonds);
  }
  input(): EpochInput {
    return buildInput({ ...this.spec, bonds: this.bondRows });
  }
  /** Runs one epoch at `block` (exact arithmetic) and persists bonds and permits. */
  epoch(block: number, run: (inp: EpochInput) => EpochOutput): EpochOutput {
    this.spec.block = block;
    const out = run(this.input());
    this.bondRows = rowsFromSparse(out.storedBonds);
    this.spec.permit = Array.from(out.validatorPermit, (x) => x === 1);
    return out;
  }
  /** `set_weights(uids, values)` by `uid` at `block` with commit-reveal off. */
  setWeights(uid: number, uids: number[], values: number[], block: number): void {
    this.spec.weights[uid] = setWeightsRow(uids, values);
    this.spec.lastUpdate[uid] = block;
  }
  /** A new hotkey takes `uid` at `block` (replace_neuron, §0.3). */
  replace(uid: number, block: number): void {
    const s = this.spec;
    s.reg[uid] = block;
    s.lastUpdate[uid] = block;
    s.weights[uid] = [];
    this.bondRows[uid] = [];
    s.weights = s.weights.map((r) => r.map(([j, v]) => [j, j === uid ? 0 : v] as [number, number]));
    (s.permit as boolean[])[uid] = false;
    s.alphaStake[uid] = 0;
  }
}
