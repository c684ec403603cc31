// Nakamoto coefficient: the smallest number of entities that together hold strictly more than half
// of the total (the largest holders first).

/** Smallest k such that the k largest values sum to > 50 % of the total; NaN when the total is 0. */
export function nakamotoCoefficient(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort().reverse();
  let total = 0;
  for (const v of sorted) total += v;
  if (!(total > 0)) return Number.NaN;
  let held = 0;
  for (let k = 0; k < sorted.length; k++) {
    held += sorted[k];
    if (held > total / 2) return k + 1;
  }
  return sorted.length; // unreachable for a positive total; kept for float safety
}
