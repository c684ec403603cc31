// Start-up of the command line (issue 12 targets: `taosim --help` ≤ 0.3 s, `taosim quote …` ≤ 0.5 s wall):
// each case runs the built CLI in a fresh child process, as a user would, and reports wall time and the
// children's CPU time (user + sys, from /proc/self/stat on Linux; "-" elsewhere). On a busy machine the
// wall time includes waiting for a core; CPU time does not.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BenchRow } from "../common/benchRow.js";

const QUOTE = ["quote", "stake", "1000000000", "--tao-reserve", "1000000000000", "--alpha-reserve", "4000000000000"];

export const CLI_CASES: readonly { name: string; args: readonly string[] }[] = [
  { name: "--help", args: ["--help"] },
  { name: "quote stake", args: QUOTE },
];

/** The built CLI: dist/sim/cli/main.js, found from the compiled bench (dist/bench/cli) or its source (bench/cli). */
export function builtCliPath(): string {
  for (const rel of ["../../sim/cli/main.js", "../../dist/sim/cli/main.js"]) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error("taosim bench cli: no built CLI (dist/sim/cli/main.js); run `npm run build` first");
}

/** CPU seconds (user + sys) of this process's waited-for children, or null off Linux. */
export function childrenCpuSeconds(statText: string | null = readProcStat()): number | null {
  if (statText === null) return null;
  // Fields after the command name (which may hold spaces) start at field 3; cutime and cstime are fields 16 and 17.
  const rest = statText.slice(statText.lastIndexOf(")") + 2).split(" ");
  const cutime = Number(rest[13]);
  const cstime = Number(rest[14]);
  return Number.isFinite(cutime) && Number.isFinite(cstime) ? (cutime + cstime) / 100 : null; // USER_HZ = 100 on Linux
}

function readProcStat(): string | null {
  try {
    return readFileSync("/proc/self/stat", "utf8");
  } catch {
    return null;
  }
}

export async function benchCli(scale: number): Promise<BenchRow[]> {
  const cli = builtCliPath();
  const runs = Math.max(3, Math.round(20 * scale));
  const rows: BenchRow[] = [];
  for (const c of CLI_CASES) {
    const wall: number[] = [];
    const cpuBefore = childrenCpuSeconds();
    for (let i = 0; i < runs; i++) {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [cli, ...c.args], { stdio: ["ignore", "ignore", "pipe"] });
      wall.push(Number(process.hrtime.bigint() - t0) / 1000);
      if (r.status !== 0) throw new Error(`taosim ${c.args.join(" ")} exited ${r.status}: ${r.stderr?.toString()}`);
    }
    const cpuAfter = childrenCpuSeconds();
    wall.sort((a, b) => a - b);
    const median = wall[Math.floor(runs / 2)];
    rows.push(row(`${c.name} wall (${runs} runs)`, median, wall[Math.floor(runs * 0.9)]));
    if (cpuBefore !== null && cpuAfter !== null) {
      const mean = ((cpuAfter - cpuBefore) / runs) * 1e6; // 10 ms ticks: a mean over the runs, not a median
      rows.push(row(`${c.name} cpu user+sys (mean of ${runs})`, mean, mean));
    }
  }
  return rows;
}

function row(name: string, median: number, p90: number): BenchRow {
  const r = (x: number) => Math.round(x);
  return { suite: "cli", case: name, arith: null, validators: null, neurons: null, subnets: null, median_us: r(median), p90_us: r(p90), per_second: median > 0 ? Math.round(1e6 / median) : 0 };
}
