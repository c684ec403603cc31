// New validator permits: chain epoch/math.rs::is_topk_nonzero (stable ascending sort; ties: lower uid loses).

import type { EpochScratch } from "./scratch.js";

/** Writes 1 for uids whose stake S is non-zero and among the top k, else 0. */
export function isTopkNonzero(stake: Float64Array, n: number, k: number, out: Uint8Array, scratch: EpochScratch): void {
  let nonzero = 0;
  for (let i = 0; i < n; i++) {
    out[i] = stake[i] !== 0 ? 1 : 0;
    nonzero += out[i];
  }
  if (n < k) return;
  const drop = n - k; // the first n-k of the ascending stable order lose their permit
  if (n - nonzero >= drop) return; // the dropped places are all zero-stake uids, already false
  const order = scratch.order;
  for (let i = 0; i < n; i++) order[i] = i;
  const idx = order.subarray(0, n);
  idx.sort((a, b) => stake[a] - stake[b] || a - b);
  for (let r = 0; r < drop; r++) out[idx[r]] = 0;
}
