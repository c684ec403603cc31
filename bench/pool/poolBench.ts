// Swap throughput of models/pool (exact bigint math). Returns rows; the lead's `taosim bench` prints/writes them.
import { doSwap } from "../../models/pool/swap.js";
import { makePool } from "../../models/pool/pool.js";
import { U128_MAX } from "../../models/pool/u64f64.js";
import type { BenchRow } from "../common/benchRow.js";

export type { BenchRow };

function timeCase(name: string, swap: (i: number) => void, batch: number, rounds: number): BenchRow {
  for (let i = 0; i < batch; i++) swap(i); // warm-up
  const per: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) swap(i);
    per.push(((performance.now() - t0) * 1000) / batch);
  }
  per.sort((a, b) => a - b);
  const median = per[Math.floor(per.length / 2)];
  return { suite: "pool", case: name, arith: "exact", validators: null, neurons: null, subnets: 1, median_us: median, p90_us: per[Math.floor(per.length * 0.9)], per_second: 1e6 / median };
}

export async function benchPool(): Promise<BenchRow[]> {
  const half = makePool(1_000_000_000_000n, 4_000_000_000_000n);
  const skewed = makePool(1_000_000_000_000n, 4_000_000_000_000n, { quoteWeight: 500_187_382_885_696_439n });
  return [
    timeCase("swap w=0.5 (exact integer path)", (i) => void doSwap(half, i & 1 ? "buy" : "sell", 1_000_000_000n + BigInt(i), i & 1 ? U128_MAX : 0n, false), 2000, 15),
    timeCase("swap w≠0.5 (ln/exp path)", (i) => void doSwap(skewed, i & 1 ? "buy" : "sell", 1_000_000_000n + BigInt(i), i & 1 ? U128_MAX : 0n, false), 20, 10),
  ];
}
