// Mean and 5/50/95 % quantiles of one metric across the replicates of a sweep point, fed one value
// at a time as tasks are read. The mean is a running (Welford) mean; quantiles are exact, so the
// values are kept: O(replicates) numbers per metric and point, never a task's table.

export interface QuantileSummary {
  n: number;
  mean: number;
  p05: number;
  p50: number;
  p95: number;
}

/** Quantile of ascending-sorted values, linear interpolation between order statistics (type 7). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export class ReplicateStats {
  private count = 0;
  private runningMean = 0;
  private readonly values: number[] = [];

  /** Adds one replicate's value; NaN (metric undefined for that task) is ignored. */
  add(value: number): void {
    if (Number.isNaN(value)) return;
    this.count++;
    this.runningMean += (value - this.runningMean) / this.count;
    this.values.push(value);
  }

  get n(): number {
    return this.count;
  }

  summary(): QuantileSummary {
    if (this.count === 0) return { n: 0, mean: NaN, p05: NaN, p50: NaN, p95: NaN };
    const sorted = Float64Array.from(this.values).sort();
    return {
      n: this.count,
      mean: this.runningMean,
      p05: quantileSorted(sorted, 0.05),
      p50: quantileSorted(sorted, 0.5),
      p95: quantileSorted(sorted, 0.95),
    };
  }
}
