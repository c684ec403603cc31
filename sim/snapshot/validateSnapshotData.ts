// Validates plain snapshot data (already parsed from JSON): the schema (every field's type, range,
// required and unknown keys), the stored rows, then the cross-field consistency. Returns the
// snapshot with every default filled in and its rows packed, or the user-facing text of every
// problem found.
import { issueTexts, type IssueText } from "../../scenarios/issueText.js";
import { checkSparseRows } from "./checkSparseRows.js";
import { PackedRow } from "./packedRow.js";
import { snapshotConsistency } from "./snapshotConsistency.js";
import { snapshotDocumentSchema, snapshotSchema, type Snapshot } from "./snapshotSchema.js";

export type SnapshotDataCheck = { ok: true; snapshot: Snapshot } | { ok: false; problems: IssueText[] };

export function validateSnapshotData(raw: unknown): SnapshotDataCheck {
  const parsed = snapshotSchema.safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.flatMap((issue) => issueTexts(issue, raw, snapshotDocumentSchema));
  problems.push(...checkSparseRows(raw));
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  for (const subnet of parsed.data.subnets) {
    for (const neuron of subnet.neurons) {
      if (!(neuron.weights instanceof PackedRow)) neuron.weights = PackedRow.from(neuron.weights);
      if (!(neuron.bonds instanceof PackedRow)) neuron.bonds = PackedRow.from(neuron.bonds);
    }
  }
  const snapshot = parsed.data as Snapshot;
  // Cross-field rules only make sense once every field is well typed.
  const crossField = snapshotConsistency(snapshot);
  return crossField.length > 0 ? { ok: false, problems: crossField } : { ok: true, snapshot };
}
