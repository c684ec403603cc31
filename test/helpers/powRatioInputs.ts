// Inputs of pow_ratio_scaled's series branch for the tests of its fast roads (models/pool/powRatio*.test.ts).
import fc from "fast-check";

export const ACC = 10n ** 18n;
export const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/** Exponent parts the series path takes (balancer weights in [0.01, 0.99] either way, reduced, one part above 1024). */
export const seriesExponent = fc
  .tuple(fc.bigInt({ min: 10n ** 16n, max: 99n * 10n ** 16n }), fc.boolean())
  .map(([w2, flip]): [bigint, bigint] => (flip ? [ACC - w2, w2] : [w2, ACC - w2]))
  .map(([n, d]): [bigint, bigint] => [n / gcd(n, d), d / gcd(n, d)])
  .filter(([n, d]) => n > 1024n || d > 1024n);
