// The plausibility table of a finished run (first task, first replicate): per subnet, the price at
// the start and the end, the mean emission share, TAO injected into the pool vs TAO the coinbase spent
// buying alpha, root dividends claimed as alpha and alpha sold by holders. Reads subnets.csv only.
import { join } from "node:path";
import { openCsv } from "../tables/openCsv.js";

export interface PlausibilityRow {
  netuid: number;
  priceStart: number;
  priceEnd: number;
  /** priceEnd / priceStart − 1. */
  priceChange: number;
  meanShare: number;
  taoInjected: number; // TAO injected by the coinbase (subnets.csv tao_in_total counts the chain-bought TAO too)
  taoChainBought: number; // TAO (tao_chain_bought_total)
  rootClaimedAlpha: number; // alpha
  alphaSold: number; // alpha
}

const COLUMNS = ["task", "replicate", "netuid", "price", "emission_share", "tao_in_total", "tao_chain_bought_total", "root_claimed_alpha_total", "alpha_sold_total"] as const;

interface Acc { first: number[]; last: number[]; shareSum: number; samples: number }

/** Rows of subnets.csv (as numbers, in COLUMNS order) → one plausibility row per subnet. */
export function plausibilityRows(rows: Iterable<readonly number[]>): PlausibilityRow[] {
  const by = new Map<number, Acc>();
  for (const r of rows) {
    if (r[0] !== 0 || r[1] !== 0) continue; // task 0, replicate 0
    const a = by.get(r[2]);
    if (a === undefined) by.set(r[2], { first: [...r], last: [...r], shareSum: r[4], samples: 1 });
    else {
      a.last = [...r];
      a.shareSum += r[4];
      a.samples++;
    }
  }
  return [...by.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([netuid, a]) => ({
      netuid,
      priceStart: a.first[3],
      priceEnd: a.last[3],
      priceChange: a.first[3] > 0 ? a.last[3] / a.first[3] - 1 : 0,
      meanShare: a.shareSum / a.samples,
      taoInjected: (a.last[5] - a.first[5] - (a.last[6] - a.first[6])) / 1e9,
      taoChainBought: (a.last[6] - a.first[6]) / 1e9,
      rootClaimedAlpha: (a.last[7] - a.first[7]) / 1e9,
      alphaSold: (a.last[8] - a.first[8]) / 1e9,
    }));
}

/** Reads `runDir`/subnets.csv. */
export async function readPlausibility(runDir: string): Promise<PlausibilityRow[]> {
  const t = await openCsv(join(runDir, "subnets.csv"));
  if (t === null) return [];
  const idx = COLUMNS.map((c) => t.column(c));
  const rows: number[][] = [];
  for await (const batch of t.batches()) for (const r of batch) rows.push(idx.map((k) => (k < 0 ? 0 : Number(r[k]))));
  return plausibilityRows(rows);
}

const f = (x: number, d = 0): string => x.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });

/** A Markdown table of `rows` (every subnet, or those whose netuid `keep` accepts) and the network's totals. */
export function plausibilityMarkdown(rows: PlausibilityRow[], keep: (netuid: number) => boolean = () => true): string {
  const head = "| netuid | price start → end | change | mean emission share | TAO injected | TAO chain-bought | root divs claimed (α) | α sold by holders |\n|---|---|---|---|---|---|---|---|";
  const line = (r: PlausibilityRow): string =>
    `| ${r.netuid} | ${r.priceStart.toPrecision(4)} → ${r.priceEnd.toPrecision(4)} | ${f(r.priceChange * 100, 1)} % | ${f(r.meanShare * 100, 2)} % | ${f(r.taoInjected)} | ${f(r.taoChainBought)} | ${f(r.rootClaimedAlpha)} | ${f(r.alphaSold)} |`;
  const sum = (k: keyof PlausibilityRow): number => rows.reduce((a, r) => a + (r[k] as number), 0);
  const total = `| all ${rows.length} | Σ ${f(sum("priceStart"), 3)} → ${f(sum("priceEnd"), 3)} | ${f((sum("priceEnd") / sum("priceStart") - 1) * 100, 1)} % | ${f(sum("meanShare") * 100, 1)} % | ${f(sum("taoInjected"))} | ${f(sum("taoChainBought"))} | ${f(sum("rootClaimedAlpha"))} | ${f(sum("alphaSold"))} |`;
  return [head, ...rows.filter((r) => keep(r.netuid)).map(line), total].join("\n");
}
