// Weights for bonds with the bonds penalty: Wb = W + β·(Wc − W). chain: epoch/math.rs::interpolate_sparse
// β == 0 → W as is; β == 1 → Wc as is; otherwise rows come out sorted by column, only entries > 0.

import type { EpochArith } from "./arith.js";
import { Csr } from "./csr.js";
import { ONE } from "../fixed/i32f32.js";
import type { EpochScratch } from "./scratch.js";

/** Returns the matrix to use as Wb: `w`, `wc`, or `out` filled with the interpolation. */
export function interpolateSparse(w: Csr, wc: Csr, ratio: number, arith: EpochArith, scratch: EpochScratch, out: Csr): Csr {
  if (ratio === 0) return w;
  if (ratio === ONE) return wc;
  const n = w.rows;
  out.reset(n, w.nnz);
  const keys = scratch.keys;
  for (let i = 0; i < n; i++) {
    // Wc's row is W's row with some entries dropped, in the same order: walk both together.
    let c = wc.rowPtr[i];
    const cEnd = wc.rowPtr[i + 1];
    let k = 0;
    for (let e = w.rowPtr[i]; e < w.rowPtr[i + 1]; e++) {
      const j = w.col[e];
      const v1 = w.val[e];
      let v2 = 0;
      if (c < cEnd && wc.col[c] === j) v2 = wc.val[c++];
      const interp = v1 + arith.mulSigned(ratio, v2 - v1);
      if (interp > 0) keys[k++] = j * 17179869184 + interp; // j·2^34 + value (value < 2^34): sorts by column
    }
    const row = keys.subarray(0, k);
    let sorted = true;
    for (let t = 1; t < k && sorted; t++) if (row[t] <= row[t - 1]) sorted = false;
    if (!sorted) row.sort();
    for (let t = 0; t < k; t++) {
      const j = Math.floor(row[t] / 17179869184);
      out.push(j, row[t] - j * 17179869184);
    }
    out.endRow(i);
  }
  return out;
}

export { Csr };
