// bench/economy: blocks per second of the coinbase alone (mint, split, injection, chain buys,
// alpha split, drain bookkeeping, moving prices), epochs excluded, for 1, 16 and 128 subnets of
// 256 UIDs. Returns rows; writes no files (the CLI prints them and writes bench/results/economy.csv).

import { performance } from "node:perf_hooks";
import type { BenchRow } from "../common/benchRow.js";
import {
  type ChainEconomy, addSubnet, assignAlphaStake, coinbase, createChainEconomy, registerUid, stakeRoot,
  updateMovingPrices,
} from "../../models/emission/index.js";

export type { BenchRow };

const UIDS = 256;

/**
 * A mainnet-like network: `n` dynamic subnets with varied pools and prices, root stake, 256 UIDs each.
 * `scale: "mainnet"` uses today's magnitudes instead: pools of 5k–60k TAO at 0.004–0.05 TAO per alpha,
 * alpha supply near 21M alpha (> 2^53 rao), so most subnets hit the root-proportion cap and chain-buy
 * their excess TAO every block.
 */
export function economyBenchState(n: number, scale: "bench" | "mainnet" = "bench"): ChainEconomy {
  if (scale === "mainnet") return mainnetState(n);
  const s = createChainEconomy({ netuids: n + 1, hotkeys: n * UIDS, maxUids: UIDS });
  s.totalIssuance = 0n;
  s.otherTao = 5_000_000_000_000_000n; // 5M TAO elsewhere
  s.totalIssuance += s.otherTao;
  for (let h = 0; h < 64 && h < n * UIDS; h++) stakeRoot(s, h, 50_000_000_000_000n); // 64 × 50k TAO on root
  for (let i = 1; i <= n; i++) {
    const tao = BigInt(10_000 + 997 * i) * 1_000_000_000n;
    const alpha = BigInt(200_000 + 7_919 * i) * 1_000_000_000n;
    addSubnet(s, {
      netuid: i, mechanism: 1, taoReserve: tao, alphaReserve: alpha, alphaOutstanding: alpha * 2n,
      tempo: 360, firstEmissionBlock: 1, movingPrice: (tao << 32n) / alpha, lastEpochBlock: i % 360,
    });
    for (let u = 0; u < UIDS; u++) registerUid(s, i, u, (i - 1) * UIDS + u);
    assignAlphaStake(s, i, (i - 1) * UIDS, alpha * 2n);
  }
  return s;
}

function mainnetState(n: number): ChainEconomy {
  const s = createChainEconomy({ netuids: n + 1, hotkeys: n * UIDS, maxUids: UIDS });
  s.otherTao = 5_000_000_000_000_000n;
  s.totalIssuance = s.otherTao;
  for (let h = 0; h < 64 && h < n * UIDS; h++) stakeRoot(s, h, 50_000_000_000_000n);
  const RAO = 1_000_000_000n;
  for (let i = 1; i <= n; i++) {
    const tao = BigInt(5_000 + ((i * 7_919) % 55_000)) * RAO; // Σ over 128 subnets ≈ 4M TAO: issuance stays < 21M
    const milli = BigInt(4 + ((i * 13) % 47)); // price 0.004–0.05 TAO per alpha
    const alpha = (tao * 1000n) / milli;
    const supply = 20_000_000n * RAO + BigInt(i) * 7_777n * RAO;
    const out = supply > alpha ? supply - alpha : alpha / 2n;
    addSubnet(s, {
      netuid: i, mechanism: 1, taoReserve: tao, alphaReserve: alpha, alphaOutstanding: out,
      tempo: 360, firstEmissionBlock: 1, movingPrice: (tao << 32n) / alpha, lastEpochBlock: i % 360,
    });
    for (let u = 0; u < UIDS; u++) registerUid(s, i, u, (i - 1) * UIDS + u);
    assignAlphaStake(s, i, (i - 1) * UIDS, out);
  }
  return s;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Times `blocks`-block batches of the coinbase; per-block figures in µs. */
function timeCoinbase(s: ChainEconomy, startBlock: number, blocks: number, samples: number): number[] {
  const out: number[] = [];
  let b = startBlock;
  for (let k = 0; k < samples; k++) {
    const t0 = performance.now();
    for (let j = 0; j < blocks; j++, b++) {
      coinbase(s, b);
      updateMovingPrices(s, b);
    }
    out.push(((performance.now() - t0) * 1000) / blocks);
  }
  return out;
}

export async function benchEconomy(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const n of [1, 16, 128]) {
    const s = economyBenchState(n);
    const batch = Math.max(10, Math.round(4000 / n));
    timeCoinbase(s, 2, batch, 3); // warm-up
    const t = timeCoinbase(s, 2 + 3 * batch, batch, 15).sort((a, b) => a - b);
    const median = quantile(t, 0.5);
    rows.push({
      suite: "economy", case: `coinbase ${n} subnets`, arith: "exact", validators: null, neurons: n * UIDS, subnets: n,
      median_us: Math.round(median * 100) / 100, p90_us: Math.round(quantile(t, 0.9) * 100) / 100,
      per_second: Math.round(1e6 / median),
    });
  }
  return rows;
}
