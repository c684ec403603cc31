// update_moving_price on `number`s, bit-identical to movingPrice.ts for the balanced pool
// (split U64F64 arithmetic, exactSplit.ts). Falls back per subnet to the reference when a value
// is outside the exact ranges: reserves < 2^52 rao, stored moving price ≤ 1, SubnetMovingAlpha < 2^-12.

import type { ChainEconomy } from "./chainEconomy.js";
import { divDigit, mul32, mulSplitShr32, mulShr32, res } from "./exactSplit.js";
import { isHalfQuote } from "./fastCoinbase.js";
import { updateMovingPrice } from "./movingPrice.js";
import type { PoolModel } from "./poolModel.js";
import { FAST_HOST, type FastViews, fastViews, getU64, hiWord, setU64 } from "./u64Views.js";

const TWO32 = 4294967296;
const INV32 = 1 / TWO32; // x·2^-32 is exact: no division in the hot path
const TWO52 = 4503599627370496;

/** Last (b, b + h) → a of the current update_moving_prices pass (reset per pass: `sma` is per state). */
const memo = { b: -1, d: -1, a: 0 };

/** update_moving_price of one subnet with the balanced pool; false (nothing written) when out of range. */
function updateOne(state: ChainEconomy, v: FastViews, i: number, block: number, sma: number): boolean {
  let mp = TWO32; // movingAlphaPrice: 1 for stable subnets
  if (state.mechanism[i] !== 0) {
    if (hiWord(v.movingPrice, i) > 1) return false;
    mp = getU64(v.movingPrice, i);
    if (mp > TWO32) return false;
  }
  // spot = min(current_price, 1) as U64F64 split (sH ≤ 2^32)
  let sH = TWO32;
  let sL = 0;
  if (state.mechanism[i] === 1) {
    if (!isHalfQuote(v.quoteWeight, i) || hiWord(v.subnetTao, i) >= 1 << 20 || hiWord(v.alphaIn, i) >= 1 << 20) return false;
    const T = getU64(v.subnetTao, i);
    const X = getU64(v.alphaIn, i);
    if (X === 0) sH = 0;
    else if (T < X) {
      const xH = Math.floor(X * INV32);
      const xL = X - xH * TWO32;
      const tH = Math.floor(T * INV32);
      sH = divDigit(tH, T - tH * TWO32, 0, xH, xL); // ⌊T·2^32/X⌋ < 2^32
      sL = divDigit(res.hi, res.lo, 0, xH, xL);
    }
  }
  // a = SubnetMovingAlpha · b/(b + h): ⌊sma·⌊b·2^64/(b+h)⌋/2^32⌋ (U64F64 raw, < 2^52)
  const first = state.firstEmissionBlock[i];
  const start = first > 0 ? first - 1 : 0;
  const b = block > start ? block - start : 0;
  const d = b + state.emaPriceHalvingBlocks[i];
  if (!(d < TWO52) || !Number.isInteger(d)) return false;
  let a = 0;
  if (d === memo.d && b === memo.b) a = memo.a; // subnets started together share a
  else if (d > 0) {
    const dH = Math.floor(d * INV32);
    const dL = d - dH * TWO32;
    const bH = Math.floor(b * INV32);
    const q1 = divDigit(bH, b - bH * TWO32, 0, dH, dL);
    const q2 = divDigit(res.hi, res.lo, 0, dH, dL);
    mulShr32(q1, q2, sma);
    a = res.hi * TWO32 + res.lo;
  }
  memo.d = d;
  memo.b = b;
  memo.a = a;
  // next = ⌊a·spot/2^64⌋ + ⌊(2^64 − a)·mp/2^32⌋; stored = ⌊next/2^32⌋
  const aH = Math.floor(a * INV32);
  mulSplitShr32(sH, sL, aH, a - aH * TWO32);
  const r1 = res.hi;
  mul32(a, mp);
  const c = res.hi + (res.lo > 0 ? 1 : 0); // ⌈a·mp/2^32⌉
  setU64(v.movingPrice, i, mp + Math.floor((r1 - c) * INV32));
  return true;
}

/** update_moving_prices over the emitting subnets in `emit` (balanced pool); reference per out-of-range subnet. */
export function updateMovingPricesFast(state: ChainEconomy, emit: Int32Array, n: number, block: number, pool: PoolModel): void {
  const smaBig = state.params.subnetMovingAlpha;
  const sma = FAST_HOST && smaBig >= 0n && smaBig < 1n << 20n ? Number(smaBig) : -1;
  const v = fastViews(state);
  memo.b = -1;
  for (let k = 0; k < n; k++) {
    const i = emit[k];
    if (sma < 0 || !updateOne(state, v, i, block, sma)) updateMovingPrice(state, i, block, pool);
  }
}
