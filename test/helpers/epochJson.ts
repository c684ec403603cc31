// Test helper: a plain `taosim.epoch/1` object (already valid) → EpochInput, and EpochOutput → result JSON.
import { DEFAULT_EPOCH_HYPERPARAMETERS, type EpochHyperparameters, type EpochInput, type EpochOutput, type SparseU16 } from "../../models/consensus/types.js";

type Row = [number, number][];

export function sparseFromRows(rows: Row[]): SparseU16 {
  const n = rows.length;
  const rowPtr = new Int32Array(n + 1);
  let nnz = 0;
  for (const r of rows) nnz += r.length;
  const col = new Int32Array(nnz);
  const val = new Uint16Array(nnz);
  let k = 0;
  rows.forEach((r, i) => {
    for (const [j, v] of r) { col[k] = j; val[k] = v; k++; }
    rowPtr[i + 1] = k;
  });
  return { rowPtr, col, val };
}

export function rowsFromSparse(m: SparseU16): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i + 1 < m.rowPtr.length; i++) {
    const r: Row = [];
    for (let e = m.rowPtr[i]; e < m.rowPtr[i + 1]; e++) r.push([m.col[e], m.val[e]]);
    rows.push(r);
  }
  return rows;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function epochInputFromJson(o: any): EpochInput {
  const hpIn = o.hyperparameters ?? {};
  const hp: EpochHyperparameters = { ...DEFAULT_EPOCH_HYPERPARAMETERS };
  for (const [k, v] of Object.entries(hpIn)) {
    (hp as unknown as Record<string, unknown>)[k] = k === "stakeThreshold" || k === "taoWeight" ? BigInt(v as string) : v;
  }
  return {
    n: o.n,
    block: o.block,
    raoEmission: Number(o.raoEmission),
    ownerUid: o.ownerUid ?? null,
    lastMechanismStepBlock: o.lastMechanismStepBlock ?? 0,
    hyperparameters: hp,
    alphaStake: BigUint64Array.from((o.alphaStake as string[]).map(BigInt)),
    taoStake: BigUint64Array.from((o.taoStake as string[]).map(BigInt)),
    lastUpdate: Float64Array.from(o.lastUpdate),
    blockAtRegistration: Float64Array.from(o.blockAtRegistration),
    validatorPermit: Uint8Array.from((o.validatorPermit as boolean[]).map((b) => (b ? 1 : 0))),
    weights: sparseFromRows(o.weights),
    bonds: sparseFromRows(o.bonds),
  };
}

export function epochResultToJson(r: EpochOutput) {
  return {
    active: Array.from(r.active, (x) => x === 1),
    stakeWeight: Array.from(r.stakeWeight),
    consensus: Array.from(r.consensus),
    incentive: Array.from(r.incentive),
    dividends: Array.from(r.dividends),
    validatorTrust: Array.from(r.validatorTrust),
    validatorPermit: Array.from(r.validatorPermit, (x) => x === 1),
    bonds: rowsFromSparse(r.bonds),
    serverEmission: Array.from(r.serverEmission, (x) => String(x)),
    validatorEmission: Array.from(r.validatorEmission, (x) => String(x)),
    emission: Array.from(r.emission, (x) => String(x)),
  };
}
