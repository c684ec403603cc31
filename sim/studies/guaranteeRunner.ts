// sim/parallel runner module for consensus-guarantee chunks: `runTask(spec)` reads the chunk from
// `spec.params.chunk` and the root seed from `spec.seed`, and returns one table `guarantee_chunk`
// whose rows are `h,c,ratio` with the ratio written as its shortest round-trip decimal (lossless, so
// any executor gives the inline executor's bits).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { GuaranteeChunkSpec } from "./studyDrivers.js";
import type { TaskResult, TaskSpec } from "../parallel/types.js";
import { executeGuaranteeTask } from "./guaranteeExecutor.js";

export const GUARANTEE_TABLE = "guarantee_chunk";
export const GUARANTEE_TABLE_HEADER = "h,c,ratio";

/** Path of this module for ExecutorOptions.runnerModule (the built .js, or the .ts source under tsx). */
export function guaranteeRunnerModulePath(): string {
  const js = fileURLToPath(new URL("./guaranteeRunner.js", import.meta.url));
  return existsSync(js) ? js : js.replace(/\.js$/, ".ts");
}

export async function runTask(spec: TaskSpec): Promise<TaskResult> {
  const chunk = spec.params.chunk as GuaranteeChunkSpec;
  const ratios = executeGuaranteeTask({ spec: chunk, seed: spec.seed });
  const n = chunk.samples;
  const lines: string[] = [];
  for (let h = 0; h < n; h++) for (let c = 0; c < n; c++) lines.push(`${h},${c},${String(ratios[h * n + c])}\n`);
  return { tables: [{ name: GUARANTEE_TABLE, header: GUARANTEE_TABLE_HEADER, rows: new TextEncoder().encode(lines.join("")) }] };
}

/** Reads a chunk's ratios back from its table rows. */
export function ratiosFromRows(rows: Uint8Array, samples: number): Float64Array {
  const out = new Float64Array(samples * samples);
  for (const line of new TextDecoder().decode(rows).split("\n")) {
    if (line === "") continue;
    const [h, c, r] = line.split(",");
    out[Number(h) * samples + Number(c)] = Number(r);
  }
  return out;
}
