// End-to-end: a hand-made run folder → summary.csv, aggregate.csv, charts/, report.html.
// Fixture (fixtureRun.ts), task 0: validators v0, v1 honest (stake 400, 40 rao per epoch each),
// v2 copier (stake 200, 18 per epoch); miners m3, m4, m5 (quality 0.9, 0.5, 0.1; incentive means
// 0.5, 0.25, 0.25; server emission = 100 × incentive); an owner with nothing; 2 epochs.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReport } from "../../reports/buildReport.js";
import { openCsv } from "../../reports/tables/openCsv.js";
import { writeFixtureRun } from "./fixtureRun.js";

async function csvObjects(path: string): Promise<Record<string, string>[]> {
  const t = (await openCsv(path))!;
  const out: Record<string, string>[] = [];
  for await (const r of t.rows()) out.push(Object.fromEntries(t.columns.map((c, i) => [c, r[i]])));
  return out;
}

function hashFolder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const f of readdirSync(join(dir, sub), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const rel = sub ? `${sub}/${f.name}` : f.name;
      if (f.isDirectory()) walk(rel);
      else out[rel] = createHash("sha256").update(readFileSync(join(dir, rel))).digest("hex");
    }
  };
  walk("");
  return out;
}

describe("buildReport on a two-point sweep with a failed task", () => {
  let dir: string;
  beforeAll(async () => {
    dir = writeFixtureRun({ name: "<script>alert(1)</script>", copierEmission: [18, 20, 16], failed: [3] });
    await buildReport(dir, { quiet: true });
  });

  it("writes one summary row per task with hand-computed metrics", async () => {
    const rows = await csvObjects(join(dir, "summary.csv"));
    expect(rows.map((r) => [r.task, r.point, r.replicate, r.status])).toEqual([
      ["0", "0", "0", "ok"], ["1", "0", "1", "ok"], ["2", "1", "0", "ok"], ["3", "1", "1", "failed"],
    ]);
    const t0 = rows[0];
    expect(t0["subnets[0].hyperparameters.kappa"]).toBe("16384");
    // stake [400, 400, 200]: 2·(1·200 + 2·400 + 3·400)/(3·1000) − 4/3 = 2/15
    expect(Number(t0.stake_gini)).toBeCloseTo(2 / 15, 11);
    expect(t0.stake_nakamoto).toBe("2");
    // emission by hotkey [80, 80, 36, 100, 50, 50, 0]: 2·2002/(7·396) − 8/7
    expect(Number(t0.emission_gini)).toBeCloseTo((2 * 2002) / (7 * 396) - 8 / 7, 11);
    expect(t0.emission_nakamoto).toBe("3"); // 100 + 80 + 80 = 260 > 198
    // incentive ranks [3, 1.5, 1.5] vs quality ranks [3, 2, 1]: 1.5/√(1.5·2)
    expect(Number(t0.quality_spearman)).toBeCloseTo(1.5 / Math.sqrt(3), 11);
    expect(Number(t0.dividend_ratio_copier)).toBeCloseTo(0.9, 12); // (36/400)/(160/1600)
    expect([t0.emission_share_owner, t0.emission_share_miners, t0.emission_share_validators, t0.emission_share_root]).toEqual(["0.18", "0.41", "0.41", "0"]);
    expect(t0.issued).toBe("360000000000"); // 360 blocks × 1 TAO
    expect(t0.price_final).toBe("1.1");
    expect(rows[3].stake_gini).toBe("");
  });

  it("writes one aggregate row per sweep point with replicate quantiles", async () => {
    const rows = await csvObjects(join(dir, "aggregate.csv"));
    expect(rows.map((r) => [r.point, r.tasks, r.failed])).toEqual([["0", "2", "0"], ["1", "2", "1"]]);
    // copier ratios 0.9 and 1.0: mean 0.95, p05 = 0.9 + 0.05·0.1, p95 = 0.9 + 0.95·0.1
    expect(Number(rows[0].dividend_ratio_copier_mean)).toBeCloseTo(0.95, 12);
    expect(Number(rows[0].dividend_ratio_copier_p05)).toBeCloseTo(0.905, 12);
    expect(Number(rows[0].dividend_ratio_copier_p50)).toBeCloseTo(0.95, 12);
    expect(Number(rows[0].dividend_ratio_copier_p95)).toBeCloseTo(0.995, 12);
    expect(Number(rows[1].dividend_ratio_copier_mean)).toBeCloseTo(0.8, 12);
    expect(rows[1].dividend_ratio_copier_p05).toBe(rows[1].dividend_ratio_copier_p95);
  });

  it("writes each chart as Vega-Lite, SVG and PNG", () => {
    const files = readdirSync(join(dir, "charts"));
    for (const name of ["issuance", "price", "tao-reserve", "dividend-ratio-over-time", "dividend-ratios", "incentive-vs-quality", "emission-share", "sweep-dividend-ratio-copier"])
      for (const ext of [".vl.json", ".svg", ".png"]) expect(files).toContain(name + ext);
    expect(files.some((f) => f.includes(".tmp-"))).toBe(false);
    const png = readFileSync(join(dir, "charts", "price.png"));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
  });

  it("writes a self-contained, escaped report.html", () => {
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|<img|<iframe|@import|url\(/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Error: &lt;b&gt;boom&lt;/b&gt; on purpose");
    expect(html).toContain("Do weight copiers earn more than honest validators?");
    expect(html).toContain("Dividends per unit of stake of &quot;copier&quot; validators relative to honest validators (1× = parity): 0.95× (5–95 % over 2 replicates: 0.905× to 0.995×) at kappa=16384 and 0.8× at kappa=32767.");
    expect((html.match(/<figure /g) ?? []).length).toBe(readdirSync(join(dir, "charts")).filter((f) => f.endsWith(".svg")).length);
  });

  it("gives byte-identical files when rebuilt, and removes only charts of its own it no longer draws", async () => {
    const before = hashFolder(dir);
    writeFileSync(join(dir, "charts", "sweep-old-metric.svg"), "<svg/>");
    writeFileSync(join(dir, "charts", "notes.svg"), "<svg/>");
    await buildReport(dir, { quiet: true });
    expect(existsSync(join(dir, "charts", "sweep-old-metric.svg"))).toBe(false);
    expect(existsSync(join(dir, "charts", "notes.svg"))).toBe(true);
    const after = hashFolder(dir);
    delete after["charts/notes.svg"];
    expect(after).toEqual(before);
  });
});

describe("buildReport on a multi-subnet run", () => {
  it("draws price, reserve and emission-share paths per subnet", async () => {
    const dir = writeFixtureRun({ netuids: [1, 2, 3], kappas: [32767], failed: [] });
    await buildReport(dir, { quiet: true });
    const files = readdirSync(join(dir, "charts"));
    for (const name of ["subnet-price", "subnet-tao-reserve", "subnet-emission-share"]) expect(files).toContain(`${name}.svg`);
    const spec = JSON.parse(readFileSync(join(dir, "charts", "subnet-emission-share.vl.json"), "utf8"));
    // tao_in_total = netuid × 1e11 × k: shares 1/6, 2/6, 3/6 at every block
    const shares = spec.data.values.filter((v: { block: number }) => v.block === 720).map((v: { line: string; mean: number }) => [v.line, v.mean]);
    expect(shares).toEqual([["netuid 1", 0.166667], ["netuid 2", 0.333333], ["netuid 3", 0.5]]);
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html).toContain("<li>Validators following the &quot;copier&quot; strategy earned 0.9× the dividends per unit of stake of honest validators (1× = parity).</li>");
    expect(html).toContain("<li>Emission went 41 % to miners, 41 % to validators, 18 % to subnet owners and 0 % to root.</li>");
    // per-subnet ρ: incentive ranks [3, 1.5, 1.5] vs quality [3, 2, 1] on each of the 3 subnets
    expect(html).toContain(`<li>Miners&#39; incentive tracks their true quality with Spearman ρ = 0.866.</li>`);
  });

  it("draws a heatmap when two parameters vary across the sweep", async () => {
    const dir = writeFixtureRun({
      kappas: [1, 2, 3, 4],
      replicates: 1,
      failed: [],
      copierEmission: [18, 20, 16, 14],
      pointParams: (point) => ({ "subnets[0].hyperparameters.kappa": 16384 * (1 + (point % 2)), "subnets[0].hyperparameters.yuma3": point >= 2 }),
    });
    await buildReport(dir, { quiet: true });
    const spec = JSON.parse(readFileSync(join(dir, "charts", "sweep-dividend-ratio-copier.vl.json"), "utf8"));
    expect(spec.mark).toBe("rect");
    // copier per-epoch emission 18, 20, 16, 14 against honest 0.1 per unit stake: ratios 0.9, 1, 0.8, 0.7
    expect(spec.data.values).toEqual([
      { x: 16384, y: false, mean: 0.9 }, { x: 32768, y: false, mean: 1 }, { x: 16384, y: true, mean: 0.8 }, { x: 32768, y: true, mean: 0.7 },
    ]);
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html).toContain("Across 4 sweep points, the copier dividends per stake ÷ honest ranged from 0.7 (kappa=32768, yuma3=true) to 1 (kappa=32768, yuma3=false).");
  });

  it("reports a run folder that has a manifest but no tables", async () => {
    const dir = writeFixtureRun();
    const { rmSync } = await import("node:fs");
    for (const f of ["neurons.csv", "subnets.csv", "chain.csv"]) rmSync(join(dir, f));
    await buildReport(dir, { quiet: true });
    expect(readFileSync(join(dir, "summary.csv"), "utf8").split("\n")[0]).toBe("task,point,replicate,seed,status,subnets[0].hyperparameters.kappa");
    expect(readdirSync(join(dir, "charts"))).toEqual([]);
    expect(readFileSync(join(dir, "report.html"), "utf8")).toContain("there is nothing to measure");
  });

  it("refuses a folder without manifest.json", async () => {
    const dir = writeFixtureRun();
    const { rmSync } = await import("node:fs");
    rmSync(join(dir, "manifest.json"));
    await expect(buildReport(dir, { quiet: true })).rejects.toMatchObject({ code: "MANIFEST_MISSING" });
  });
});
