// Uint32Array views aliasing the ChainEconomy's BigUint64Array columns, so the fast coinbase reads
// and writes u64 amounts as two 32-bit words in plain `number`s (no BigInt). Word 2i is the low
// half of element i (little-endian hosts only: FAST_HOST is false elsewhere and the fast path is off).

import type { ChainEconomy } from "./chainEconomy.js";

const TWO32 = 4294967296;
const INV32 = 1 / TWO32; // x·2^-32 is exact: no division in the hot path

/** True on little-endian hosts, where a u64's low word comes first. */
export const FAST_HOST = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

const COLUMNS = [
  "subnetTao", "alphaIn", "alphaOut", "alphaIssuance", "quoteWeight", "movingPrice", "minerBurned",
  "pendingServer", "pendingValidator", "pendingRoot", "pendingOwnerCut", "taoInEmission", "alphaInEmission",
  "alphaOutEmission", "excessTao", "taoInTotal", "alphaInTotal", "alphaOutTotal", "recycledAlphaTotal",
  "unownedAlpha",
] as const;
export type U64Column = (typeof COLUMNS)[number];

/** Word views of the u64 columns plus per-subnet working columns of the fast coinbase. */
export type FastViews = Record<U64Column, Uint32Array> & {
  src: BigUint64Array[];
  netuids: number;
  price: Float64Array; // ⌊SubnetTAO·2^32/SubnetAlphaIn⌋ (U96F32 raw price) per emit index
  shH: Float64Array; // subnet share (U64F64) high / low words per emit index
  shL: Float64Array;
  wH: Float64Array; // weighted share words
  wL: Float64Array;
};

const cache = new WeakMap<ChainEconomy, FastViews>();

function build(state: ChainEconomy): FastViews {
  const n = state.netuids;
  const v = { src: [], netuids: n } as unknown as FastViews;
  for (const c of COLUMNS) {
    const col = state[c];
    v.src.push(col);
    v[c] = new Uint32Array(col.buffer, col.byteOffset, col.length * 2);
  }
  v.price = new Float64Array(n);
  v.shH = new Float64Array(n);
  v.shL = new Float64Array(n);
  v.wH = new Float64Array(n);
  v.wL = new Float64Array(n);
  cache.set(state, v);
  return v;
}

/** The views of `state`, rebuilt when a column was replaced or the netuid count changed. */
export function fastViews(state: ChainEconomy): FastViews {
  const v = cache.get(state);
  if (v === undefined || v.netuids !== state.netuids) return build(state);
  for (let c = 0; c < COLUMNS.length; c++) if (v.src[c] !== state[COLUMNS[c]]) return build(state);
  return v;
}

/** Element i as a number; exact when its high word is < 2^21 (callers check with `hiWord`). */
export function getU64(w: Uint32Array, i: number): number {
  return w[2 * i + 1] * TWO32 + w[2 * i];
}

export function hiWord(w: Uint32Array, i: number): number {
  return w[2 * i + 1];
}

/** Element i ← x, 0 ≤ x < 2^53. */
export function setU64(w: Uint32Array, i: number, x: number): void {
  const h = Math.floor(x * INV32);
  w[2 * i + 1] = h;
  w[2 * i] = x - h * TWO32;
}

/** Element i += d (−2^53 < d < 2^53), wrapping mod 2^64 like a BigUint64Array store. */
export function addU64(w: Uint32Array, i: number, d: number): void {
  const dh = Math.floor(d * INV32);
  const lo = w[2 * i] + (d - dh * TWO32);
  const c = lo >= TWO32 ? 1 : 0;
  w[2 * i] = lo - c * TWO32;
  w[2 * i + 1] = w[2 * i + 1] + dh + c; // Uint32Array store reduces mod 2^32
}

/** Element i ← saturating (element − x), 0 ≤ x < 2^53. */
export function satSubU64(w: Uint32Array, i: number, x: number): void {
  const xh = Math.floor(x * INV32);
  const xl = x - xh * TWO32;
  const h = w[2 * i + 1];
  const l = w[2 * i];
  if (h < xh || (h === xh && l < xl)) {
    w[2 * i + 1] = 0;
    w[2 * i] = 0;
    return;
  }
  if (l >= xl) {
    w[2 * i] = l - xl;
    w[2 * i + 1] = h - xh;
  } else {
    w[2 * i] = l + TWO32 - xl;
    w[2 * i + 1] = h - xh - 1;
  }
}
