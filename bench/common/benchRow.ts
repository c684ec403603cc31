// One benchmark measurement, the row format of `taosim bench --json` (interfaces.md).
export interface BenchRow {
  suite: string;
  case: string;
  arith: string | null;
  validators: number | null;
  neurons: number | null;
  subnets: number | null;
  median_us: number;
  p90_us: number;
  per_second: number;
}

/** Times `fn` `iterations` times after `warmup` calls; returns median and p90 in microseconds. */
export function timeIt(fn: () => void, iterations: number, warmup = Math.min(50, iterations)): { median: number; p90: number } {
  for (let i = 0; i < warmup; i++) fn();
  const samples = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  samples.sort();
  return { median: samples[Math.floor(iterations / 2)], p90: samples[Math.floor(iterations * 0.9)] };
}
