// Consensus of the research variants (spec/yuma-variants.md §2.4–2.5; yuma-simulation yumas.py:
// optimized_compute_consensus_weights, binary_search_compute_consensus_weights, and the u16
// quantisation every version applies). Not the chain's weighted median (models/consensus/).

/**
 * Default ("optimized") consensus per server column: sort the column's weights descending with the
 * stakes carried along and return the weight at the first position where the running stake sum is
 * ≥ kappa (the top weight if none is). Ties keep validator order (stable), which cannot change the
 * picked weight. `order` is scratch of length ≥ V.
 */
export function consensusSorted(
  w: Float64Array, s: Float64Array, nV: number, nS: number, kappa: number,
  out: Float64Array, order: Int32Array,
): void {
  const idx = order.subarray(0, nV);
  for (let j = 0; j < nS; j++) {
    for (let i = 0; i < nV; i++) idx[i] = i;
    idx.sort((a, b) => w[b * nS + j] - w[a * nS + j] || a - b);
    let cum = 0;
    let first = 0;
    for (let k = 0; k < nV; k++) {
      cum += s[idx[k]];
      if (cum >= kappa) {
        first = k;
        break;
      }
    }
    out[j] = nV > 0 ? w[idx[first] * nS + j] : 0;
  }
}

/**
 * Legacy (`LEGACY_CONSENSUS=1`) consensus: per column a bisection on [0, 1], raising the lower end
 * while the stake voting strictly above the midpoint is > kappa, until the interval is narrower
 * than 1 / precision; returns the upper end.
 */
export function consensusBisection(
  w: Float64Array, s: Float64Array, nV: number, nS: number, kappa: number, precision: number,
  out: Float64Array,
): void {
  const width = 1 / precision;
  for (let j = 0; j < nS; j++) {
    let high = 1.0;
    let low = 0.0;
    while (high - low > width) {
      const mid = (high + low) / 2.0;
      let above = 0;
      for (let i = 0; i < nV; i++) above += w[i * nS + j] > mid ? s[i] : 0;
      if (above > kappa) low = mid;
      else high = mid;
    }
    out[j] = high;
  }
}

const INT32_MIN = -2147483648;

/**
 * torch `.int()` of a float64 on x86: truncation toward zero; NaN and out-of-range values become
 * INT32_MIN (cvttsd2si's "integer indefinite"). Platform-defined in the package (spec §2.5, §10.10).
 */
export function truncToInt32X86(x: number): number {
  if (!(x > -2147483649 && x < 2147483648)) return INT32_MIN;
  return Math.trunc(x);
}

/**
 * Not chain behaviour (spec §2.5): C ← int32(C / ΣC · 65535) / 65535, in place. When no server
 * reaches kappa ΣC = 0, C/ΣC is NaN and every entry becomes INT32_MIN / 65535 = −32768.5…
 */
export function quantizeConsensus(c: Float64Array, nS: number): void {
  let sum = 0;
  for (let j = 0; j < nS; j++) sum += c[j];
  for (let j = 0; j < nS; j++) c[j] = truncToInt32X86((c[j] / sum) * 65_535) / 65_535;
}
