// The per-block coinbase on `number`s: get_subnet_block_emissions, get_subnet_terms,
// inject_and_maybe_swap and emit_to_subnets' alpha split, one pass each over the emitting subnets
// (as the chain), bit-identical to the BigInt reference (subnetShares.ts, emitToSubnets.ts) at any
// balancer quote weight: current_price = (w1/w2)·(y/x) and adjust_protocol_liquidity's re-weighting
// run on words (fastPrice.ts, fastWeights.ts). Each pass is its own small function so that V8 inlines
// its helpers: a call that is not inlined boxes its double arguments, and per subnet per block that
// allocation dominates. Every U64F64 / U96F32 value is a split pair h·2^32 + l (exactSplit.ts); u64
// columns are read and written through word views (u64Views.ts). It returns null, with the state
// untouched, only for states no mainnet reaches (then the caller runs the reference): a moving
// price > 1, a pool price ≥ 2^20 TAO per alpha, a credit ≥ 2^32 rao, a quote weight outside
// [0.01, 0.99]. Per subnet, reserves ≥ 2^62 re-weight through models/pool's BigInt balancer.
// Root proportions are float quotients proven exact by a guard band (else one BigInt division).
// The chain buy of excess TAO runs on numbers at 0.5/0.5 (fastChainBuy.ts); at other weights it is
// models/pool's swap (pow_ratio_scaled, powRatioFast.ts).

import { updateWeightsForAddedLiquidity } from "../pool/balancer.js";
import { halvingThresholds } from "./blockEmission.js";
import type { ChainEconomy } from "./chainEconomy.js";
import { buyWithExcess } from "./emitToSubnets.js";
import { digit64, rem } from "./exactSplit.js";
import { buyWithExcessFast } from "./fastChainBuy.js";
import { shares } from "./fastShares.js";
import { priceSpot } from "./fastPrice.js";
import { updateWeights } from "./fastWeights.js";
import { out } from "./wideWords.js";
import { checkedDiv96, u16Proportion96 } from "./fixedPoint.js";
import type { PoolModel } from "./poolModel.js";
import { taoWeight96 } from "./rootProportion.js";
import { FAST_HOST, type FastViews, add32, fastViews, getU64, hiWord, satSubU64, set32 } from "./u64Views.js";

const TWO32 = 4294967296;
const INV32 = 1 / TWO32; // x·2^-32 is exact: no division in the hot path
const TWO31 = 2147483648;
const GUARD = 1 / 65536; // float quotients below are within 2^-18 of the exact one
const HALF_QUOTE_HI = 0x06f05b59; // 5e17 = 0x06f05b59_d3b20000: quote weight 0.5 (Perquintill)
const HALF_QUOTE_LO = 0xd3b20000;

// Block emission schedule: thresholds as words (exact comparison for any u64 alpha supply).
const THH = halvingThresholds().map((t) => Number(t >> 32n));
const THL = halvingThresholds().map((t) => Number(t & 0xffffffffn));
const EM = THH.map((_, m) => (m > 32 ? 0 : Math.floor(1e9 / 2 ** m)));

/** get_block_emission_for_issuance of a split issuance (same table as blockEmissionForIssuance). */
function alphaEmissionOf(aH: number, aL: number): number {
  let m = 0;
  while (m + 1 < THH.length && (aH > THH[m + 1] || (aH === THH[m + 1] && aL >= THL[m + 1]))) m++;
  return EM[m];
}

/** The balancer's weights are 0.5/0.5, where current_price is SubnetTAO/SubnetAlphaIn. */
export const isHalfQuote = (w: Uint32Array, i: number): boolean => w[2 * i + 1] === HALF_QUOTE_HI && w[2 * i] === HALF_QUOTE_LO;

/** Per-block parameters as numbers, recomputed only when the BigInt parameters change. */
const paramMemo = { taoWeight: -1n, w: 0, ownerCut: -1, cut: 0 };

/** Per-block checks; fills v.price (U96F32 price, pre-injection) and returns Σ moving prices, or −1. */
function checkAndPrice(state: ChainEconomy, v: FastViews): number {
  const s = state.scratch;
  let msum = 0;
  for (let k = 0; k < s.nEmit; k++) {
    const i = s.emit[k];
    let mp = TWO32;
    if (state.mechanism[i] !== 0) {
      mp = getU64(v.movingPrice, i);
      if (hiWord(v.movingPrice, i) > 1 || mp > TWO32) return -1;
    }
    msum += mp;
    let p = TWO32; // stable pool: price 1
    if (state.mechanism[i] === 1) {
      if (!priceSpot(v, i)) return -1; // current_price reads the stored weights, initialised or not
      p = v.cP[i];
    }
    v.price[k] = p;
  }
  return msum;
}

/**
 * root_proportion = ⌊tw·2^32/(tw + A·2^32)⌋ (U96F32 raw ≤ 2^32), tw = SubnetTAO[0]·w, A = (aH, aL).
 * The callers take the float quotient est = twF/(twF + A·2^32)·2^32 inline: ≤ 5 roundings (relative
 * error < 2^-50, absolute < 2^-18), so ⌊est⌋ is exact unless est lies within GUARD of an integer;
 * this decides those cases (and A = 0) with one BigInt division.
 */
function rootPropExact(state: ChainEconomy, aH: number, aL: number): number {
  const tw = state.subnetTao[0] * taoWeight96(state);
  const a = ((BigInt(aH) << 32n) + BigInt(aL)) << 32n;
  return Number(checkedDiv96(tw, tw + a) ?? 0n);
}

/** ⌊te/p⌋ for a split te < 2^64 and 0 < p < 2^53 with te/p < 2^33 (exact: float quotient, remainder
 *  from the float residual corrected by its exact low word, Math.imul); remainder in rem[0]. */
function quotientTe(teH: number, teL: number, p: number): number {
  const te = teH * TWO32 + teL;
  let q = Math.floor(te / p);
  const ra = te - q * p; // within 2^12 of te − q·p
  let r = ra + ((teL - Math.imul(q, p) - ra) | 0);
  while (r < 0) {
    q--;
    r += p;
  }
  while (r >= p) {
    q++;
    r -= p;
  }
  rem[0] = r;
  return q;
}

/** get_subnet_terms for every emitting subnet (pre-injection state) into v.tAe / v.tA / v.tT / v.tX. */
function terms(state: ChainEconomy, v: FastViews, E: number, twF: number): void {
  const s = state.scratch;
  for (let k = 0; k < s.nEmit; k++) {
    const j = 2 * s.emit[k];
    let AL = v.alphaIn[j] + v.alphaOut[j]; // A = SubnetAlphaIn + SubnetAlphaOut (split, no wrap)
    let AH = v.alphaIn[j + 1] + v.alphaOut[j + 1];
    if (AL >= TWO32) {
      AL -= TWO32;
      AH += 1;
    }
    const ae = alphaEmissionOf(AH, AL);
    // tao_emission = ⌊E·share/2^32⌋ = E·shH + ⌊E·shL/2^32⌋ (products < 2^64: exact low words by Math.imul,
    // high words from the float product, whose error ≤ 2^11 rounds away)
    const shL = v.shL[k];
    const shH = v.shH[k];
    const l1 = Math.imul(E, shL) >>> 0;
    const h1 = Math.round((E * shL - l1) * INV32);
    const l2 = Math.imul(E, shH) >>> 0;
    let teH = Math.round((E * shH - l2) * INV32);
    let teL = l2 + h1;
    if (teL >= TWO32) {
      teL -= TWO32;
      teH += 1;
    }
    let rp = 0; // root_proportion (rootPropExact); 0 when tw = 0
    if (twF !== 0) {
      const est = (twF / (twF + (AH * TWO32 + AL) * TWO32)) * TWO32;
      rp = Math.floor(est);
      if (!(est - rp > GUARD && est - rp < 1 - GUARD)) rp = rootPropExact(state, AH, AL);
    }
    const capL = Math.imul(ae, rp) >>> 0; // cap = rp·alpha_emission (U96F32, < 2^62)
    const capH = Math.round((ae * rp - capL) * INV32);
    const p = v.price[k];
    // alpha_in = ⌊te·2^32/p⌋ (0 if p = 0), capped: compare its integer part ⌊te/p⌋ with capH first
    let capped = false;
    let a = 0;
    if (p !== 0) {
      if ((teH * TWO32 + teL) / p >= capH + 2) capped = true;
      else {
        a = quotientTe(teH, teL, p);
        if (a !== capH) capped = a > capH;
        else {
          const r = rem[0];
          const rH = Math.floor(r * INV32);
          const pH = Math.floor(p * INV32);
          capped = digit64(rH, r - rH * TWO32, 0, pH, p - pH * TWO32) > capL;
        }
      }
    }
    let x = 0; // excess = ⌊(tao_emission − tao_in)/2^32⌋, saturating
    let t = teH;
    if (capped) {
      a = capH; // tao_in = ⌊cap·p/2^32⌋ = capH·pH·2^32 + capH·pL + capL·pH + ⌊capL·pL/2^32⌋ (capH < 2^30, pH < 2^20)
      const pH = Math.floor(p * INV32);
      const pL = p - pH * TWO32;
      const l2 = Math.imul(capH, pL) >>> 0;
      const l4 = Math.imul(capL, pL) >>> 0;
      const sum = l2 + capL * pH + Math.round((capL * pL - l4) * INV32); // < 2^53
      const c = Math.floor(sum * INV32);
      const tiL = sum - c * TWO32;
      const tiH = capH * pH + Math.round((capH * pL - l2) * INV32) + c;
      t = tiH;
      if (teH > tiH || (teH === tiH && teL > tiL)) x = teH - tiH - (teL < tiL ? 1 : 0);
    }
    v.tAe[k] = ae; // all four < 2^32: alpha_in ≤ cap ≤ alpha_emission ≤ 1e9, tao_in and excess ≤ E
    v.tA[k] = a;
    v.tT[k] = t;
    v.tX[k] = x;
  }
}

/**
 * adjust_protocol_liquidity for netuid i and this block's (t, a) on its pre-injection reserves: writes
 * the new quote weight and returns true, or returns false (InvalidValue: weights kept, nothing
 * injected). Word arithmetic (fastWeights.ts); the BigInt balancer for reserves ≥ 2^62.
 */
function adjustWeights(state: ChainEconomy, v: FastViews, i: number, t: number, a: number): boolean {
  const j = 2 * i;
  const w = v.quoteWeight;
  const r = updateWeights(v, i, t, a);
  if (r === 1) {
    w[j + 1] = out[0];
    w[j] = out[1];
    return true;
  }
  if (r === 0) return false;
  const nw = updateWeightsForAddedLiquidity(state.quoteWeight[i], state.subnetTao[i], state.alphaIn[i], BigInt(t), BigInt(a));
  if (nw === null) return false;
  state.quoteWeight[i] = nw;
  return true;
}

/** inject_and_maybe_swap: re-weight, chain-buy the excess, inject; returns the credit left. */
function inject(state: ChainEconomy, v: FastViews, pool: PoolModel, credit: number): number {
  const s = state.scratch;
  let staked = 0;
  for (let k = 0; k < s.nEmit; k++) {
    const i = s.emit[k];
    if (state.added[i] !== 1) continue;
    const x = v.tX[k];
    let a = v.tA[k];
    let t = v.tT[k];
    if (!adjustWeights(state, v, i, t, a)) {
      a = 0;
      t = 0;
    }
    set32(v.excessTao, i, 0);
    set32(v.taoInEmission, i, 0);
    if (x > 0 && credit >= x) {
      credit -= x;
      // the number buy at 0.5/0.5 (x·y = k); at other weights the reference's exact pow_ratio_scaled
      const fast = state.mechanism[i] === 1 && state.balancerInitialized[i] === 1 && isHalfQuote(v.quoteWeight, i);
      const done = fast ? buyWithExcessFast(v, i, x) : -1;
      if (done >= 0) staked += done;
      else buyWithExcess(state, pool, i, BigInt(x)); // stable pool (rare) or an undecided buy: the reference
    }
    set32(v.alphaInEmission, i, a);
    add32(v.alphaIn, i, a);
    add32(v.alphaIssuance, i, a);
    add32(v.alphaInTotal, i, a);
    if (t > 0 && credit >= t) {
      credit -= t;
      set32(v.taoInEmission, i, t);
      add32(v.subnetTao, i, t);
      staked += t;
      add32(v.taoInTotal, i, t);
    }
  }
  if (staked > 0) state.totalStake += BigInt(staked);
  return credit;
}

/** emit_to_subnets step 3 (see splitAlphaOut): mint alpha_out, owner cut, server / validator / root. */
function splitAlphaOut(state: ChainEconomy, v: FastViews, cut: number, sell: boolean, twF: number): void {
  const s = state.scratch;
  for (let k = 0; k < s.nEmit; k++) {
    const i = s.emit[k];
    const ae = v.tAe[k];
    set32(v.alphaOutEmission, i, ae);
    add32(v.alphaOut, i, ae);
    add32(v.alphaIssuance, i, ae);
    add32(v.alphaOutTotal, i, ae);
    let aoH = ae; // alpha_out (U96F32 split)
    let aoL = 0;
    let owner = 0;
    if (state.ownerCutEnabled[i] === 1) {
      const ocL = Math.imul(ae, cut) >>> 0; // owner cut = alpha_out·cut ≤ alpha_out (< 2^62)
      owner = Math.round((ae * cut - ocL) * INV32);
      aoH = ae - owner - (ocL > 0 ? 1 : 0);
      aoL = ocL > 0 ? TWO32 - ocL : 0;
      add32(v.pendingOwnerCut, i, owner);
    }
    const j = 2 * i;
    let AL = v.alphaIn[j] + v.alphaOut[j]; // post-injection A
    let AH = v.alphaIn[j + 1] + v.alphaOut[j + 1];
    if (AL >= TWO32) {
      AL -= TWO32;
      AH += 1;
    }
    let rp = 0; // root_proportion on the post-injection state (rootPropExact)
    if (twF !== 0) {
      const est = (twF / (twF + (AH * TWO32 + AL) * TWO32)) * TWO32;
      rp = Math.floor(est);
      if (!(est - rp > GUARD && est - rp < 1 - GUARD)) rp = rootPropExact(state, AH, AL);
    }
    // ⌊ao·rp/2^32⌋ = aoH·rp + ⌊aoL·rp/2^32⌋ (word products, exact)
    const l1 = Math.imul(aoL, rp) >>> 0;
    const l2 = Math.imul(aoH, rp) >>> 0;
    let mL = l2 + Math.round((aoL * rp - l1) * INV32);
    let mH = Math.round((aoH * rp - l2) * INV32);
    if (mL >= TWO32) {
      mL -= TWO32;
      mH += 1;
    }
    const rootH = Math.floor(mH / 2); // root = ⌊(rp·ao)/2⌋
    const rootL = (mH - 2 * rootH) * TWO31 + Math.floor(mL / 2);
    const srvH = Math.floor(aoH / 2); // server = ⌊ao/2⌋
    const srvL = (aoH - 2 * srvH) * TWO31 + Math.floor(aoL / 2);
    let vH = aoH - srvH; // validator = (ao − server) −sat root
    let vL = aoL - srvL;
    if (vL < 0) {
      vL += TWO32;
      vH -= 1;
    }
    if (vH > rootH || (vH === rootH && vL >= rootL)) vH = vH - rootH - (vL < rootL ? 1 : 0);
    else vH = 0;
    const srv = srvH;
    const val = vH;
    const rt = rootH;
    add32(v.pendingServer, i, srv);
    add32(v.pendingValidator, i, val);
    if (sell) add32(v.pendingRoot, i, rt);
    else if (rt !== 0) {
      satSubU64(v.alphaOut, i, rt);
      satSubU64(v.alphaIssuance, i, rt);
      add32(v.recycledAlphaTotal, i, rt);
    }
    add32(v.unownedAlpha, i, ae - owner - srv - val - rt);
  }
}

/**
 * subnetTerms + injectAndMaybeSwap + splitAlphaOut for the emitting subnets in state.scratch.emit
 * (the chain's balancer pool at any weights), given the block's credit; returns the credit left, or null
 * (state untouched).
 */
export function emitToSubnetsFast(state: ChainEconomy, pool: PoolModel, creditIn: bigint): bigint | null {
  if (!FAST_HOST || creditIn >= 4294967296n) return null;
  const v = fastViews(state);
  const pm = paramMemo;
  if (pm.taoWeight !== state.params.taoWeight) {
    pm.taoWeight = state.params.taoWeight;
    pm.w = Number(taoWeight96(state)); // ≤ 2^32
  }
  if (pm.ownerCut !== state.params.subnetOwnerCut) {
    pm.ownerCut = state.params.subnetOwnerCut;
    pm.cut = Number(u16Proportion96(pm.ownerCut)); // ≤ 2^32
  }
  const twF = (v.subnetTao[1] * TWO32 + v.subnetTao[0]) * pm.w; // tw = SubnetTAO[0]·w (U96F32 raw) as a float
  const msum = checkAndPrice(state, v);
  if (msum < 0) return null;
  shares(state, v, msum);
  const E = Number(creditIn);
  terms(state, v, E, twF);
  const credit = inject(state, v, pool, E);
  splitAlphaOut(state, v, pm.cut, msum > TWO32, twF); // sell: Σ U64F64 moving prices > 1
  return BigInt(credit);
}
