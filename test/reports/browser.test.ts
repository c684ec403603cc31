// issue 8: report.html opens in headless Chromium with no console error, no network request, and
// every chart visible. Needs Debian's `chromium` (/usr/bin/chromium) and the `playwright-core`
// devDependency; when either is missing this test FAILS with what to install (it never skips).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../reports/buildReport.js";
import { CHROMIUM_PATH, observeReport, type ChromiumLauncher } from "./browserCheck.js";
import { writeFixtureRun } from "./fixtureRun.js";

async function loadChromium(): Promise<ChromiumLauncher> {
  const name = "playwright-core"; // a variable, so the type check does not need the package
  let module: { chromium?: ChromiumLauncher };
  try {
    module = (await import(name)) as { chromium?: ChromiumLauncher };
  } catch (error) {
    throw new Error(`playwright-core is not installed (${String(error)}): add it to package.json devDependencies and run npm install`);
  }
  if (!module.chromium) throw new Error("playwright-core has no `chromium` export");
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} not found: install Debian's chromium package (apt-get install -y chromium); .ci/run does this when it is missing`);
  return module.chromium;
}

describe("report.html in headless Chromium", () => {
  it("loads with no console errors, no network requests, and every chart visible", async () => {
    const chromium = await loadChromium();
    const dir = writeFixtureRun({ name: "<script>alert(1)</script>", copierEmission: [18, 20, 16] });
    await buildReport(dir, { quiet: true });
    const seen = await observeReport(chromium, join(dir, "report.html"));
    expect(seen.title).toBe("taosim report: <script>alert(1)</script>");
    expect(seen.consoleErrors).toEqual([]);
    expect(seen.requests).toEqual([]);
    expect(seen.charts.length).toBeGreaterThanOrEqual(8);
    for (const chart of seen.charts) {
      expect(chart.width, chart.id).toBeGreaterThan(100);
      expect(chart.height, chart.id).toBeGreaterThan(100);
    }
  });
});
