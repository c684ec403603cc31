// The coinbase's chain buy of excess TAO on `number`s: buyWithExcess → models/pool swapTaoForAlpha
// (emitToSubnets.ts, poolModel.ts), bit-identical for a dynamic subnet whose balancer weights are
// 0.5/0.5 (what emitToSubnetsFast has already checked), where the curve is x·y = k and
// pow_ratio_scaled's exponent is 1. Buys that max_price could cut, and reserves near 2^64, are left
// to the reference. Chain: staking/stake_utils.rs::swap_tao_for_alpha with drop_fees.

import { digit64, digitSmall, mulWide, rem, res } from "./exactSplit.js";
import type { FastViews } from "./u64Views.js";

const TWO32 = 4294967296;
const INV32 = 1 / TWO32;
const PARTS_H = 232830643; // 1e18 = 0x0de0b6b3_a7640000 (Perquintill accuracy)
const PARTS_L = 2808348672;
const FIVE18 = 3814697265625; // 5^18: 1e18 = 2^18·5^18, so 2^64/1e18 = 2^46/5^18
const INV_FIVE18 = 1 / FIVE18;
const TWO18 = 262144;
const MAX_PRICE = 1e6; // max_price(): 1e15 rao = 1e6 TAO per alpha, exact as a U64F64 limit
const MARGIN = 1 - 2 ** -40; // float comparisons below are within 2^-50 of exact

/** Element i += (h·2^32 + l), l < 2^32, wrapping mod 2^64 like a BigUint64Array store. */
function addSplit(w: Uint32Array, i: number, h: number, l: number): void {
  const lo = w[2 * i] + l;
  const c = lo >= TWO32 ? 1 : 0;
  w[2 * i] = lo - c * TWO32;
  w[2 * i + 1] = w[2 * i + 1] + h + c; // Uint32Array store reduces mod 2^32
}

/** Stage results (typed-array slots: no heap numbers): [0, 1] = r words, [2, 3] = f words. */
const B = new Float64Array(4);

/** r = ⌊1e18·y/(y + tao)⌋ = 1e18 − ⌈1e18·tao/(y + tao)⌉ (pow_ratio_scaled at weight 1) into B[0], B[1]. */
function ratioScaled(v: FastViews, i: number, tao: number): void {
  let tL = v.subnetTao[2 * i] + tao; // total = y + tao (split)
  let tH = v.subnetTao[2 * i + 1];
  if (tL >= TWO32) {
    tL -= TWO32;
    tH += 1;
  }
  // 1e18·tao = n2·2^64 + n1·2^32 + n0 (n2 < 2^28)
  const n0 = Math.imul(PARTS_L, tao) >>> 0;
  const h0 = Math.round((PARTS_L * tao - n0) * INV32);
  let n1 = (Math.imul(PARTS_H, tao) >>> 0) + h0;
  let n2 = Math.round((PARTS_H * tao - (Math.imul(PARTS_H, tao) >>> 0)) * INV32);
  if (n1 >= TWO32) {
    n1 -= TWO32;
    n2 += 1;
  }
  let cH: number;
  let cL: number;
  if (tH < TWO18 && n2 < tL + tH * TWO32) {
    const D = tH * TWO32 + tL; // < 2^50: cheap digits
    const invD = 1 / D;
    cH = digitSmall(n2, D, invD, n1);
    cL = digitSmall(rem[0], D, invD, n0) + (rem[0] !== 0 ? 1 : 0); // ceiling
  } else {
    digit64(0, 0, n2, tH, tL); // 0: 1e18·tao/total < 1e18 < 2^64
    cH = digit64(res[0], res[1], n1, tH, tL);
    cL = digit64(res[0], res[1], n0, tH, tL) + (res[0] !== 0 || res[1] !== 0 ? 1 : 0); // ceiling
  }
  if (cL >= TWO32) {
    cL -= TWO32;
    cH += 1;
  }
  let rL = PARTS_L - cL;
  let rH = PARTS_H - cH;
  if (rL < 0) {
    rL += TWO32;
    rH -= 1;
  }
  B[0] = rH;
  B[1] = rL;
}

/** f = 2^64 − e, e = ⌊r·2^64/1e18⌋ = ⌊r·2^46/5^18⌋ (≤ 2^64), from B[0], B[1] into B[2], B[3]. */
function oneMinusExp(): void {
  const rH = B[0];
  const rL = B[1];
  const uH = rH * 16384 + Math.floor(rL / 262144); // u = r·2^14 = uH·2^32 + uL
  const uL = (rL % 262144) * 16384;
  const eTop = uH >= FIVE18 ? 1 : 0; // e = 2^64 exactly when r = 1e18
  const eH = digitSmall(uH - eTop * FIVE18, FIVE18, INV_FIVE18, uL);
  const eL = digitSmall(rem[0], FIVE18, INV_FIVE18);
  let fL = -eL;
  let fH = TWO32 - eH - eTop * TWO32;
  if (fL < 0) {
    fL += TWO32;
    fH -= 1;
  }
  B[2] = fH;
  B[3] = fL;
}

/**
 * Alpha bought by `tao` (< 2^32 rao) on netuid i's pool, dx = ⌊x·(2^64 − e)/2^64⌋ with
 * e = ⌊⌊1e18·y/(y + tao)⌋·2^64/1e18⌋, as words in res (hi, lo): 1 when the whole `tao` is swapped,
 * 0 when the chain refuses the swap, −1 when not decided here (the caller runs the reference).
 * (Split in stages so that each stays small enough for V8 to inline its helpers.)
 */
function quoteBuy(v: FastViews, i: number, tao: number): number {
  const j = 2 * i;
  const xL = v.alphaIn[j];
  const xH = v.alphaIn[j + 1];
  const yH = v.subnetTao[j + 1];
  if (yH === 0 && tao > v.subnetTao[j] * 1000) return 0; // SwapInputTooLarge
  if (xH === 0 && xL < 1_000_000) return 0; // ReservesTooLow
  if (yH >= TWO32 - 1 || xH >= 2147483648) return -1; // y + tao may saturate, or dx may exceed i64
  ratioScaled(v, i, tao);
  oneMinusExp();
  const fH = B[2];
  const fL = B[3];
  // dx = ⌊x·f/2^64⌋ from the four word products
  mulWide(xL, fL);
  const h00 = res[0];
  mulWide(xH, fL);
  const l10 = res[1];
  const h10 = res[0];
  mulWide(xL, fH);
  const l01 = res[1];
  const h01 = res[0];
  mulWide(xH, fH);
  const s = res[1] + h10 + h01 + Math.floor((h00 + l10 + l01) * INV32); // < 2^35
  const sc = Math.floor(s * INV32);
  const dH = res[0] + sc;
  const dL = s - sc * TWO32;
  if (dH === 0 && dL === 0) return 0; // ReservesTooLow (tao > 0 bought nothing)
  if (dH > xH || (dH === xH && dL > xL)) return 0; // InsufficientLiquidity
  // Whole fill iff price_target ≤ max_price, i.e. y + tao ≤ 1e6·(x − dx) (which also gives
  // current < max_price); decided here only well inside, else by the reference.
  const rest = (xH - dH) * TWO32 + (xL - dL);
  if (!(yH * TWO32 + v.subnetTao[j] + tao <= MAX_PRICE * rest * MARGIN)) return -1;
  res[0] = dH;
  res[1] = dL;
  return 1;
}

/**
 * buyWithExcess for a dynamic subnet: `tao` (< 2^32, already taken from the credit) is spent into
 * the subnet account and swapped for protocol-owned alpha; on refusal it stays in the account.
 * Returns the TAO for TotalStake (`tao`, or 0 on refusal), or −1 with nothing written when the
 * caller must run the reference buyWithExcess.
 */
export function buyWithExcessFast(v: FastViews, i: number, tao: number): number {
  const q = quoteBuy(v, i, tao);
  if (q < 0) return -1;
  if (q === 0) {
    addSplit(v.accountTao, i, 0, tao);
    return 0;
  }
  const dH = res[0];
  const dL = res[1];
  const j = 2 * i;
  let l = v.alphaIn[j] - dL; // SubnetAlphaIn −= dx (dx ≤ reserve)
  let h = v.alphaIn[j + 1] - dH;
  if (l < 0) {
    l += TWO32;
    h -= 1;
  }
  v.alphaIn[j] = l;
  v.alphaIn[j + 1] = h;
  addSplit(v.alphaOut, i, dH, dL);
  addSplit(v.subnetTao, i, 0, tao);
  addSplit(v.protocolAlpha, i, dH, dL);
  v.excessTao[j] = tao;
  v.excessTao[j + 1] = 0;
  addSplit(v.excessTaoTotal, i, 0, tao);
  return tao;
}
