// Reads a `taosim.snapshot/1` file: JSON with positions (sim/cli/jsonPositions.ts) → validation →
// the Snapshot, or a TaosimInputErrors listing every problem as `file:line:col: path: expected …,
// found …` (sorted by position). A missing or unreadable file is one such error (exit 2).
import { readFileSync } from "node:fs";
import { TaosimInputError, TaosimInputErrors } from "../cli/errors.js";
import { JsonDocument, parseJsonDocument } from "../cli/jsonPositions.js";
import { attachRows, extractRows } from "./extractRows.js";
import type { Snapshot } from "./snapshotSchema.js";
import { validateSnapshotData } from "./validateSnapshotData.js";

export const SNAPSHOT_ERROR_CODE = "snapshot";

export type SnapshotCheck = { ok: true; snapshot: Snapshot; doc: JsonDocument } | { ok: false; errors: TaosimInputError[] };

/** A valid snapshot read on the fast path (rows scanned into typed arrays), or null. */
function fastCheck(text: string, file: string): SnapshotCheck | null {
  const fast = extractRows(text);
  if (fast === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(fast.text);
  } catch {
    return null;
  }
  attachRows(value, fast.rows);
  const check = validateSnapshotData(value);
  return check.ok ? { ok: true, snapshot: check.snapshot, doc: new JsonDocument(file, text, value) } : null;
}

/** Checks snapshot text; never throws for bad input. */
export function checkSnapshotText(text: string, file: string): SnapshotCheck {
  const fast = fastCheck(text, file);
  if (fast !== null) return fast;
  let doc;
  try {
    doc = parseJsonDocument(text, file);
  } catch (err) {
    if (err instanceof TaosimInputError) return { ok: false, errors: [err] };
    throw err;
  }
  const check = validateSnapshotData(doc.value);
  if (check.ok) return { ok: true, snapshot: check.snapshot, doc };
  const errors = check.problems.map((p) =>
    doc.error(p.path, p.expected, p.found, { at: p.atKey ? "key" : "value", code: SNAPSHOT_ERROR_CODE }),
  );
  errors.sort((a, b) => a.line - b.line || a.col - b.col || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { ok: false, errors };
}

/** Checks a snapshot file; never throws for bad input. */
export function checkSnapshotFile(file: string): SnapshotCheck {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "unknown error";
    const found = code === "ENOENT" ? "no such file (ENOENT)" : code === "EISDIR" ? "a directory (EISDIR)" : code === "EACCES" ? "no permission to read it (EACCES)" : code;
    return { ok: false, errors: [new TaosimInputError({ file, expected: "a readable snapshot file", found, code: "file-read" })] };
  }
  return checkSnapshotText(text, file);
}

/** Loads a snapshot file or throws a TaosimInputErrors listing every problem. */
export function loadSnapshotFile(file: string): Snapshot {
  const check = checkSnapshotFile(file);
  if (!check.ok) throw new TaosimInputErrors(check.errors);
  return check.snapshot;
}

/** Loads snapshot text or throws a TaosimInputErrors listing every problem. */
export function loadSnapshotText(text: string, file: string): Snapshot {
  const check = checkSnapshotText(text, file);
  if (!check.ok) throw new TaosimInputErrors(check.errors);
  return check.snapshot;
}
