// The built-in studies from the command line: `taosim run <study>` (settings by --set, a worker pool
// with --workers N), `taosim list` and `taosim show` name them, `taosim report` rebuilds a study folder.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CliContext } from "../../sim/cli/context.js";
import { main } from "../../sim/cli/main.js";

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), "taosim-study-cli-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = { io: { writeOut: (t) => void out.push(t), writeErr: (t) => void err.push(t), readStdin: async () => "" } };
  const code = await main(args, ctx);
  return { code, out: out.join(""), err: err.join("") };
}

const csvLines = (file: string): string[] => readFileSync(file, "utf8").trimEnd().split("\n");
const SMALL_GRID = ["--set", "quick=true", "--set", "samples=3", "--set", "honestStakes=[0.6, 0.9]"];

describe("taosim run <study>", () => {
  it("runs yuma-cases on the chosen cases and variants into --out, with its report", async () => {
    const out = join(tempDir(), "yc");
    const r = await cli(["run", "yuma-cases", "--out", out, "--set", "cases=[case01, case02]", "--set", "variants=[yuma1, yuma3, chain]"]);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toMatch(new RegExp(`^${out}: study yuma-cases written \\(5 files, [0-9.]+ s\\)\\nreport: ${out}/report.html\\n$`));
    const lines = csvLines(join(out, "yuma-cases.csv"));
    expect(lines[0]).toBe("case,case_name,variant,validator_index,validator,base_validator,total_dividend_per_1000_tao,pct_vs_base");
    expect(lines.length - 1).toBe(2 * 3 * 3); // 2 cases × 3 variants × 3 validators
    expect(new Set(lines.slice(1).map((l) => l.split(",")[0]))).toEqual(new Set(["case01", "case02"]));
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ format: "taosim.study/1", study: "yuma-cases", seed: 0, params: { cases: ["case01", "case02"], variants: ["yuma1", "yuma3", "chain"] } });
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain("<h1>taosim study: yuma-cases</h1>");
  });

  it("runs a small consensus-guarantees grid: the same CSV bytes in-process and on a 2-worker pool", async () => {
    const a = join(tempDir(), "cg1");
    const b = join(tempDir(), "cg2");
    expect((await cli(["run", "consensus-guarantees", "--out", a, "--workers", "1", "--quiet", ...SMALL_GRID])).code).toBe(0);
    expect((await cli(["run", "consensus-guarantees", "--out", b, "--workers", "2", "--quiet", ...SMALL_GRID])).code).toBe(0);
    expect(csvLines(join(a, "retention.csv"))[0]).toBe("weight_sigma,bonds_penalty,honest_stake,honest_utility_needed");
    const retention = csvLines(join(a, "retention.csv")).slice(1).map((l) => l.split(","));
    expect(retention.map((r) => r.slice(0, 3))).toEqual([["0.4", "1", "0.6"], ["0.4", "1", "0.9"]]);
    expect(csvLines(join(a, "consensus-guarantees.csv")).length - 1).toBe(2 * 3 * 3);
    for (const f of ["consensus-guarantees.csv", "retention.csv"]) expect(readFileSync(join(b, f), "utf8")).toBe(readFileSync(join(a, f), "utf8"));
    expect(JSON.parse(readFileSync(join(a, "manifest.json"), "utf8")).params).toMatchObject({ samples: 3, honestStakes: [0.6, 0.9], weightSigmas: [0.4], bondsPenalties: [1] });
  });

  it("refuses unknown or invalid settings and scenario-only flags with exit 2, writing nothing", async () => {
    const out = join(tempDir(), "bad");
    const r = await cli(["run", "consensus-guarantees", "--out", out, "--set", "sample=3", "--set", "samples=1", "--set", "honestStakes=[1.5]"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe([
      'taosim: --set:1:1: sample: expected a setting of consensus-guarantees (did you mean "samples"?), found "sample"',
      "taosim: --set:2:9: samples: expected an integer ≥ 2, found 1",
      "taosim: --set:3:14: honestStakes: expected a non-empty list of numbers strictly between 0 and 1, found [1.5]",
    ].join("\n") + "\n");
    const shard = await cli(["run", "yuma-cases", "--out", out, "--shard", "0/2"]);
    expect(shard.code).toBe(2);
    expect(shard.err).toBe("taosim: <args>:1:1: --shard: expected no --shard, --resume or --queue for a built-in study, found --shard\n");
    expect(existsSync(out)).toBe(false);
  });
});

describe("taosim list / show with studies", () => {
  it("lists both studies after the scenarios, marked as studies", async () => {
    const r = await cli(["list"]);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split("\n");
    expect(lines.slice(-2).map((l) => l.split(/\s+/)[0])).toEqual(["yuma-cases", "consensus-guarantees"]);
    expect(lines.at(-1)).toMatch(/^consensus-guarantees {2}\(study\) The chain's consensus-guarantee Monte Carlo/);
    expect(lines.some((l) => l.startsWith("yuma-variants "))).toBe(true);
  });

  it("--json gives every entry its kind", async () => {
    const rows = JSON.parse((await cli(["list", "--json"])).out) as { name: string; description: string; kind: string }[];
    expect(rows.filter((x) => x.kind === "study").map((x) => x.name)).toEqual(["yuma-cases", "consensus-guarantees"]);
    expect(rows.find((x) => x.name === "yuma-cases")?.description).toMatch(/^The 22 synthetic Yuma cases/);
    expect(rows.find((x) => x.name === "default")?.kind).toBe("scenario");
  });

  it("show prints a study's description and settings", async () => {
    const r = await cli(["show", "consensus-guarantees"]);
    expect(r.code).toBe(0);
    expect(r.out.split("\n").slice(0, 3)).toEqual([
      "consensus-guarantees: built-in study",
      "The chain's consensus-guarantee Monte Carlo (512 neurons, 64 validators): honest emission vs honest stake and self-weights",
      "run: taosim run consensus-guarantees [--out DIR] [--seed N] [--workers N] [--set key=value]…",
    ]);
    expect(r.out).toContain("  samples: grid points per self-weight axis (≥ 2). Default 51.\n");
    expect((await cli(["show", "yuma-cases"])).out).toContain("  variants: variants to run (yuma1, yuma2, yuma2b, yuma2c, yuma3, yuma3-liquid, chain, chain-yuma3). Default all.\n");
  });
});

describe("taosim report <study folder>", () => {
  it("rebuilds the charts and report.html from the study's files, byte for byte", async () => {
    const out = join(tempDir(), "cg");
    expect((await cli(["run", "consensus-guarantees", "--out", out, "--workers", "1", "--quiet", ...SMALL_GRID])).code).toBe(0);
    const report = readFileSync(join(out, "report.html"), "utf8");
    const manifest = readFileSync(join(out, "manifest.json"), "utf8");
    rmSync(join(out, "report.html"));
    rmSync(join(out, "charts", "retention-sigma-0.4-penalty-1.svg"));
    const r = await cli(["report", out]);
    expect(r).toEqual({ code: 0, out: `report: ${join(out, "report.html")} (study consensus-guarantees)\n`, err: "" });
    expect(readFileSync(join(out, "report.html"), "utf8")).toBe(report);
    expect(readFileSync(join(out, "manifest.json"), "utf8")).toBe(manifest);
    expect(existsSync(join(out, "charts", "retention-sigma-0.4-penalty-1.svg"))).toBe(true);
  });

  it("exits 2 for a study manifest naming no built-in study", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "manifest.json"), JSON.stringify({ format: "taosim.study/1", study: "nope", files: [] }));
    const r = await cli(["report", dir]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`taosim: ${join(dir, "manifest.json")}: expected a built-in study name in \`study\`, found "nope"\n`);
  });
});
