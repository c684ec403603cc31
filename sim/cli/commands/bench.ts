// `taosim bench [consensus|economy|pool|engine|workers|cli|all] [--json] [--scale x]`: runs benchmark suites,
// prints a table (or the rows as JSON) and writes bench/results/<suite>.csv. Timings are never asserted.

import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import type { BenchRow } from "../../../bench/common/benchRow.js";
import type { CliContext } from "../context.js";
import { TaosimInputError } from "../errors.js";

type Suite = (scale: number) => Promise<BenchRow[]>;

/** Suites by name, loaded on demand so a missing optional suite never slows the CLI down. */
const SUITES: Record<string, () => Promise<Suite>> = {
  consensus: async () => (await import("../../../bench/consensus/consensusBench.js")).benchConsensus,
  economy: async () => (await import("../../../bench/economy/economyBench.js")).benchEconomy as Suite,
  pool: async () => (await import("../../../bench/pool/poolBench.js")).benchPool as Suite,
  engine: async () => (await import("../../../bench/engine/engineBench.js")).benchEngine as Suite,
  workers: async () => (await import("../../../bench/workers/workersBench.js")).benchWorkers as Suite,
  cli: async () => (await import("../../../bench/cli/cliBench.js")).benchCli,
};

export const BENCH_SUITES = Object.keys(SUITES);

const COLUMNS: (keyof BenchRow)[] = ["suite", "case", "arith", "validators", "neurons", "subnets", "median_us", "p90_us", "per_second"];

export function register(program: Command, ctx: CliContext): void {
  program
    .command("bench")
    .description("run benchmarks; table on stdout, CSV under bench/results/")
    .argument("[suite]", `${BENCH_SUITES.join("|")}|all`, "all")
    .option("--json", "print the rows as a JSON array")
    .option("--scale <x>", "fraction of the default iterations (e.g. 0.1 for a quick look)", "1")
    .action(async (suite: string, opts: { json?: boolean; scale: string }) => {
      const names = suite === "all" ? BENCH_SUITES : [suite];
      if (!names.every((s) => s in SUITES)) {
        throw new TaosimInputError({ file: "<args>", line: 1, col: 1, path: "suite", expected: `one of ${BENCH_SUITES.join(", ")}, all`, found: JSON.stringify(suite) });
      }
      const scale = Number(opts.scale);
      if (!(scale > 0 && scale <= 100)) {
        throw new TaosimInputError({ file: "<args>", line: 1, col: 1, path: "--scale", expected: "a number in (0, 100]", found: JSON.stringify(opts.scale) });
      }
      const all: BenchRow[] = [];
      for (const name of names) {
        const run = await SUITES[name]();
        const rows = await run(scale);
        writeResults(name, rows);
        all.push(...rows);
        if (!opts.json) ctx.io.writeOut(formatTable(rows));
      }
      if (opts.json) ctx.io.writeOut(`${JSON.stringify(all)}\n`);
    });
}

/** A fixed-width table of the rows. */
export function formatTable(rows: BenchRow[]): string {
  const cells = rows.map((r) => COLUMNS.map((c) => (r[c] === null ? "-" : String(r[c]))));
  const widths = COLUMNS.map((c, k) => Math.max(c.length, ...cells.map((row) => row[k].length)));
  const line = (vals: string[]) => vals.map((v, k) => (k <= 2 ? v.padEnd(widths[k]) : v.padStart(widths[k]))).join("  ");
  return `${[line(COLUMNS as string[]), ...cells.map(line)].join("\n")}\n\n`;
}

function writeResults(suite: string, rows: BenchRow[]): void {
  const dir = join(process.cwd(), "bench", "results");
  mkdirSync(dir, { recursive: true });
  const csv = [COLUMNS.join(","), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(","))].join("\n") + "\n";
  const file = join(dir, `${suite}.csv`);
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, csv);
  renameSync(tmp, file);
}

function csvCell(v: string | number | null): string {
  if (v === null) return "";
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
