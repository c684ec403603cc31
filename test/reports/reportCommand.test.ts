// `taosim report DIR`: rebuilds the report (exit 0) or refuses a folder that is not a complete run (exit 2).
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as reportCommand from "../../sim/cli/commands/report.js";
import type { CliContext } from "../../sim/cli/context.js";
import { main } from "../../sim/cli/main.js";
import { writeFixtureRun } from "./fixtureRun.js";

function captureContext(): { ctx: CliContext; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { ctx: { io: { writeOut: (t) => void out.push(t), writeErr: (t) => void err.push(t), readStdin: async () => "" } }, out, err };
}

describe("taosim report", () => {
  it("rebuilds report.html, charts and tables and names the report on stdout", async () => {
    const dir = writeFixtureRun();
    const { ctx, out, err } = captureContext();
    expect(await main(["report", dir], ctx, [reportCommand])).toBe(0);
    expect(err).toEqual([]);
    expect(out.join("")).toBe(`report: ${join(dir, "report.html")}\n`);
    for (const f of ["report.html", "summary.csv", "aggregate.csv", "charts/issuance.svg"]) expect(existsSync(join(dir, f))).toBe(true);
  });

  it("prints nothing with --quiet", async () => {
    const { ctx, out } = captureContext();
    expect(await main(["report", writeFixtureRun(), "--quiet"], ctx, [reportCommand])).toBe(0);
    expect(out).toEqual([]);
  });

  it("exits 2 for a folder without manifest.json, a missing folder and a file", async () => {
    const empty = mkdtempSync(join(tmpdir(), "taosim-notrun-"));
    const file = join(empty, "x.txt");
    writeFileSync(file, "x");
    for (const [dir, found] of [
      [empty, "no manifest.json (the run is missing or did not finish)"],
      [join(empty, "nope"), "nothing (no such directory)"],
      [file, "a file"],
    ]) {
      const { ctx, out, err } = captureContext();
      expect(await main(["report", dir], ctx, [reportCommand])).toBe(2);
      expect(out).toEqual([]);
      expect(err.join("")).toBe(`taosim: ${dir}: expected a complete run folder (a directory with manifest.json), found ${found}\n`);
    }
    expect(existsSync(join(empty, "report.html"))).toBe(false);
  });

  it("exits 2 for a study folder it cannot rebuild and writes no run files there", async () => {
    const dir = mkdtempSync(join(tmpdir(), "taosim-study-"));
    writeFileSync(join(dir, "manifest.json"), JSON.stringify({ format: "taosim.study/1" }));
    const { ctx, err } = captureContext();
    expect(await main(["report", dir], ctx, [reportCommand])).toBe(2);
    expect(err.join("")).toBe(`taosim: ${join(dir, "manifest.json")}: expected a built-in study name in \`study\`, found nothing\n`);
    expect(existsSync(join(dir, "summary.csv"))).toBe(false);
  });
});
