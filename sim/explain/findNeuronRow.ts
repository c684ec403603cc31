// Finds the neurons.csv row `taosim explain` explains (task, netuid, epoch, uid) in one streaming pass, and
// collects what exists (netuids, epochs, uids) so that a request for something absent can say so.
import { join } from "node:path";
import { openCsv } from "../../reports/tables/openCsv.js";
import { TaosimInputError } from "../cli/errors.js";
import { listOf } from "./runFolder.js";

export interface NeuronRow {
  epoch: number;
  columns: readonly string[];
  cells: string[];
}

/** The row of `uid` at `epoch` (default: the task's last epoch of that netuid), or an input error. */
export async function findNeuronRow(runDir: string, task: number, netuid: number, uid: number, epoch: number | undefined): Promise<NeuronRow> {
  const file = join(runDir, "neurons.csv");
  const table = await openCsv(file);
  if (table === null) throw new TaosimInputError({ file, path: "", expected: "neuron rows", found: "an empty neurons.csv", code: "cli-option" });
  const col = (name: string): number => {
    const i = table.column(name);
    if (i < 0) throw new TaosimInputError({ file, path: name, expected: `a column "${name}"`, found: "none", code: "cli-option" });
    return i;
  };
  const [cTask, cNet, cEpoch, cUid] = [col("task"), col("netuid"), col("epoch"), col("uid")];
  const taskText = String(task);
  const netuids = new Set<number>();
  const epochs = new Set<number>();
  const uidsAt = new Map<number, number>(); // epoch → uid count (max uid + 1)
  const rowsOfUid = new Map<number, string[]>();
  for await (const batch of table.batches())
    for (const cells of batch) {
      if (cells[cTask] !== taskText) continue;
      const net = Number(cells[cNet]);
      netuids.add(net);
      if (net !== netuid) continue;
      const e = Number(cells[cEpoch]);
      epochs.add(e);
      const u = Number(cells[cUid]);
      uidsAt.set(e, Math.max(uidsAt.get(e) ?? 0, u + 1));
      if (u === uid && (epoch === undefined || e === epoch)) rowsOfUid.set(e, cells);
    }
  const bad = (path: string, expected: string, found: string) => new TaosimInputError({ file: "<args>", path, expected, found, code: "cli-option" });
  if (netuids.size === 0) throw bad("--task", `a task with neuron rows in ${file}`, `task ${task} has none`);
  if (!netuids.has(netuid)) throw bad("--netuid", `a netuid with neuron rows in task ${task}: ${listOf([...netuids].sort((a, b) => a - b))}`, String(netuid));
  const sorted = [...epochs].sort((a, b) => a - b);
  const e = epoch ?? sorted[sorted.length - 1];
  if (!epochs.has(e)) throw bad("--epoch", `an epoch of netuid ${netuid} sampled in neurons.csv: ${listOf(sorted)}`, String(e));
  const row = rowsOfUid.get(e);
  if (row === undefined) throw bad("--uid", `a uid of netuid ${netuid} at epoch ${e}: 0 … ${(uidsAt.get(e) ?? 1) - 1}`, String(uid));
  return { epoch: e, columns: table.columns, cells: row };
}
