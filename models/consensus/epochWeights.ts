// The weight matrix W the epoch uses.
// chain: run_epoch.rs::epoch_mechanism — get_weights_sparse, mask_rows_sparse (no permit),
// mask_diag_sparse[_except_index] (owner keeps its self-weight), vec_mask_sparse_matrix (outdated:
// last_update[i] <= block_at_registration[j]), inplace_row_normalize_sparse.

import type { EpochArith } from "./arith.js";
import type { Csr } from "./csr.js";
import type { EpochInput } from "./types.js";

/** Builds row-normalised W (raw I32F32) into `out`, rows in stored (submission) order. */
export function epochWeights(input: EpochInput, forbid: Uint8Array, arith: EpochArith, out: Csr): void {
  const { n, weights, lastUpdate, blockAtRegistration, ownerUid } = input;
  const { rowPtr, col, val } = weights;
  out.reset(n, rowPtr[n]);
  for (let i = 0; i < n; i++) {
    const start = out.nnz;
    if (!forbid[i]) {
      const lu = lastUpdate[i];
      let rowSum = 0; // Σ u16 of kept entries (exact integer)
      for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
        const j = col[e];
        if (j === i && i !== ownerUid) continue; // self-weight (owner exempt)
        if (lu <= blockAtRegistration[j]) continue; // set before uid j's current occupant registered
        out.push(j, val[e]);
        rowSum += val[e];
      }
      if (rowSum > 0) {
        for (let e = start; e < out.nnz; e++) out.val[e] = arith.ratio(out.val[e], rowSum);
      } else {
        for (let e = start; e < out.nnz; e++) out.val[e] = 0;
      }
    }
    out.endRow(i);
  }
}
