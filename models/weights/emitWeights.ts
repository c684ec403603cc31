// What a validator's client sends: bittensor SDK `utils/weight_utils.py::convert_weights_and_uids_for_emit`.
// Float weights are max-normalised (the largest becomes 1), scaled to u16 with Python's round (half to
// even) and zero entries dropped; an all-zero or empty proposal sends nothing. The chain then applies
// its own checks and `vec_u16_max_upscale_to_u16` (setWeights.ts) to these integers.

const U16_MAX = 65535;

/** Python 3 `round(x)` for x ≥ 0: nearest integer, ties to even. */
function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/**
 * Quantises `weights[0..len)` for `uids[0..len)` into `outUids` / `outValues` (caller's buffers, length
 * ≥ len); returns how many entries were written (0: nothing to send). Negative or non-finite weights
 * count as 0 (the SDK refuses negatives; agents never produce them).
 */
export function convertWeightsForEmit(uids: ArrayLike<number>, weights: ArrayLike<number>, len: number, outUids: Uint16Array, outValues: Uint16Array): number {
  let max = 0;
  for (let k = 0; k < len; k++) if (weights[k] > max && Number.isFinite(weights[k])) max = weights[k];
  if (max === 0) return 0;
  let m = 0;
  for (let k = 0; k < len; k++) {
    const w = weights[k];
    if (!(w > 0) || !Number.isFinite(w)) continue;
    const v = roundHalfEven((w / max) * U16_MAX);
    if (v === 0) continue;
    outUids[m] = uids[k];
    outValues[m] = v;
    m++;
  }
  return m;
}
