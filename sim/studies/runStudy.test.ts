import { afterAll, describe, expect, it } from "vitest";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runStudy } from "./runStudy.js";
import { executeGuaranteeTask, type GuaranteeExecutor } from "./guaranteeExecutor.js";
import { UnknownStudyError } from "./studyRegistry.js";

const dirs: string[] = [];
async function outDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), "taosim-study-"));
  dirs.push(d);
  return d;
}
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const REDUCED = { honestStakes: [0.6, 0.99], weightSigmas: [0.2], bondsPenalties: [1], samples: 3 };

function parseCsv(text: string): Record<string, string>[] {
  const [head, ...lines] = text.trimEnd().split("\n");
  const cols = head.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, k) => [cols[k], v])));
}

describe("runStudy consensus-guarantees", () => {
  it("writes sensible ratios on a reduced grid, the same bytes on a second run and with another executor", async () => {
    const a = await outDir();
    const result = await runStudy("consensus-guarantees", { outDir: a, guarantees: REDUCED, render: false });
    expect(result.files).toEqual([
      "consensus-guarantees.csv", "retention.csv", "charts/retention-sigma-0.2-penalty-1.vl.json", "manifest.json",
    ]);
    const grid = parseCsv(await readFile(join(a, "consensus-guarantees.csv"), "utf8"));
    expect(grid.length).toBe(2 * 3 * 3);
    for (const r of grid) {
      const ratio = Number(r.honest_emission_ratio);
      expect(ratio).toBeGreaterThanOrEqual(0);
      expect(ratio).toBeLessThanOrEqual(1);
    }
    for (const r of grid.filter((r) => r.honest_stake === "0.99" && r.honest_self_weight === "1")) {
      expect(Number(r.honest_emission_ratio)).toBeGreaterThanOrEqual(0.9);
    }
    // more honest self-weight never hurts the honest set when the cabal weights only itself
    const col = grid.filter((r) => r.honest_stake === "0.6" && r.cabal_self_weight === "1").map((r) => Number(r.honest_emission_ratio));
    expect(col[0]).toBeGreaterThan(col[1]);
    expect(col[1]).toBeGreaterThan(col[2]);
    const retention = await readFile(join(a, "retention.csv"), "utf8");
    expect(retention.split("\n")[0]).toBe("weight_sigma,bonds_penalty,honest_stake,honest_utility_needed");
    expect(parseCsv(retention).map((r) => r.honest_stake)).toEqual(["0.6", "0.99"]);

    const b = await outDir();
    const reversed: GuaranteeExecutor = async (tasks) => {
      const out = new Array<Float64Array>(tasks.length);
      for (let k = tasks.length - 1; k >= 0; k--) out[k] = executeGuaranteeTask(tasks[k]);
      return out;
    };
    await runStudy("consensus-guarantees", { outDir: b, guarantees: REDUCED, render: false, executor: reversed });
    for (const f of ["consensus-guarantees.csv", "retention.csv", "charts/retention-sigma-0.2-penalty-1.vl.json", "manifest.json"]) {
      expect(await readFile(join(b, f), "utf8")).toBe(await readFile(join(a, f), "utf8"));
    }
  });

  it("draws other networks with another seed", async () => {
    const a = await outDir();
    const b = await outDir();
    const one = { ...REDUCED, honestStakes: [0.6] };
    await runStudy("consensus-guarantees", { outDir: a, guarantees: one, render: false, seed: 1 });
    await runStudy("consensus-guarantees", { outDir: b, guarantees: one, render: false, seed: 2 });
    expect(await readFile(join(a, "consensus-guarantees.csv"), "utf8")).not.toBe(await readFile(join(b, "consensus-guarantees.csv"), "utf8"));
  });
});

describe("runStudy yuma-cases", () => {
  it("writes the totals table, its chart and SVG, report.html and a manifest listing them", async () => {
    const d = await outDir();
    const result = await runStudy("yuma-cases", { outDir: d, yumaCases: { cases: ["case01", "case04"] } });
    expect(result.warnings).toEqual([]);
    const rows = parseCsv(await readFile(join(d, "yuma-cases.csv"), "utf8"));
    expect(rows.length).toBe(2 * 8 * 3);
    expect(new Set(rows.map((r) => r.variant))).toEqual(new Set([
      "yuma1", "yuma2", "yuma2b", "yuma2c", "yuma3", "yuma3-liquid", "chain", "chain-yuma3",
    ]));
    const spec = JSON.parse(await readFile(join(d, "charts/yuma-cases.vl.json"), "utf8"));
    expect(spec.data.values.length).toBe(rows.length);
    expect((await readFile(join(d, "charts/yuma-cases.svg"), "utf8")).startsWith("<svg")).toBe(true);
    const manifest = JSON.parse(await readFile(join(d, "manifest.json"), "utf8"));
    expect(manifest.study).toBe("yuma-cases");
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual([
      "yuma-cases.csv", "charts/yuma-cases.vl.json", "charts/yuma-cases.svg", "report.html",
    ]);
    const html = await readFile(join(d, "report.html"), "utf8");
    expect(html).toContain("Total dividends per validator");
    expect(html).toContain("<svg");
    expect(html).not.toContain("<script");
    expect((await readdir(d)).some((f) => f.includes(".tmp-"))).toBe(false);
  });

  it("rejects an unknown study", async () => {
    await expect(runStudy("nope", { outDir: await outDir() })).rejects.toBeInstanceOf(UnknownStudyError);
  });
});
