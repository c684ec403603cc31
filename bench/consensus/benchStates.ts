// Synthetic epoch states for the consensus benchmark: v validators with stake, n neurons, dense or sparse weights.
import seedrandom from "seedrandom";
import { DEFAULT_EPOCH_HYPERPARAMETERS, type EpochInput, type SparseU16 } from "../../models/consensus/types.js";

export interface BenchStateSpec {
  validators: number;
  neurons: number;
  weightsPerValidator: number; // = neurons for dense
  yuma3: boolean;
  liquidAlpha: boolean;
}

export function benchState(spec: BenchStateSpec, seed = "taosim-bench"): EpochInput {
  const rng = seedrandom.xor4096(seed);
  const n = spec.neurons;
  const v = spec.validators;
  const rowPtr = new Int32Array(n + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i < v) {
      const k = Math.min(spec.weightsPerValidator, n);
      const start = Math.floor(rng() * n);
      let max = 0;
      const row: number[] = [];
      for (let t = 0; t < k; t++) {
        const w = 1 + Math.floor(rng() * 65535);
        row.push(w);
        if (w > max) max = w;
      }
      for (let t = 0; t < k; t++) {
        cols.push(k === n ? t : (start + t * 7) % n);
        vals.push(Math.round((row[t] * 65535) / max));
      }
    }
    rowPtr[i + 1] = cols.length;
  }
  const weights: SparseU16 = { rowPtr, col: Int32Array.from(cols), val: Uint16Array.from(vals) };
  const alphaStake = new BigUint64Array(n);
  for (let i = 0; i < v; i++) alphaStake[i] = BigInt(Math.floor(1e12 * (0.1 + rng())));
  return {
    n,
    block: 10_000,
    raoEmission: 360_000_000_000,
    ownerUid: null,
    lastMechanismStepBlock: 9_640,
    hyperparameters: {
      ...DEFAULT_EPOCH_HYPERPARAMETERS,
      yuma3: spec.yuma3,
      liquidAlpha: spec.liquidAlpha,
      maxAllowedValidators: Math.max(v, 64),
      taoWeight: 0n,
    },
    alphaStake,
    taoStake: new BigUint64Array(n),
    lastUpdate: new Float64Array(n).fill(9_990),
    blockAtRegistration: new Float64Array(n).fill(1),
    validatorPermit: Uint8Array.from({ length: n }, (_, i) => (i < v ? 1 : 0)),
    weights,
    bonds: { rowPtr: new Int32Array(n + 1), col: new Int32Array(0), val: new Uint16Array(0) },
  };
}
