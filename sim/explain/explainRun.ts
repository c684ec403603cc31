// `taosim explain` end to end: read the run folder, find the neurons.csv row, re-run the task to that epoch
// with the trace on, check that the re-run reproduces the row cell for cell, and derive the explanation.
import { join } from "node:path";
import { formatCell } from "../../reports/tables/formatCell.js";
import { explainNeuron, type Explanation } from "./explainNeuron.js";
import { findNeuronRow } from "./findNeuronRow.js";
import { rerunToEpoch } from "./rerunToEpoch.js";
import { readRunManifest, resolveTask } from "./runFolder.js";
import type { ExplainHeading } from "./formatExplanation.js";
import type { ColumnTable } from "../run/ColumnTable.js";

export interface ExplainRequest {
  runDir: string;
  netuid: number;
  uid: number;
  epoch?: number;
  task?: number;
}

export interface RowMismatch {
  column: string;
  csv: string;
  rerun: string;
}

export interface ExplainOutcome {
  heading: ExplainHeading;
  /** The neurons.csv row explained, by column. */
  row: Record<string, string>;
  /** Cells where the re-run differs from neurons.csv (empty: reproduced). */
  mismatches: RowMismatch[];
  explanation: Explanation;
}

export async function explainRun(req: ExplainRequest): Promise<ExplainOutcome> {
  const manifest = readRunManifest(req.runDir);
  const task = resolveTask(manifest, join(req.runDir, "manifest.json"), req.task);
  const found = await findNeuronRow(req.runDir, task.spec.index, req.netuid, req.uid, req.epoch);
  const cap = rerunToEpoch(task, req.netuid, found.epoch);
  const row = Object.fromEntries(found.columns.map((c, i) => [c, found.cells[i]]));
  const rerun = rerunRow(cap.run.tables.neurons, req.netuid, found.epoch, req.uid);
  const mismatches: RowMismatch[] = [];
  for (const c of found.columns) {
    const got = rerun === null ? "(no row)" : (rerun.get(c) ?? "(no column)");
    if (got !== row[c]) mismatches.push({ column: c, csv: row[c], rerun: got });
  }
  return {
    heading: { task: task.spec.index, netuid: req.netuid, epoch: found.epoch, hotkey: row.hotkey ?? "", role: row.role ?? "", csvAlphaStake: row.alpha_stake },
    row,
    mismatches,
    explanation: explainNeuron(cap.trace, cap.input, cap.output, req.uid),
  };
}

/** The re-run's neurons row for (netuid, epoch, uid), cells spelled as in the CSV (it is among the last rows). */
function rerunRow(t: ColumnTable, netuid: number, epoch: number, uid: number): Map<string, string> | null {
  const [cNet, cEpoch, cUid] = ["netuid", "epoch", "uid"].map((c) => t.names.indexOf(c));
  for (let r = t.rows - 1; r >= 0; r--) {
    if (t.cell(r, cNet) === netuid && t.cell(r, cEpoch) === epoch && t.cell(r, cUid) === uid)
      return new Map(t.names.map((name, c) => [name, formatCell(t.cell(r, c))]));
  }
  return null;
}
