/**
 * pow_ratio_scaled's series result (safe-bigmath `SafeInt::pow_ratio_scaled`, the balancer's `exp_scaled`)
 * for a base near one, in double-double arithmetic: the coinbase's chain buy at uneven pool weights,
 * (y/(y + dx))^(w2/w1) with dx a small fraction of the reserve. No BigInt in the arithmetic.
 *
 * scale·v = scale − q with q = −scale·expm1(u), u = (en/ed)·2·atanh(z), z = (bn − bd)/(bn + bd). Each
 * double-double operation has relative error below 2^−100; the series have no cancellation
 * (atanh: terms of one sign; expm1 at |u| ≤ 2^−8: each term below 2^−8 of the previous), so q carries
 * a relative error far below 2^−90 (~40 operations). The crate's own result is within 2^(21 − requested)
 * of the true power (powRatioBounds.ts). q is widened by 2^−80 relative plus 2^−30 absolute, and the
 * answer is given only when both ends have the same ceiling C: then the crate's floor(scale·v) is
 * scale − C. Otherwise (or outside |z|, |u| ≤ 2^−8, scale not a double) `undefined`: the caller goes on.
 */
const SPLITTER = 134217729; // 2^27 + 1 (Veltkamp)
const TWO_53 = 2 ** 53;
const STOP = 2 ** -110;
const NEAR = 2 ** -8;
const MARGIN_REL = 2 ** -80;
const MARGIN_ABS = 2 ** -30;

/** Low part of the last double-double result (the high part is returned). */
let lo = 0;

/** a·b exactly as hi + lo (Dekker). */
function twoProd(a: number, b: number): number {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  lo = ah * bh - p + ah * bl + al * bh + al * bl;
  return p;
}

/** Normalise (a, b) with |a| ≥ |b|. */
function quickTwoSum(a: number, b: number): number {
  const s = a + b;
  lo = b - (s - a);
  return s;
}

function ddMul(ah: number, al: number, bh: number, bl: number): number {
  const p = twoProd(ah, bh);
  return quickTwoSum(p, lo + (ah * bl + al * bh));
}

function ddAdd(ah: number, al: number, bh: number, bl: number): number {
  let s = ah + bh;
  let v = s - ah;
  const e1 = ah - (s - v) + (bh - v);
  const t = al + bl;
  v = t - al;
  const f = al - (t - v) + (bl - v);
  s = quickTwoSum(s, e1 + t);
  return quickTwoSum(s, lo + f);
}

function ddDiv(ah: number, al: number, bh: number, bl: number): number {
  const q1 = ah / bh;
  let ph = ddMul(q1, 0, bh, bl);
  let rh = ddAdd(ah, al, -ph, -lo);
  let rl = lo;
  const q2 = rh / bh;
  ph = ddMul(q2, 0, bh, bl);
  rh = ddAdd(rh, rl, -ph, -lo);
  rl = lo;
  const q3 = rh / bh;
  const s = quickTwoSum(q1, q2);
  return ddAdd(s, lo, q3, 0);
}

/** 1/n as double-doubles for the series' divisors (a product is cheaper than a division). */
const INV_H = new Float64Array(201);
const INV_L = new Float64Array(201);
for (let n = 1; n <= 200; n++) {
  INV_H[n] = ddDiv(1, 0, n, 0);
  INV_L[n] = lo;
}

/** A non-negative or negative bigint as a double-double (exact below 2^106). */
let bigLo = 0;
function fromBig(b: bigint): number {
  const h = Number(b);
  bigLo = h <= TWO_53 && h >= -TWO_53 ? 0 : Number(b - BigInt(h));
  return h;
}

/** ⌈h + l⌉ for a normalised double-double with |h| < 2^52. */
function ceilDD(h: number, l: number): number {
  return Number.isInteger(h) ? h + Math.ceil(l) : Math.ceil(h);
}

/** The last scale seen and its value as a double (NaN when not exactly one). */
let lastScale = -1n;
let scaleAsDouble = NaN;

/**
 * The crate's pow_ratio_scaled series result when bn/bd is near one (see the header), else `undefined`.
 * Expects the crate's series branch: positive inputs, exponent reduced, requested precision ≥ 200.
 */
export function powRatioNearOne(bn: bigint, bd: bigint, en: bigint, ed: bigint, requested: number, scale: bigint): bigint | undefined {
  if (requested < 200) return undefined;
  if (scale !== lastScale) {
    lastScale = scale;
    const f = Number(scale);
    scaleAsDouble = f > 0 && f <= 2 ** 63 && BigInt(f) === scale ? f : NaN;
  }
  const s = scaleAsDouble;
  if (Number.isNaN(s)) return undefined;
  // z = (bn − bd)/(bn + bd)
  const dh = fromBig(bn - bd);
  const dl = bigLo;
  const th = fromBig(bn + bd);
  const tl = bigLo;
  const zh = ddDiv(dh, dl, th, tl);
  const zl = lo;
  if (!(Math.abs(zh) <= NEAR)) return undefined;
  // ln(bn/bd) = 2·atanh(z) = 2·Σ z^(2j+1)/(2j+1)
  const z2h = ddMul(zh, zl, zh, zl);
  const z2l = lo;
  let tH = zh;
  let tL = zl;
  let sH = zh;
  let sL = zl;
  for (let j = 3; j <= 199; j += 2) {
    tH = ddMul(tH, tL, z2h, z2l);
    tL = lo;
    const termH = ddMul(tH, tL, INV_H[j], INV_L[j]);
    const termL = lo;
    sH = ddAdd(sH, sL, termH, termL);
    sL = lo;
    if (Math.abs(termH) < Math.abs(sH) * STOP) break;
    if (j === 199) return undefined; // not converged (cannot happen at |z| ≤ 2^−8)
  }
  // u = ln·en/ed
  const eh = fromBig(en);
  const el = bigLo;
  const fh = fromBig(ed);
  const fl = bigLo;
  const rh = ddDiv(eh, el, fh, fl);
  const rl = lo;
  const uh = ddMul(2 * sH, 2 * sL, rh, rl);
  const ul = lo;
  if (!(Math.abs(uh) <= NEAR)) return undefined;
  // expm1(u) = Σ u^n/n!
  let pH = uh;
  let pL = ul;
  let mH = uh;
  let mL = ul;
  for (let n = 2; n <= 200; n++) {
    pH = ddMul(pH, pL, uh, ul);
    pL = lo;
    pH = ddMul(pH, pL, INV_H[n], INV_L[n]);
    pL = lo;
    mH = ddAdd(mH, mL, pH, pL);
    mL = lo;
    if (Math.abs(pH) < Math.abs(mH) * STOP) break;
    if (n === 200) return undefined;
  }
  // q = −scale·expm1(u) = scale·(1 − v)
  const qh = ddMul(-mH, -mL, s, 0);
  const ql = lo;
  if (!(Math.abs(qh) < 2 ** 51)) return undefined;
  const margin = Math.abs(qh) * MARGIN_REL + MARGIN_ABS;
  const loH = ddAdd(qh, ql, -margin, 0);
  const cLo = ceilDD(loH, lo);
  const hiH = ddAdd(qh, ql, margin, 0);
  const cHi = ceilDD(hiH, lo);
  return cLo === cHi ? scale - BigInt(cLo) : undefined;
}
