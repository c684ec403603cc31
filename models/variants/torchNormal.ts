// A port of PyTorch's CPU random normals, so that cases 19–22 of yuma-simulation (whose noise comes
// from `torch.Generator().manual_seed(s)` + `torch.normal(mean, std, size, generator=g)`) can be
// rebuilt without torch. It follows c10's mt19937 (seeded with the low 32 bits of the seed),
// CPUGeneratorImpl::random64 (two draws, first one high), at::uniform_real_distribution<double>
// (low 53 bits × 2^-53) and at::normal_distribution<double> (Box–Muller, r·cos θ returned and r·sin θ
// cached for the next draw), i.e. the serial kernel torch uses for fewer than 16 values.
// Caveat: not checked against torch itself (none here); torch builds before ~2.1 use log(1 − u2)
// where later ones use log1p(−u2), which can change the last bit.

const N = 624;
const M = 397;

/** MT19937 (32-bit), as std::mt19937 / c10's mt19937. */
export class Mt19937 {
  private readonly state = new Uint32Array(N);
  private index = N;

  constructor(seed: number) {
    this.state[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = this.state[i - 1] ^ (this.state[i - 1] >>> 30);
      this.state[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
  }

  /** Next 32-bit output. */
  nextUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.state[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  private twist(): void {
    const s = this.state;
    for (let i = 0; i < N; i++) {
      const y = (s[i] & 0x80000000) | (s[(i + 1) % N] & 0x7fffffff);
      s[i] = s[(i + M) % N] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    this.index = 0;
  }
}

/** A torch CPU generator after `manual_seed(seed)` (seed < 2^32 here), drawing float64 normals. */
export class TorchCpuNormal {
  private readonly engine: Mt19937;
  private cached: number | null = null;

  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) throw new RangeError(`seed ${seed}: expected an integer in [0, 2^32)`);
    this.engine = new Mt19937(seed);
  }

  /** uniform_real_distribution<double>(0, 1): (random64 & (2^53 − 1)) · 2^-53. */
  uniform(): number {
    const hi = this.engine.nextUint32();
    const lo = this.engine.nextUint32();
    return ((hi & 0x1fffff) * 4294967296 + lo) / 9007199254740992;
  }

  /** One draw of normal_distribution<double>(mean, std). */
  normal(mean: number, std: number): number {
    if (this.cached !== null) {
      const z = this.cached;
      this.cached = null;
      return z * std + mean;
    }
    const u1 = this.uniform();
    const u2 = this.uniform();
    const r = Math.sqrt(-2.0 * Math.log1p(-u2));
    const theta = 2.0 * Math.PI * u1;
    this.cached = r * Math.sin(theta);
    return r * Math.cos(theta) * std + mean;
  }
}
