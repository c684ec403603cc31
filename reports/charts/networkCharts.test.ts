// Network charts of a synthetic 128-subnet run: which charts, their fields and encodings, values
// computed by hand, and a bounded number of series (no line per subnet).
import { describe, expect, it } from "vitest";
import { NetworkTaskAccumulator, networkColumns } from "../metrics/NetworkTaskAccumulator.js";
import type { RunMetrics } from "../metrics/readRunMetrics.js";
import { SeriesCollector } from "../metrics/SeriesCollector.js";
import { networkCharts, TOP_SHARE_SUBNETS } from "./networkCharts.js";
import { pickCharts } from "./pickCharts.js";
import { renderSvg } from "./renderChart.js";

const N = 128;
const BLOCKS = [0, 360, 720, 1080];
const HEADER = ["netuid", "block", "price", "moving_price", "emission_share", "root_proportion"];
const harmonic = Array.from({ length: N }, (_, k) => 1 / (k + 1)).reduce((a, b) => a + b, 0);
/** Subnet k (1-based): share ∝ 1/k, price 0.01·k·(1 + 0.001·k·block/360), root proportion 0.1 (k ≤ 64) or 0.3. */
const share = (k: number) => 1 / k / harmonic;
const price = (k: number, block: number) => 0.01 * k * (1 + (0.001 * k * block) / 360);
const rootProportion = (k: number) => (k <= 64 ? 0.1 : 0.3);

function syntheticRun(): RunMetrics {
  const acc = new NetworkTaskAccumulator(networkColumns((name) => HEADER.indexOf(name)));
  const series = new SeriesCollector();
  for (const block of BLOCKS)
    for (let k = 1; k <= N; k++) {
      acc.add([k, block, price(k, block), price(k, 0), share(k), rootProportion(k)].map(String));
      series.add(0, "price", `netuid ${k}`, block, price(k, block));
    }
  for (const v of acc.finish()) series.add(0, v.series, v.group, v.block, v.value);
  return {
    tasks: new Map(),
    series,
    miners: null,
    tables: { neurons: null, subnets: HEADER, chain: null },
    netuids: Array.from({ length: N }, (_, k) => k + 1),
    fullDetailNetuids: [1, 20],
    largestChanges: null,
  };
}

type Layer = { encoding?: Record<string, { field?: string; type?: string }>; transform?: { calculate: string }[] };
const values = (spec: unknown) => (spec as { data: { values: Record<string, number | string>[] } }).data.values;

describe("network charts with 128 subnets", () => {
  const charts = networkCharts(syntheticRun(), 0, "");
  const byName = new Map(charts.map((c) => [c.name, c]));

  it("draws each full-detail subnet and the network as a whole, each with a description", () => {
    expect(charts.map((c) => c.name)).toEqual([
      "subnet-detail-1", "subnet-detail-20", "network-price-index", "network-price-sum", "network-emission-shares", "network-root-proportion",
    ]);
    for (const c of charts) expect(c.caption).toMatch(/^[A-Z].{40,}\.$/);
  });

  it("stacks the 8 largest shares and the full-detail subnets, the other 119 as one band", () => {
    const spec = byName.get("network-emission-shares")!.spec as unknown as { encoding: Record<string, { field: string; type: string; stack?: string; scale?: { domain: string[] } }> };
    expect(spec.encoding.x).toMatchObject({ field: "block", type: "quantitative" });
    expect(spec.encoding.y).toMatchObject({ field: "share", type: "quantitative", stack: "zero" });
    const order = [...Array.from({ length: TOP_SHARE_SUBNETS }, (_, k) => `netuid ${k + 1}`), "netuid 20", "others (119 subnets)"];
    expect(spec.encoding.color.scale!.domain).toEqual(order);
    const rows = values(spec);
    expect(new Set(rows.map((r) => r.subnet)).size).toBe(10);
    const atLast = rows.filter((r) => r.block === 1080);
    expect(atLast.reduce((s, r) => s + (r.share as number), 0)).toBeCloseTo(1, 5);
    const others = 1 - [1, 2, 3, 4, 5, 6, 7, 8, 20].reduce((s, k) => s + share(k), 0);
    expect(atLast.find((r) => r.subnet === "others (119 subnets)")!.share).toBeCloseTo(others, 5);
  });

  it("summarises prices relative to their start as min, quartiles, median and max", () => {
    const spec = byName.get("network-price-index")!.spec as unknown as { layer: Layer[] };
    expect(spec.layer.map((l) => [l.encoding?.y?.field, (l.encoding as Record<string, { field?: string }> | undefined)?.y2?.field])).toEqual([
      ["min", "max"], ["q25", "q75"], ["median", undefined], ["ref", undefined], // the last: the dashed line at 1
    ]);
    // at block 1080 subnet k's index is 1 + 0.003·k: k = 1 … 128, median at k = 64.5, quartiles at k = 32.75 and 96.25 (type 7)
    const last = values(spec).find((r) => r.block === 1080)!;
    expect(last.min).toBeCloseTo(1.003, 5);
    expect(last.median).toBeCloseTo(1 + 0.003 * 64.5, 5);
    expect(last.q25).toBeCloseTo(1 + 0.003 * 32.75, 5);
    expect(last.q75).toBeCloseTo(1 + 0.003 * 96.25, 5);
    expect(last.max).toBeCloseTo(1.384, 5);
  });

  it("sums the prices and the moving prices", () => {
    const rows = values(byName.get("network-price-sum")!.spec);
    const sum = (block: number) => Array.from({ length: N }, (_, k) => price(k + 1, block)).reduce((a, b) => a + b, 0);
    // chart data keep 6 significant digits
    expect(rows.find((r) => r.line === "Σ prices" && r.block === 1080)!.mean).toBe(Number(sum(1080).toPrecision(6)));
    expect(rows.find((r) => r.line === "Σ moving prices" && r.block === 1080)!.mean).toBe(Number(sum(0).toPrecision(6)));
    expect(new Set(rows.map((r) => r.line)).size).toBe(2);
  });

  it("shows the root proportion's quartiles and its emission-weighted mean", () => {
    const last = values(byName.get("network-root-proportion")!.spec).find((r) => r.block === 0)!;
    const weighted = Array.from({ length: N }, (_, k) => share(k + 1) * rootProportion(k + 1)).reduce((a, b) => a + b, 0);
    expect([last.q25, last.median, last.q75]).toEqual([0.1, 0.2, 0.3]);
    expect(last.weighted).toBeCloseTo(weighted, 5);
  });

  it("gives a full-detail subnet its price and share panels", () => {
    const spec = byName.get("subnet-detail-20")!.spec as unknown as { vconcat: { data: { values: { block: number; mean: number }[] } }[] };
    expect(spec.vconcat).toHaveLength(2);
    expect(spec.vconcat[0].data.values.at(-1)!.mean).toBeCloseTo(price(20, 1080), 6);
    expect(spec.vconcat[1].data.values.at(-1)!.mean).toBeCloseTo(share(20), 6);
  });

  it("renders every chart without warnings", async () => {
    for (const c of charts) expect((await renderSvg(c.spec, c.name)).warnings, c.name).toEqual([]);
  });

  it("pickCharts draws no chart with a line per subnet", () => {
    const names = pickCharts({ run: syntheticRun(), points: [], params: [], metrics: [] }).map((c) => c.name);
    expect(names).not.toContain("subnet-price");
    expect(names).toContain("network-emission-shares");
  });
});
