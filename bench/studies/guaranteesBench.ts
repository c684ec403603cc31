// Timing of the consensus-guarantee study: CPU time per chain-exact epoch on one thread, and wall time
// of a grid over a piscina pool. Usage (from the repo root):
//   npx tsx bench/studies/guaranteesBench.ts [--samples 51] [--stakes 11] [--workers 2] [--inline-chunks 1]
// Writes bench/results/studies-guarantees.csv. Not imported by the product.
import { mkdir, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { Piscina } from "piscina";
import { GUARANTEE_DEFAULTS, planGuaranteeChunks } from "../../sim/studies/studyDrivers.js";
import { executeGuaranteeTask, type GuaranteeExecutor, type GuaranteeTask } from "../../sim/studies/guaranteeExecutor.js";

function arg(name: string, fallback: number): number {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 ? Number(process.argv[k + 1]) : fallback;
}

/** A piscina executor over sim/studies/guaranteeWorker.ts (workers load TypeScript through tsx). */
export function piscinaExecutor(workers: number): { run: GuaranteeExecutor; close: () => Promise<void> } {
  const pool = new Piscina({
    filename: new URL("../../sim/studies/guaranteeWorker.ts", import.meta.url).href,
    minThreads: workers, maxThreads: workers, execArgv: ["--import", "tsx"],
  });
  return {
    run: (tasks, onDone) => Promise.all(tasks.map(async (t) => {
      const r = (await pool.run(t)) as Float64Array;
      onDone?.(t);
      return r;
    })),
    close: () => pool.destroy(),
  };
}

async function main(): Promise<void> {
  const samples = arg("samples", 51);
  const stakes = arg("stakes", 11);
  const workers = arg("workers", 2);
  const inlineChunks = arg("inline-chunks", 1);
  const params = { ...GUARANTEE_DEFAULTS, samples, honestStakes: GUARANTEE_DEFAULTS.honestStakes.slice(0, stakes), weightSigmas: [0.4], bondsPenalties: [1] };
  const tasks: GuaranteeTask[] = planGuaranteeChunks(params).map((spec) => ({ spec, seed: 0 }));
  const epochsPerChunk = samples * samples;
  const rows: string[] = ["case,workers,epochs,wall_ms,cpu_ms,ms_per_epoch"];

  // one thread: CPU time (user + system) per epoch, robust to other load on the machine
  const pick = tasks.slice(0, inlineChunks);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const t of pick) executeGuaranteeTask(t);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const n1 = pick.length * epochsPerChunk;
  rows.push(`inline,1,${n1},${wall.toFixed(0)},${cpuMs.toFixed(0)},${(cpuMs / n1).toFixed(3)}`);
  console.log(`inline: ${n1} epochs, wall ${wall.toFixed(0)} ms, cpu ${cpuMs.toFixed(0)} ms → ${(cpuMs / n1).toFixed(2)} ms/epoch (cpu)`);

  if (workers > 0) {
    const pool = piscinaExecutor(workers);
    const t1 = performance.now();
    await pool.run(tasks);
    const wallPool = performance.now() - t1;
    await pool.close();
    const n = tasks.length * epochsPerChunk;
    rows.push(`piscina,${workers},${n},${wallPool.toFixed(0)},,${(wallPool / n).toFixed(3)}`);
    console.log(`piscina ×${workers}: ${n} epochs in ${(wallPool / 1000).toFixed(1)} s (${cpus().length} cores on this machine)`);
  }
  await mkdir("bench/results", { recursive: true });
  await writeFile("bench/results/studies-guarantees.csv", rows.join("\n") + "\n");
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
