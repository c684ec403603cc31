// The network as a whole, per sample block of one task, from `subnets.csv`: Σ prices and Σ moving
// prices, the spread of every subnet's price relative to its first sample (min, quartiles, max),
// the root proportion (emission-weighted mean and quartiles over subnets) and each subnet's share
// of the block emission. Rows of a block are gathered, then summarised once the task ends.
import { quantileSorted } from "./ReplicateStats.js";

export interface NetworkColumns {
  netuid: number;
  block: number;
  price: number;
  movingPrice: number;
  share: number;
  rootProportion: number;
}

export function networkColumns(column: (name: string) => number): NetworkColumns {
  return {
    netuid: column("netuid"),
    block: column("block"),
    price: column("price"),
    movingPrice: column("moving_price"),
    share: column("emission_share"),
    rootProportion: column("root_proportion"),
  };
}

/** One summary value of one block: `series` names the chart, `group` the line within it. */
export interface NetworkValue {
  series: string;
  group: string;
  block: number;
  value: number;
}

export const PRICE_INDEX_GROUPS = ["min", "q25", "median", "q75", "max"] as const;
export const ROOT_PROPORTION_GROUPS = ["q25", "median", "q75", "emission-weighted mean"] as const;

const num = (cells: string[], i: number): number => (i < 0 || cells[i] === "" ? NaN : Number(cells[i]));

export class NetworkTaskAccumulator {
  private readonly byBlock = new Map<number, { netuid: number[]; price: number[]; moving: number[]; share: number[]; rp: number[] }>();
  private readonly startPrice = new Map<number, number>();

  constructor(private readonly c: NetworkColumns) {}

  add(cells: string[]): void {
    const c = this.c;
    if (c.block < 0 || c.netuid < 0) return;
    const block = num(cells, c.block);
    const netuid = num(cells, c.netuid);
    const price = num(cells, c.price);
    let b = this.byBlock.get(block);
    if (!b) this.byBlock.set(block, (b = { netuid: [], price: [], moving: [], share: [], rp: [] }));
    b.netuid.push(netuid);
    b.price.push(price);
    b.moving.push(num(cells, c.movingPrice));
    b.share.push(num(cells, c.share));
    b.rp.push(num(cells, c.rootProportion));
    if (!this.startPrice.has(netuid)) this.startPrice.set(netuid, price);
  }

  /** The task's summary values, by block. */
  finish(): NetworkValue[] {
    const out: NetworkValue[] = [];
    const push = (series: string, group: string, block: number, value: number) => {
      if (Number.isFinite(value)) out.push({ series, group, block, value });
    };
    for (const block of [...this.byBlock.keys()].sort((a, b) => a - b)) {
      const b = this.byBlock.get(block)!;
      push("network_price_sum", "Σ prices", block, sum(b.price));
      push("network_price_sum", "Σ moving prices", block, sum(b.moving));
      const index = b.price.map((p, k) => p / (this.startPrice.get(b.netuid[k]) ?? NaN)).filter(Number.isFinite);
      const [min, q25, median, q75, max] = quartiles(index);
      [min, q25, median, q75, max].forEach((v, k) => push("network_price_index", PRICE_INDEX_GROUPS[k], block, v));
      const rp = b.rp.filter(Number.isFinite);
      if (rp.length > 0) {
        const [, r25, r50, r75] = quartiles(rp);
        push("network_root_proportion", "q25", block, r25);
        push("network_root_proportion", "median", block, r50);
        push("network_root_proportion", "q75", block, r75);
        let w = 0;
        let wx = 0;
        for (let k = 0; k < b.rp.length; k++)
          if (Number.isFinite(b.rp[k]) && Number.isFinite(b.share[k])) {
            w += b.share[k];
            wx += b.share[k] * b.rp[k];
          }
        push("network_root_proportion", "emission-weighted mean", block, w > 0 ? wx / w : NaN);
      }
      for (let k = 0; k < b.netuid.length; k++) push("block_share", `netuid ${b.netuid[k]}`, block, b.share[k]);
    }
    return out;
  }
}

function sum(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/** [min, q25, median, q75, max] (type-7 quantiles). */
export function quartiles(xs: number[]): number[] {
  const sorted = Float64Array.from(xs).sort();
  return [0, 0.25, 0.5, 0.75, 1].map((p) => quantileSorted(sorted, p));
}
