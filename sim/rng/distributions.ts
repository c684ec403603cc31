// Draws from named streams. Each helper consumes a fixed number of uniforms (documented), so the
// position of a stream after k draws does not depend on the values drawn.

/** Anything that returns uniforms on [0, 1). */
export type Uniform = () => number;

/** Uniform on [lo, hi). Consumes 1 uniform. */
export function uniform(s: Uniform, lo = 0, hi = 1): number {
  return lo + (hi - lo) * s();
}

/** Normal(mean, sd) by Box–Muller (cosine branch only). Consumes 2 uniforms. */
export function normal(s: Uniform, mean = 0, sd = 1): number {
  const u1 = 1 - s(); // (0, 1]: log never sees 0
  const u2 = s();
  return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** exp(Normal(mu, sigma)). Consumes 2 uniforms. */
export function lognormal(s: Uniform, mu = 0, sigma = 1): number {
  return Math.exp(normal(s, mu, sigma));
}

/** Normal(mean, sd) clamped to [lo, hi] (not truncated: mass outside sits on the bounds). Consumes 2 uniforms. */
export function clampedNormal(s: Uniform, mean: number, sd: number, lo: number, hi: number): number {
  const x = normal(s, mean, sd);
  return x < lo ? lo : x > hi ? hi : x;
}

/** Bernoulli(p): true with probability p. Consumes 1 uniform. */
export function bernoulli(s: Uniform, p: number): boolean {
  return s() < p;
}
