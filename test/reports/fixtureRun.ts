// Small hand-made run folders for the report tests: a handful of rows whose metrics can be
// computed by hand (see buildReport.test.ts for the expected values).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface FixtureOptions {
  name?: string;
  question?: string;
  netuids?: number[];
  /** kappa per sweep point. */
  kappas?: number[];
  replicates?: number;
  /** Copier validator emission per epoch, by task index (honest validators get 40 each). */
  copierEmission?: number[];
  /** Parameters of each sweep point (default: kappa only). */
  pointParams?: (point: number, kappa: number) => Record<string, unknown>;
  /** Task indices that failed (no rows in the tables). */
  failed?: number[];
}

const NEURON_COLUMNS = "task,point,replicate,netuid,epoch,block,uid,hotkey,role,stake_weight,consensus,incentive,dividends,validator_trust,server_emission,validator_emission,true_quality";
const SUBNET_COLUMNS = "task,point,replicate,netuid,block,price,tao_reserve,alpha_reserve,alpha_outstanding,tao_in_total,alpha_in_total,owner_alpha_total,miner_alpha_total,validator_alpha_total,root_alpha_total,recycled_alpha_total,registrations_total,burn";
const CHAIN_COLUMNS = "task,point,replicate,block,total_issuance,block_emission,total_stake,free_balance_total";

/** Miner incentives per epoch: means 0.5, 0.25, 0.25 for qualities 0.9, 0.5, 0.1. */
const MINERS = [
  { uid: 3, hotkey: "m3", quality: 0.9, incentive: [0.5, 0.5] },
  { uid: 4, hotkey: "m4", quality: 0.5, incentive: [0.3, 0.2] },
  { uid: 5, hotkey: "m5", quality: 0.1, incentive: [0.2, 0.3] },
];

export function writeFixtureRun(o: FixtureOptions = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "taosim-report-"));
  const netuids = o.netuids ?? [1];
  const kappas = o.kappas ?? [16384, 32767];
  const replicates = o.replicates ?? 2;
  const failed = new Set(o.failed ?? [3]);
  const neurons = [NEURON_COLUMNS];
  const subnets = [SUBNET_COLUMNS];
  const chain = [CHAIN_COLUMNS];
  const tasks: unknown[] = [];
  let task = 0;
  kappas.forEach((kappa, point) => {
    for (let replicate = 0; replicate < replicates; replicate++, task++) {
      const params = o.pointParams?.(point, kappa) ?? { "subnets[0].hyperparameters.kappa": kappa };
      const ok = !failed.has(task);
      tasks.push({ index: task, point, replicate, seed: String(1000 + task), params, status: ok ? "ok" : "failed", ...(ok ? { sha256: "ab".repeat(32) } : { error: "Error: <b>boom</b> on purpose" }) });
      if (!ok) continue;
      const copier = o.copierEmission?.[task] ?? 18;
      const c = `${task},${point},${replicate}`;
      for (const netuid of netuids) {
        [0, 1].forEach((epoch) => {
          const block = 360 * (epoch + 1);
          const e = `${c},${netuid},${epoch},${block}`;
          neurons.push(`${e},0,v0,validator:honest,400,0,0,0.4,1,0,40,`);
          neurons.push(`${e},1,v1,validator:honest,400,0,0,0.4,1,0,40,`);
          neurons.push(`${e},2,v2,validator:copier,200,0,0,0.2,1,0,${copier},`);
          for (const m of MINERS) neurons.push(`${e},${m.uid},${m.hotkey},miner,0,0.5,${m.incentive[epoch]},0,0,${m.incentive[epoch] * 100},0,${m.quality}`);
          neurons.push(`${e},6,"owner, ""the"" one",owner,0,0,0,0,0,0,0,`);
          neurons.push(`${e},7,,empty,0,0,0,0,0,0,0,`); // an unoccupied slot: not a neuron
        });
        [1, 2].forEach((k) => {
          const block = 360 * k;
          const price = 1 + 0.1 * (k - 1) + 0.01 * task + 0.5 * (netuid - 1);
          subnets.push(`${c},${netuid},${block},${price},${1e12 * (1 + 0.1 * (k - 1))},${1e12},${2e12},${netuid * 1e11 * k},${1e11 * k},${18 * k},${41 * k},${41 * k},0,0,0,1000000000`);
        });
      }
      for (const block of [360, 720]) chain.push(`${c},${block},${1e15 + block * 1e9},1000000000,${5e14},${1e14}`);
    }
  });
  const manifest = {
    format: "taosim.manifest/1",
    scenario: { name: o.name ?? "fixture", sha256: "cd".repeat(32), description: "A hand-made run for the report tests.", question: o.question ?? "Do weight copiers earn more than honest validators?" },
    seed: 42,
    versions: { taosim: "0.1.0", node: "v20.0.0" },
    points: kappas.map((kappa, index) => ({ index, params: o.pointParams?.(index, kappa) ?? { "subnets[0].hyperparameters.kappa": kappa } })),
    tasks,
  };
  writeFileSync(join(dir, "neurons.csv"), neurons.join("\n") + "\n");
  writeFileSync(join(dir, "subnets.csv"), subnets.join("\n") + "\n");
  writeFileSync(join(dir, "chain.csv"), chain.join("\n") + "\n");
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
  return dir;
}
