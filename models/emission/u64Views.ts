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
  "unownedAlpha", "accountTao", "protocolAlpha", "excessTaoTotal",
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
  // price cache per netuid (fastPrice.ts): key = words of (SubnetTAO, SubnetAlphaIn, quote weight), NaN = empty
  pKey: Float64Array; // 6 per netuid: tL, tH, xL, xH, wL, wH (quote weight)
  pOk: Uint8Array; // 1: cP/cSH/cSL valid for the key, 0: price out of the fast range
  cP: Float64Array; // ⌊T·2^32/X⌋ (U96F32 price)
  cSH: Float64Array; // min(⌊T·2^64/X⌋, 2^64) (U64F64 spot, clamped at 1) as words
  cSL: Float64Array;
  // get_subnet_terms per emit index (u64 amounts < 2^32): alpha emission, alpha in, TAO in, excess TAO
  tAe: Float64Array;
  tA: Float64Array;
  tT: Float64Array;
  tX: Float64Array;
};

const cache = new WeakMap<ChainEconomy, FastViews>();

/** Word view of a u64 column. */
const words = (col: BigUint64Array): Uint32Array => new Uint32Array(col.buffer, col.byteOffset, col.length * 2);

function build(state: ChainEconomy): FastViews {
  const n = state.netuids;
  const f = (len: number): Float64Array => new Float64Array(len);
  // One object literal naming every field: V8 keeps it in fast (in-object) mode; properties added by
  // computed keys would turn it into a dictionary and every column access into a hash lookup.
  const v: FastViews = {
    src: COLUMNS.map((c) => state[c]),
    netuids: n,
    subnetTao: words(state.subnetTao),
    alphaIn: words(state.alphaIn),
    alphaOut: words(state.alphaOut),
    alphaIssuance: words(state.alphaIssuance),
    quoteWeight: words(state.quoteWeight),
    movingPrice: words(state.movingPrice),
    minerBurned: words(state.minerBurned),
    pendingServer: words(state.pendingServer),
    pendingValidator: words(state.pendingValidator),
    pendingRoot: words(state.pendingRoot),
    pendingOwnerCut: words(state.pendingOwnerCut),
    taoInEmission: words(state.taoInEmission),
    alphaInEmission: words(state.alphaInEmission),
    alphaOutEmission: words(state.alphaOutEmission),
    excessTao: words(state.excessTao),
    taoInTotal: words(state.taoInTotal),
    alphaInTotal: words(state.alphaInTotal),
    alphaOutTotal: words(state.alphaOutTotal),
    recycledAlphaTotal: words(state.recycledAlphaTotal),
    unownedAlpha: words(state.unownedAlpha),
    accountTao: words(state.accountTao),
    protocolAlpha: words(state.protocolAlpha),
    excessTaoTotal: words(state.excessTaoTotal),
    price: f(n),
    shH: f(n),
    shL: f(n),
    wH: f(n),
    wL: f(n),
    pKey: f(6 * n).fill(Number.NaN),
    pOk: new Uint8Array(n),
    cP: f(n),
    cSH: f(n),
    cSL: f(n),
    tAe: f(n),
    tA: f(n),
    tT: f(n),
    tX: f(n),
  };
  cache.set(state, v);
  return v;
}

/** The views of `state`, rebuilt when a column was replaced or the netuid count changed. */
export function fastViews(state: ChainEconomy): FastViews {
  const v = cache.get(state);
  if (v === undefined || v.netuids !== state.netuids || !sameColumns(v.src, state)) return build(state);
  return v;
}

/** Named loads (COLUMNS order): a keyed `state[name]` per column costs more than the whole check. */
function sameColumns(c: BigUint64Array[], s: ChainEconomy): boolean {
  return c[0] === s.subnetTao && c[1] === s.alphaIn && c[2] === s.alphaOut && c[3] === s.alphaIssuance &&
    c[4] === s.quoteWeight && c[5] === s.movingPrice && c[6] === s.minerBurned && c[7] === s.pendingServer &&
    c[8] === s.pendingValidator && c[9] === s.pendingRoot && c[10] === s.pendingOwnerCut &&
    c[11] === s.taoInEmission && c[12] === s.alphaInEmission && c[13] === s.alphaOutEmission &&
    c[14] === s.excessTao && c[15] === s.taoInTotal && c[16] === s.alphaInTotal && c[17] === s.alphaOutTotal &&
    c[18] === s.recycledAlphaTotal && c[19] === s.unownedAlpha && c[20] === s.accountTao &&
    c[21] === s.protocolAlpha && c[22] === s.excessTaoTotal;
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

/** Element i += d for an integer 0 ≤ d < 2^32 (wrapping mod 2^64): the coinbase's per-block amounts. */
export function add32(w: Uint32Array, i: number, d: number): void {
  const lo = w[2 * i] + d;
  if (lo >= TWO32) {
    w[2 * i] = lo - TWO32;
    w[2 * i + 1] = w[2 * i + 1] + 1; // Uint32Array store reduces mod 2^32
  } else w[2 * i] = lo;
}

/** Element i ← d for an integer 0 ≤ d < 2^32. */
export function set32(w: Uint32Array, i: number, d: number): void {
  w[2 * i] = d;
  w[2 * i + 1] = 0;
}
