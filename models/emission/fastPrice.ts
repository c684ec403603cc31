// The balancer pool's price on `number`s (y/x at 0.5/0.5, (w1/w2)·(y/x) otherwise: fastWeights.ts),
// cached per subnet on the exact words of (SubnetTAO, SubnetAlphaIn, quote weight): update_moving_prices computes it on the post-coinbase reserves and the next
// block's get_subnet_terms finds it unchanged (unless a swap moved the pool), so each pool state
// is divided once. Exact for any u64 reserves (split long division, exactSplit.ts).
// Chain: pallets/swap/src/pallet/impls.rs::current_price → balancer.rs::calculate_price.

import { digit64, digitSmall, frac64, rem, res } from "./exactSplit.js";
import { weightedPrice } from "./fastWeightedPrice.js";
import { out } from "./wideWords.js";
import type { FastViews } from "./u64Views.js";

const TWO32 = 4294967296;
const TWO20 = 1048576;
const TWO18 = 262144;

/** computePrice for T, X < 2^50 (exact doubles): digits by digitSmall. */
function computePriceSmall(v: FastViews, i: number): boolean {
  const j = 2 * i;
  const T = v.subnetTao[j + 1] * TWO32 + v.subnetTao[j];
  const X = v.alphaIn[j + 1] * TWO32 + v.alphaIn[j];
  const invX = 1 / X;
  if (T < X) {
    const d1 = digitSmall(T, X, invX); // ⌊T·2^32/X⌋
    v.cP[i] = d1;
    v.cSH[i] = d1;
    v.cSL[i] = digitSmall(rem[0], X, invX);
    return true;
  }
  let qb = Math.floor(T * invX); // ⌊T/X⌋; q·X ≤ T + X < 2^51 is exact
  let r = T - qb * X;
  while (r < 0) {
    qb--;
    r += X;
  }
  while (r >= X) {
    qb++;
    r -= X;
  }
  if (qb >= TWO20) return false;
  v.cP[i] = qb * TWO32 + digitSmall(r, X, invX);
  v.cSH[i] = TWO32;
  v.cSL[i] = 0;
  return true;
}

const HALF_QUOTE_HI = 0x06f05b59; // 5e17: quote weight 0.5 (Perquintill), where w1/w2 = 1 exactly
const HALF_QUOTE_LO = 0xd3b20000;

/** computePrice at an uneven quote weight: P = (w1/w2)·(y/x) (fastWeights.ts), then the same two views. */
function computeWeighted(v: FastViews, i: number): boolean {
  if (!weightedPrice(v, i)) return false;
  const top = out[0]; // ⌊P/2^64⌋ < 2^20
  v.cP[i] = top * TWO32 + out[1];
  v.cSH[i] = top > 0 ? TWO32 : out[1];
  v.cSL[i] = top > 0 ? 0 : out[2];
  return true;
}

/**
 * current_price ⌊T·2^32/X⌋ (U96F32 raw) and min(⌊T·2^64/X⌋, 2^64) (U64F64 spot, split) of one pool.
 * Takes (v, i) and reads the words itself: a double argument to a call that is not inlined is boxed.
 */
function computePrice(v: FastViews, i: number): boolean {
  const j = 2 * i;
  const tL = v.subnetTao[j];
  const tH = v.subnetTao[j + 1];
  const xL = v.alphaIn[j];
  const xH = v.alphaIn[j + 1];
  if (xH === 0 && xL === 0) {
    v.cP[i] = 0; // SubnetAlphaIn = 0: price 0
    v.cSH[i] = 0;
    v.cSL[i] = 0;
    return true;
  }
  const wL = v.quoteWeight[j];
  const wH = v.quoteWeight[j + 1];
  if (wH !== HALF_QUOTE_HI || wL !== HALF_QUOTE_LO) return computeWeighted(v, i);
  if (tH < TWO18 && xH < TWO18) return computePriceSmall(v, i);
  if (tH < xH || (tH === xH && tL < xL)) {
    frac64(tH, tL, xH, xL); // T < X: price < 1, spot = ⌊T·2^64/X⌋
    v.cP[i] = res[0];
    v.cSH[i] = res[0];
    v.cSL[i] = res[1];
    return true;
  }
  if (xH === 0 && tH >= xL) return false; // price ≥ 2^32 TAO per alpha
  const qb = digit64(0, tH, tL, xH, xL); // ⌊T/X⌋
  if (qb >= TWO20) return false; // price ≥ 2^20: outside the exact `number` range
  v.cP[i] = qb * TWO32 + digit64(res[0], res[1], 0, xH, xL);
  v.cSH[i] = TWO32; // spot clamped at 1
  v.cSL[i] = 0;
  return true;
}

/**
 * Fills v.cP[i] / v.cSH[i] / v.cSL[i] for the current reserves and quote weight of netuid i (a dynamic
 * pool: current_price = (w1/w2)·(y/x)); false when the price is ≥ 2^20 TAO per alpha (then the caller takes the BigInt path).
 */
export function priceSpot(v: FastViews, i: number): boolean {
  const j = 2 * i;
  const tL = v.subnetTao[j];
  const tH = v.subnetTao[j + 1];
  const xL = v.alphaIn[j];
  const xH = v.alphaIn[j + 1];
  const wL = v.quoteWeight[j];
  const wH = v.quoteWeight[j + 1];
  const key = v.pKey;
  const k = 6 * i;
  if (key[k] === tL && key[k + 1] === tH && key[k + 2] === xL && key[k + 3] === xH && key[k + 4] === wL && key[k + 5] === wH) return v.pOk[i] === 1;
  key[k] = tL;
  key[k + 1] = tH;
  key[k + 2] = xL;
  key[k + 3] = xH;
  key[k + 4] = wL;
  key[k + 5] = wH;
  const ok = computePrice(v, i);
  v.pOk[i] = ok ? 1 : 0;
  return ok;
}
