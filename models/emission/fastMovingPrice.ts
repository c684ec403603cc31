// update_moving_price on `number`s, bit-identical to movingPrice.ts for the balancer pool at any quote weight
// (split U64F64 arithmetic, exactSplit.ts). Falls back per subnet to the reference when a value
// is outside the exact ranges: stored moving price ≤ 1, price < 2^20, SubnetMovingAlpha < 2^-12 (any u64 reserves).

import type { ChainEconomy } from "./chainEconomy.js";
import { divDigit, mulShr32, res } from "./exactSplit.js";
import { priceSpot } from "./fastPrice.js";
import { updateMovingPrice } from "./movingPrice.js";
import type { PoolModel } from "./poolModel.js";
import { FAST_HOST, type FastViews, fastViews, getU64, hiWord } from "./u64Views.js";

const TWO32 = 4294967296;
const INV32 = 1 / TWO32; // x·2^-32 is exact: no division in the hot path
const TWO52 = 4503599627370496;

/** Last (b, b + h) → a of the current update_moving_prices pass (reset per pass: `sma` is per state).
 *  A Float64Array, not an object: storing a double into a field or a closure slot may allocate. */
const memo = new Float64Array(3); // [b, d, a]

/** update_moving_price of one subnet; false (nothing written) when out of range. */
function updateOne(state: ChainEconomy, v: FastViews, i: number, block: number, sma: number): boolean {
  let mp = TWO32; // movingAlphaPrice: 1 for stable subnets
  if (state.mechanism[i] !== 0) {
    if (hiWord(v.movingPrice, i) > 1) return false;
    mp = getU64(v.movingPrice, i);
    if (mp > TWO32) return false;
  }
  // spot = min(current_price, 1) as U64F64 split (sH ≤ 2^32), from the pool's price cache
  let sH = TWO32;
  let sL = 0;
  if (state.mechanism[i] === 1) {
    if (!priceSpot(v, i)) return false; // current_price at the pool's weights (fastPrice.ts)
    sH = v.cSH[i];
    sL = v.cSL[i];
  }
  // a = SubnetMovingAlpha · b/(b + h): ⌊sma·⌊b·2^64/(b+h)⌋/2^32⌋ (U64F64 raw, < 2^52)
  const first = state.firstEmissionBlock[i];
  const start = first > 0 ? first - 1 : 0;
  const b = block > start ? block - start : 0;
  const d = b + state.emaPriceHalvingBlocks[i];
  if (!(d < TWO52) || !Number.isInteger(d)) return false;
  let a = 0;
  if (d === memo[1] && b === memo[0]) a = memo[2]; // subnets started together share a
  else if (d > 0) {
    const dH = Math.floor(d * INV32);
    const dL = d - dH * TWO32;
    const bH = Math.floor(b * INV32);
    const q1 = divDigit(bH, b - bH * TWO32, 0, dH, dL);
    const q2 = divDigit(res[0], res[1], 0, dH, dL);
    mulShr32(q1, q2, sma);
    a = res[0] * TWO32 + res[1];
  }
  memo[0] = b;
  memo[1] = d;
  memo[2] = a;
  // next = ⌊a·spot/2^64⌋ + ⌊(2^64 − a)·mp/2^32⌋; stored = ⌊next/2^32⌋. Products of words (< 2^64) are
  // exact: low word by Math.imul, high word from the float product (error ≤ 2^11, rounded away).
  const aH = Math.floor(a * INV32); // < 2^20
  const aL = a - aH * TWO32;
  const l1 = Math.imul(sH, aL) >>> 0; // sH·aL
  const h1 = Math.round((sH * aL - l1) * INV32);
  const l3 = Math.imul(sL, aL) >>> 0; // sL·aL
  const h3 = Math.round((sL * aL - l3) * INV32);
  const r1 = sH * aH + h1 + Math.floor((l1 + sL * aH + h3) * INV32); // ⌊a·spot/2^64⌋
  const lm = Math.imul(aL, mp) >>> 0; // aL·mp
  const c = aH * mp + Math.round((aL * mp - lm) * INV32) + (lm > 0 ? 1 : 0); // ⌈a·mp/2^32⌉
  const next = mp + Math.floor((r1 - c) * INV32); // ∈ [0, 2^32]
  const w = v.movingPrice;
  w[2 * i] = next === TWO32 ? 0 : next;
  w[2 * i + 1] = next === TWO32 ? 1 : 0;
  return true;
}

/** update_moving_prices over the emitting subnets in `emit` ; reference per out-of-range subnet. */
export function updateMovingPricesFast(state: ChainEconomy, emit: Int32Array, n: number, block: number, pool: PoolModel): void {
  const smaBig = state.params.subnetMovingAlpha;
  const sma = FAST_HOST && smaBig >= 0n && smaBig < 1n << 20n ? Number(smaBig) : -1;
  const v = fastViews(state);
  memo[0] = -1;
  for (let k = 0; k < n; k++) {
    const i = emit[k];
    if (sma < 0 || !updateOne(state, v, i, block, sma)) updateMovingPrice(state, i, block, pool);
  }
}
