// Validates plain snapshot data (already parsed from JSON): the schema (every field's type, range,
// required and unknown keys), the stored rows, then the cross-field consistency. Returns the
// snapshot with every default filled in, or the user-facing text of every problem found.
import { issueTexts, type IssueText } from "../../scenarios/issueText.js";
import { checkSparseRows } from "./checkSparseRows.js";
import { snapshotConsistency } from "./snapshotConsistency.js";
import { snapshotDocumentSchema, snapshotSchema, type Snapshot } from "./snapshotSchema.js";

export type SnapshotDataCheck = { ok: true; snapshot: Snapshot } | { ok: false; problems: IssueText[] };

export function validateSnapshotData(raw: unknown): SnapshotDataCheck {
  const parsed = snapshotSchema.safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.flatMap((issue) => issueTexts(issue, raw, snapshotDocumentSchema));
  problems.push(...checkSparseRows(raw));
  // Cross-field rules only make sense once every field is well typed.
  if (problems.length === 0 && parsed.success) problems.push(...snapshotConsistency(parsed.data));
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, snapshot: parsed.data };
}
