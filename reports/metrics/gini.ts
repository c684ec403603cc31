// Gini coefficient of a non-negative distribution:
//   G = Σ_i Σ_j |x_i − x_j| / (2 n² x̄) = 2 Σ_i i·x_(i) / (n Σ x) − (n + 1) / n   (x sorted ascending, i from 1).
// 0 when everyone holds the same (or when all hold nothing); (n − 1)/n when one holds everything.

/** Gini coefficient; NaN for an empty list. Negative entries are a caller error. */
export function gini(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += sorted[i];
    weighted += (i + 1) * sorted[i];
  }
  if (total === 0) return 0;
  return (2 * weighted) / (n * total) - (n + 1) / n;
}
