// The per-block coinbase on `number`s: get_subnet_block_emissions, get_subnet_terms,
// inject_and_maybe_swap and emit_to_subnets' alpha split, fused per subnet, bit-identical to the
// BigInt reference (subnetShares.ts, emitToSubnets.ts) for the balanced pool. Every U64F64 / U96F32
// value is a split pair h·2^32 + l (exactSplit.ts); u64 columns are read and written through word
// views (u64Views.ts). Returns null, with the state untouched, when a value is outside the exact
// ranges (then the caller runs the reference): reserves and Σ alpha < 2^52 rao, moving prices ≤ 1,
// credit < 2^32 rao, root TAO < 2^52 rao, 0.5/0.5 pool weights.
// The chain buy of excess TAO (rare) runs the reference BigInt swap.

import { halvingThresholds } from "./blockEmission.js";
import type { ChainEconomy } from "./chainEconomy.js";
import { buyWithExcess } from "./emitToSubnets.js";
import { divDigit, mul32, mulShr32, mulSplitShr32, res, udiv } from "./exactSplit.js";
import { u16Proportion96 } from "./fixedPoint.js";
import type { PoolModel } from "./poolModel.js";
import { taoWeight96 } from "./rootProportion.js";
import { FAST_HOST, type FastViews, addU64, fastViews, getU64, hiWord, satSubU64, setU64 } from "./u64Views.js";

const TWO32 = 4294967296;
const INV32 = 1 / TWO32; // x·2^-32 is exact: no division in the hot path
const TWO31 = 2147483648;
const TWO52 = 4503599627370496;
const HALF_QUOTE_HI = 0x06f05b59; // 5e17 = 0x06f05b59_d3b20000: quote weight 0.5 (Perquintill)
const HALF_QUOTE_LO = 0xd3b20000;

// Block emission schedule as numbers (thresholds ≥ 2^53 only compare against values < 2^53).
const TH = halvingThresholds().map(Number);
const EM = TH.map((_, m) => (m > 32 ? 0 : Math.floor(1e9 / 2 ** m)));

/** get_block_emission_for_issuance for an issuance < 2^53 (same table as blockEmissionForIssuance). */
function alphaEmissionOf(issuance: number): number {
  let m = 0;
  while (m + 1 < TH.length && issuance >= TH[m + 1]) m++;
  return EM[m];
}

/** The balancer's weights are 0.5/0.5, where current_price is SubnetTAO/SubnetAlphaIn. */
export const isHalfQuote = (w: Uint32Array, i: number): boolean => w[2 * i + 1] === HALF_QUOTE_HI && w[2 * i] === HALF_QUOTE_LO;

/** Per-block checks; fills v.price (U96F32 price, pre-injection) and returns Σ moving prices, or −1. */
function checkAndPrice(state: ChainEconomy, v: FastViews, twH: number): number {
  const s = state.scratch;
  let msum = 0;
  for (let k = 0; k < s.nEmit; k++) {
    const i = s.emit[k];
    if (hiWord(v.subnetTao, i) >= 1 << 20 || hiWord(v.alphaIn, i) >= 1 << 20 || hiWord(v.alphaOut, i) >= 1 << 20) return -1;
    const T = getU64(v.subnetTao, i);
    const X = getU64(v.alphaIn, i);
    if (twH + X + getU64(v.alphaOut, i) >= TWO52) return -1;
    let mp = TWO32;
    if (state.mechanism[i] !== 0) {
      mp = getU64(v.movingPrice, i);
      if (hiWord(v.movingPrice, i) > 1 || mp > TWO32) return -1;
    }
    msum += mp;
    let p = TWO32; // stable pool: price 1
    if (state.mechanism[i] === 1) {
      if (!isHalfQuote(v.quoteWeight, i)) return -1;
      if (X === 0) p = 0;
      else {
        const pInt = udiv(T, X);
        if (pInt >= 1 << 20) return -1;
        const r = res.lo;
        const xH = Math.floor(X * INV32);
        const rH = Math.floor(r * INV32);
        p = pInt * TWO32 + divDigit(rH, r - rH * TWO32, 0, xH, X - xH * TWO32);
      }
    }
    v.price[k] = p;
  }
  return msum;
}

/** Split division ⌊x·2^64/d⌋ (x ≤ d, d > 0) into res.hi (≤ 2^32) / res.lo. */
function fraction64(xH: number, xL: number, dH: number, dL: number): void {
  const q1 = divDigit(xH, xL, 0, dH, dL);
  const q2 = divDigit(res.hi, res.lo, 0, dH, dL);
  res.hi = q1;
  res.lo = q2;
}

/** get_subnet_block_emissions' shares (U64F64 split) into v.shH / v.shL; mirrors subnetShares + renormalisation. */
function shares(state: ChainEconomy, v: FastViews, msum: number): void {
  const s = state.scratch;
  const n = s.nEmit;
  const mH = Math.floor(msum * INV32);
  const mL = msum - mH * TWO32;
  for (let k = 0; k < n; k++) {
    const i = s.emit[k];
    if (msum === 0) {
      v.shH[k] = 0;
      v.shL[k] = 0;
      continue;
    }
    const mp = state.mechanism[i] === 0 ? TWO32 : getU64(v.movingPrice, i);
    const h = Math.floor(mp * INV32);
    fraction64(h, mp - h * TWO32, mH, mL);
    v.shH[k] = res.hi;
    v.shL[k] = res.lo;
  }
  if (state.params.shareRule === "priceEmaMinerBurned") {
    let WH = 0;
    let WL = 0;
    for (let k = 0; k < n; k++) {
      const i = s.emit[k];
      const c = hiWord(v.minerBurned, i) > 0 ? 0 : TWO32 - Math.min(getU64(v.minerBurned, i), TWO32);
      mulShr32(v.shH[k], v.shL[k], c);
      v.wH[k] = res.hi;
      v.wL[k] = res.lo;
      WH += res.hi;
      WL += res.lo;
    }
    const carry = Math.floor(WL * INV32);
    WH += carry;
    WL -= carry * TWO32;
    if (WH !== 0 || WL !== 0) {
      for (let k = 0; k < n; k++) {
        fraction64(v.wH[k], v.wL[k], WH, WL);
        v.shH[k] = res.hi;
        v.shL[k] = res.lo;
      }
    }
  }
  let EH = 0;
  let EL = 0;
  let anyDisabled = false;
  for (let k = 0; k < n; k++) {
    if (state.emissionEnabled[s.emit[k]] === 1) {
      EH += v.shH[k];
      EL += v.shL[k];
    } else anyDisabled = true;
  }
  if (!anyDisabled) return;
  const carry = Math.floor(EL * INV32);
  EH += carry;
  EL -= carry * TWO32;
  for (let k = 0; k < n; k++) {
    if (state.emissionEnabled[s.emit[k]] === 1 && (EH !== 0 || EL !== 0)) {
      fraction64(v.shH[k], v.shL[k], EH, EL);
      v.shH[k] = res.hi;
      v.shL[k] = res.lo;
    } else {
      v.shH[k] = 0;
      v.shL[k] = 0;
    }
  }
}

/** root_proportion = ⌊tw·2^32/(tw + A·2^32)⌋ (U96F32 raw ≤ 2^32), tw = (twH, twL) split. */
function rootProportionOf(twH: number, twL: number, A: number): number {
  if (twH === 0 && twL === 0) return 0;
  return divDigit(twH, twL, 0, twH + A, twL);
}

/**
 * subnetTerms + injectAndMaybeSwap + splitAlphaOut for the emitting subnets in state.scratch.emit
 * (balanced pool), given the block's credit; returns the credit left, or null (state untouched).
 */
export function emitToSubnetsFast(state: ChainEconomy, pool: PoolModel, creditIn: bigint): bigint | null {
  if (!FAST_HOST || creditIn >= 4294967296n) return null;
  const v = fastViews(state);
  const s = state.scratch;
  if (hiWord(v.subnetTao, 0) >= 1 << 20) return null;
  const w = Number(taoWeight96(state)); // ≤ 2^32
  mul32(getU64(v.subnetTao, 0), w); // tw = SubnetTAO[0]·w (U96F32 raw, split)
  const twH = res.hi;
  const twL = res.lo;
  const msum = checkAndPrice(state, v, twH);
  if (msum < 0) return null;
  shares(state, v, msum);
  const sell = msum > TWO32; // Σ U64F64 moving prices > 1
  const cut = Number(u16Proportion96(state.params.subnetOwnerCut)); // ≤ 2^32
  const E = Number(creditIn);
  let credit = E;
  let staked = 0;
  for (let k = 0; k < s.nEmit; k++) {
    const i = s.emit[k];
    // get_subnet_terms (pre-injection state)
    const A = getU64(v.alphaIn, i) + getU64(v.alphaOut, i);
    const ae = alphaEmissionOf(A);
    mulShr32(v.shH[k], v.shL[k], E); // tao_emission = ⌊E·share/2^32⌋
    const teH = res.hi;
    const teL = res.lo;
    const rp = rootProportionOf(twH, twL, A);
    mul32(ae, rp); // cap = rp·alpha_emission
    const capH = res.hi;
    const capL = res.lo;
    const p = v.price[k];
    let aH = 0; // alpha_in = ⌊tao_emission·2^32/price⌋ (0 if price = 0)
    let aL = 0;
    let big = false;
    if (p !== 0) {
      const pH = Math.floor(p * INV32);
      const pL = p - pH * TWO32;
      const qa = udiv(teH, p);
      const ra = res.lo;
      if (qa >= 1 << 20) big = true;
      else {
        const raH = Math.floor(ra * INV32);
        const qb = divDigit(raH, ra - raH * TWO32, teL, pH, pL);
        aL = divDigit(res.hi, res.lo, 0, pH, pL);
        aH = qa * TWO32 + qb;
      }
    }
    let tiH = teH;
    let tiL = teL;
    if (big || aH > capH || (aH === capH && aL > capL)) {
      aH = capH;
      aL = capL;
      const pH = Math.floor(p * INV32);
      mulSplitShr32(capH, capL, pH, p - pH * TWO32); // tao_in = alpha_in·price
      tiH = res.hi;
      tiL = res.lo;
    }
    let x = 0; // excess = ⌊(tao_emission − tao_in)/2^32⌋, saturating
    if (teH > tiH || (teH === tiH && teL > tiL)) x = teH - tiH - (teL < tiL ? 1 : 0);
    const t = tiH;
    const a = aH;
    // inject_and_maybe_swap (the balanced pool accepts every injection)
    if (state.added[i] === 1) {
      setU64(v.excessTao, i, 0);
      setU64(v.taoInEmission, i, 0);
      if (x > 0 && credit >= x) {
        credit -= x;
        buyWithExcess(state, pool, i, BigInt(x));
      }
      setU64(v.alphaInEmission, i, a);
      addU64(v.alphaIn, i, a);
      addU64(v.alphaIssuance, i, a);
      addU64(v.alphaInTotal, i, a);
      if (t > 0 && credit >= t) {
        credit -= t;
        setU64(v.taoInEmission, i, t);
        addU64(v.subnetTao, i, t);
        staked += t;
        addU64(v.taoInTotal, i, t);
      }
    }
    splitAlphaOutOne(state, v, i, ae, cut, sell, twH, twL);
  }
  if (staked > 0) state.totalStake += BigInt(staked);
  return BigInt(credit);
}

/** emit_to_subnets step 3 for one subnet (see splitAlphaOut): mint, owner cut, server/validator/root. */
function splitAlphaOutOne(
  state: ChainEconomy, v: FastViews, i: number, ae: number, cut: number, sell: boolean, twH: number, twL: number,
): void {
  setU64(v.alphaOutEmission, i, ae);
  addU64(v.alphaOut, i, ae);
  addU64(v.alphaIssuance, i, ae);
  addU64(v.alphaOutTotal, i, ae);
  let aoH = ae; // alpha_out (U96F32 split)
  let aoL = 0;
  let owner = 0;
  if (state.ownerCutEnabled[i] === 1) {
    mul32(ae, cut); // owner cut = alpha_out·cut ≤ alpha_out
    owner = res.hi;
    aoH = ae - res.hi - (res.lo > 0 ? 1 : 0);
    aoL = res.lo > 0 ? TWO32 - res.lo : 0;
    addU64(v.pendingOwnerCut, i, owner);
  }
  const rp = rootProportionOf(twH, twL, getU64(v.alphaIn, i) + getU64(v.alphaOut, i));
  mulShr32(aoH, aoL, rp);
  const rootH = Math.floor(res.hi / 2); // root = ⌊(rp·ao)/2⌋
  const rootL = (res.hi - 2 * rootH) * TWO31 + Math.floor(res.lo / 2);
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
  addU64(v.pendingServer, i, srv);
  addU64(v.pendingValidator, i, val);
  if (sell) addU64(v.pendingRoot, i, rt);
  else if (rt !== 0) {
    satSubU64(v.alphaOut, i, rt);
    satSubU64(v.alphaIssuance, i, rt);
    addU64(v.recycledAlphaTotal, i, rt);
  }
  addU64(v.unownedAlpha, i, ae - owner - srv - val - rt);
}
