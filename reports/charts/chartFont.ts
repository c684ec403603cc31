// The font charts are drawn and rasterised with: DejaVu Sans (regular and bold), subset and bundled
// in `reports/charts/fonts/` so that PNG bytes never depend on the fonts a machine has installed.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const CHART_FONT_FAMILY = "DejaVu Sans";
export const CHART_FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"] as const;

/** Absolute paths of the bundled font files (beside this module, or in the source tree when built into dist/). */
export function chartFontFiles(): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, "fonts"), resolve(here, "../../../reports/charts/fonts")];
  for (const dir of candidates) {
    const files = CHART_FONT_FILES.map((f) => join(dir, f));
    if (files.every((f) => existsSync(f))) return files;
  }
  throw new Error(`chart fonts not found (looked in ${candidates.join(", ")})`);
}
