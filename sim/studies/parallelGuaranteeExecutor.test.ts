import { afterAll, describe, expect, it } from "vitest";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createExecutor } from "../parallel/executors/index.js";
import { runStudy } from "./runStudy.js";
import { parallelGuaranteeExecutor } from "./parallelGuaranteeExecutor.js";
import { guaranteeRunnerModulePath, ratiosFromRows, runTask } from "./guaranteeRunner.js";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
const REDUCED = { honestStakes: [0.55, 0.9], weightSigmas: [0.4], bondsPenalties: [0.5], samples: 3 };

async function csvWith(executor?: ReturnType<typeof parallelGuaranteeExecutor>): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), "taosim-pge-"));
  dirs.push(d);
  await runStudy("consensus-guarantees", { outDir: d, guarantees: REDUCED, render: false, executor });
  return readFile(join(d, "consensus-guarantees.csv"), "utf8");
}

describe("consensus-guarantees over sim/parallel executors", () => {
  it("round-trips a chunk's ratios through its task table without losing bits", async () => {
    const chunk = { index: 0, honestStake: 0.6, weightSigma: 0.2, bondsPenalty: 1, samples: 2, replicates: 1, shape: { neurons: 512, validators: 64 } };
    const spec = { index: 0, point: 0, replicate: 0, seed: 5, params: { chunk }, scenario: { file: "x", source: "", sha256: "", rootSeed: 5, overrides: [] } };
    const result = await runTask(spec);
    const ratios = ratiosFromRows(result.tables[0].rows, 2);
    expect(ratios[0]).toBe(1); // W_H = W_C = 1
    const { executeGuaranteeTask } = await import("./guaranteeExecutor.js");
    expect(Array.from(ratios)).toEqual(Array.from(executeGuaranteeTask({ spec: chunk, seed: 5 })));
  });

  it("writes the same CSV bytes inline, through the inline executor and through a 2-thread piscina pool", async () => {
    const runnerModule = guaranteeRunnerModulePath();
    const reference = await csvWith();
    for (const name of ["inline", "piscina"] as const) {
      const executor = createExecutor(name, { runnerModule, workers: 2 });
      try {
        expect(await csvWith(parallelGuaranteeExecutor(executor))).toBe(reference);
      } finally {
        await executor.close();
      }
    }
  });
});
