// CPU-time comparison of the coinbase's fast path and its BigInt reference on the bench network
// (process.cpuUsage, so a loaded machine does not skew the ratio). Run:
//   node --import tsx bench/economy/economyCpu.ts [subnet counts, default 1,16,128] [bench|mainnet]

import {
  coinbase, coinbaseReference, updateMovingPrices, updateMovingPricesReference,
} from "../../models/emission/index.js";
import { economyBenchState } from "./economyBench.js";

export interface CpuRow {
  subnets: number;
  referenceBlocksPerCpuSecond: number;
  fastBlocksPerCpuSecond: number;
}

function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/** Blocks per CPU second of both paths, interleaved in rounds of `blocks` blocks. */
export function compareCoinbasePaths(n: number, blocks: number, rounds = 5, scale: "bench" | "mainnet" = "bench"): CpuRow {
  const ref = economyBenchState(n, scale);
  const fast = economyBenchState(n, scale);
  let bRef = 2;
  let bFast = 2;
  let tRef = 0;
  let tFast = 0;
  for (let r = -1; r < rounds; r++) {
    let t0 = cpuMicros();
    for (let j = 0; j < blocks; j++, bRef++) {
      coinbaseReference(ref, bRef);
      updateMovingPricesReference(ref, bRef);
    }
    if (r >= 0) tRef += cpuMicros() - t0;
    t0 = cpuMicros();
    for (let j = 0; j < blocks; j++, bFast++) {
      coinbase(fast, bFast);
      updateMovingPrices(fast, bFast);
    }
    if (r >= 0) tFast += cpuMicros() - t0;
  }
  return {
    subnets: n,
    referenceBlocksPerCpuSecond: Math.round((rounds * blocks * 1e6) / tRef),
    fastBlocksPerCpuSecond: Math.round((rounds * blocks * 1e6) / tFast),
  };
}

if (process.argv[1]?.endsWith("economyCpu.ts")) {
  const ns = (process.argv[2] ?? "1,16,128").split(",").map(Number);
  const scale = process.argv[3] === "mainnet" ? "mainnet" : "bench";
  for (const n of ns) console.log(compareCoinbasePaths(n, Math.max(20, Math.round(20000 / n)), 5, scale));
}
