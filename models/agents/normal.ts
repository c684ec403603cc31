// Standard normal draw by Box–Muller (cosine branch), consuming exactly two uniforms, so a stream's
// position never depends on the values drawn (same formula as sim/rng/distributions.normal).
import type { Uniform } from "./types.js";

export function standardNormal(u: Uniform): number {
  const u1 = 1 - u(); // (0, 1]: log never sees 0
  const u2 = u();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
