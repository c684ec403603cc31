// Runs the consensus-guarantees study at full resolution over a piscina pool and prints its timing.
//   npx tsx bench/studies/fullGuarantees.ts OUT_DIR [--workers 2] [--sigmas 0,0.2,0.4] [--penalties 0,0.5,1]
import { runStudy } from "../../sim/studies/index.js";
import { piscinaExecutor } from "./guaranteesBench.js";

const list = (name: string, fallback: number[]) => {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 ? process.argv[k + 1].split(",").map(Number) : fallback;
};
const outDir = process.argv[2];
const workers = list("workers", [2])[0];
const pool = piscinaExecutor(workers);
const t0 = performance.now();
let done = 0;
await runStudy("consensus-guarantees", {
  outDir,
  executor: pool.run,
  guarantees: { weightSigmas: list("sigmas", [0, 0.2, 0.4]), bondsPenalties: list("penalties", [0, 0.5, 1]) },
  onChunkDone: (t) => console.log(`chunk ${t.spec.index} (σ ${t.spec.weightSigma}, β ${t.spec.bondsPenalty}, S_H ${t.spec.honestStake}) done #${++done} at ${((performance.now() - t0) / 1000).toFixed(1)} s`),
});
await pool.close();
console.log(`total ${((performance.now() - t0) / 1000).toFixed(1)} s with ${workers} workers`);
