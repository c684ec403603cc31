// Memo of liquid alpha per combined diff d (raw I32F32 in (0, 2^32]), valid for one parameter set.
// Open addressing on typed arrays (a Map keyed by doubles costs ~10x more per lookup); cleared when full.

const MIN_BITS = 12;
const MAX_BITS = 21;

export class AlphaMemo {
  private bits = MIN_BITS;
  private keys = new Float64Array(1 << MIN_BITS); // 0 = empty slot (d = 0 is never stored)
  private vals = new Float64Array(1 << MIN_BITS);
  private size = 0;
  private exact = false;
  private low = -1;
  private high = -1;
  private steepness = NaN;
  /** alpha at d = 0 for the current parameter set (the most common cell), −1 until computed. */
  atZero = -1;

  /** Forget everything when the parameter set changes. */
  prepare(exact: boolean, low: number, high: number, steepness: number): void {
    if (exact === this.exact && low === this.low && high === this.high && steepness === this.steepness) return;
    this.exact = exact;
    this.low = low;
    this.high = high;
    this.steepness = steepness;
    this.atZero = -1;
    this.keys.fill(0);
    this.size = 0;
  }

  /** The alpha stored for d > 0, or −1. */
  get(d: number): number {
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let h = hash(d, this.bits); ; h = (h + 1) & mask) {
      const k = keys[h];
      if (k === d) return this.vals[h];
      if (k === 0) return -1;
    }
  }

  set(d: number, alpha: number): void {
    if (2 * (this.size + 1) > this.keys.length) this.grow();
    const keys = this.keys;
    const mask = keys.length - 1;
    let h = hash(d, this.bits);
    while (keys[h] !== 0 && keys[h] !== d) h = (h + 1) & mask;
    if (keys[h] === 0) this.size++;
    keys[h] = d;
    this.vals[h] = alpha;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    if (this.bits >= MAX_BITS) { // full: start over rather than grow without bound
      oldKeys.fill(0);
      this.size = 0;
      return;
    }
    this.bits++;
    this.keys = new Float64Array(1 << this.bits);
    this.vals = new Float64Array(1 << this.bits);
    this.size = 0;
    for (let h = 0; h < oldKeys.length; h++) if (oldKeys[h] !== 0) this.set(oldKeys[h], oldVals[h]);
  }
}

/** Multiplicative hash of d (an integer <= 2^32) to `bits` bits. */
function hash(d: number, bits: number): number {
  return Math.imul((d >>> 0) ^ ((d / 4294967296) | 0), 0x9e3779b1) >>> (32 - bits);
}
