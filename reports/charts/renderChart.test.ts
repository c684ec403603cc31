import { describe, expect, it } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { renderChart } from "./renderChart.js";
import { dividendRatioSpec } from "./specs/dividendRatioSpec.js";
import { emissionShareSpec } from "./specs/emissionShareSpec.js";
import { qualityScatterSpec } from "./specs/qualityScatterSpec.js";
import { sweepHeatmapSpec, sweepLineSpec } from "./specs/sweepSpec.js";
import { timeSeriesSpec } from "./specs/timeSeriesSpec.js";

const row = (point: number, group: string, x: number, mean: number) => ({ point, series: "s", group, x, n: 2, mean, p05: mean - 0.1, p50: mean, p95: mean + 0.1 });
const specs: Record<string, TopLevelSpec> = {
  timeSeries: timeSeriesSpec([row(0, "a", 1, 1), row(0, "a", 2, 1.5), row(0, "b", 1, 0.5), row(0, "b", 2, 0.7)], { title: "t − α", yTitle: "y", label: (r) => r.group, band: true, reference: 1 }),
  scatter: qualityScatterSpec([{ netuid: 1, uid: 0, hotkey: "h", quality: 0.1, incentive: 0.2 }, { netuid: 1, uid: 1, hotkey: "i", quality: 0.9, incentive: 0.7 }], "ρ = 1"),
  ratios: dividendRatioSpec([{ strategy: "copier", point: "p0", mean: 0.9, p05: 0.85, p95: 0.95 }, { strategy: "copier", point: "p1", mean: 1.1, p05: 1, p95: 1.2 }]),
  shares: emissionShareSpec([{ point: "p0", role: "owner", share: 0.18 }, { point: "p0", role: "miners", share: 0.82 }]),
  sweepLine: sweepLineSpec([{ x: 1, mean: 1, p05: 0.9, p95: 1.1 }, { x: 2, mean: 2, p05: 1.9, p95: 2.1 }], "kappa", "m"),
  heatmap: sweepHeatmapSpec([{ x: 1, y: 1, mean: 1, p05: 1, p95: 1 }, { x: 2, y: 1, mean: 2, p05: 2, p95: 2 }], "a", "b", "m"),
};

describe("renderChart", () => {
  for (const [name, spec] of Object.entries(specs))
    it(`renders ${name} to byte-identical SVG and PNG twice, without warnings`, async () => {
      const a = await renderChart(spec);
      const b = await renderChart(structuredClone(spec));
      expect(a.warnings).toEqual([]);
      expect(a.svg.startsWith("<svg")).toBe(true);
      expect(b.svg).toBe(a.svg);
      expect(Buffer.compare(a.png, b.png)).toBe(0);
      expect(a.svg).toContain('font-family="DejaVu Sans"');
    });
});

describe("renumberSvgIds", () => {
  it("renames ids in order of appearance and rewrites their references", async () => {
    const { renumberSvgIds } = await import("./renderChart.js");
    const svg = '<svg><path fill="url(#gradient_7)"/><use href="#clip3"/><defs><linearGradient id="gradient_7"/><clipPath id="clip3"/></defs></svg>';
    expect(renumberSvgIds(svg, "price")).toBe('<svg><path fill="url(#price-0)"/><use href="#price-1"/><defs><linearGradient id="price-0"/><clipPath id="price-1"/></defs></svg>');
  });
});

describe("renderPngAsync", () => {
  it("gives the same bytes as the synchronous rasteriser", async () => {
    const { renderSvg, renderPng, renderPngAsync } = await import("./renderChart.js");
    const { svg } = await renderSvg(specs.ratios, "ratios");
    expect(Buffer.compare(await renderPngAsync(svg), renderPng(svg))).toBe(0);
  });
});

describe("chart text", () => {
  it("is escaped in the SVG (labels can come from scenario strings)", async () => {
    const { renderSvg } = await import("./renderChart.js");
    const { svg } = await renderSvg(dividendRatioSpec([{ strategy: "<script>alert(1)</script>", point: "p", mean: 1, p05: 1, p95: 1 }]), "x");
    expect(svg).not.toContain("<script");
    expect(svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});
