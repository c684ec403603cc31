// Offline rendering: Vega-Lite spec → Vega (vega-lite compile) → SVG (vega View, renderer "none",
// toSVG) → PNG (@resvg/resvg-js with the bundled font only). No browser, no canvas, no system fonts,
// so the same spec gives the same bytes on every machine.
import { Resvg, renderAsync, type ResvgRenderOptions } from "@resvg/resvg-js";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { CHART_FONT_FAMILY, chartFontFiles } from "./chartFont.js";

export interface RenderedChart {
  svg: string;
  png: Buffer;
  /** Warnings from vega-lite and vega (a correct spec has none). */
  warnings: string[];
}

/** PNG pixels per SVG pixel. */
export const PNG_SCALE = 2;

/**
 * Renders a spec. `idPrefix` names the SVG's internal ids (gradients, clip paths), which keeps them
 * unique when several charts are inlined in one page.
 */
export async function renderChart(spec: TopLevelSpec, idPrefix = "chart"): Promise<RenderedChart> {
  const svg = await renderSvg(spec, idPrefix);
  return { ...svg, png: renderPng(svg.svg) };
}

export async function renderSvg(spec: TopLevelSpec, idPrefix = "chart"): Promise<{ svg: string; warnings: string[] }> {
  const warnings: string[] = [];
  const compiled = compile(spec, { logger: collectingLogger(warnings) }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none", logger: collectingLogger(warnings) as never });
  try {
    return { svg: renumberSvgIds(await view.toSVG(), idPrefix), warnings };
  } finally {
    view.finalize();
  }
}

/**
 * Vega numbers gradient and clip-path ids with process-wide counters (`gradient_3`), so the same
 * chart would differ with what was rendered before it. Renames every id, in order of appearance, to
 * `<prefix>-<k>` and rewrites its references (`url(#…)`, `href="#…"`).
 */
export function renumberSvgIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) if (!ids.has(m[1])) ids.set(m[1], `${prefix}-${ids.size}`);
  if (ids.size === 0) return svg;
  return svg.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (all, head: string, id: string) => (ids.has(id) ? head + ids.get(id) : all));
}

function pngOptions(): ResvgRenderOptions {
  return {
    font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
    fitTo: { mode: "zoom", value: PNG_SCALE },
    background: "white",
  };
}

export function renderPng(svg: string): Buffer {
  return new Resvg(svg, pngOptions()).render().asPng();
}

/** Same bytes as `renderPng`, rasterised on libuv's thread pool (overlaps with the next chart's layout). */
export async function renderPngAsync(svg: string): Promise<Buffer> {
  return (await renderAsync(svg, pngOptions())).asPng();
}

/** A vega/vega-lite logger that records warnings and errors instead of printing them. */
function collectingLogger(sink: string[]) {
  let level = 2; // vega.Warn
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: unknown[]) {
      sink.push(`error: ${args.map(String).join(" ")}`);
      return logger;
    },
    warn(...args: unknown[]) {
      sink.push(`warn: ${args.map(String).join(" ")}`);
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}
