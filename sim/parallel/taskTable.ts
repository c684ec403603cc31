// Builds a `TaskTable` from CSV text, for runners that format their rows with csv-stringify.
import type { TaskTable } from "./types.js";

const encoder = new TextEncoder();

/** Splits CSV text (header line, then rows, `\n` line ends) into a table. */
export function taskTableFromCsv(name: string, csv: string): TaskTable {
  const end = csv.indexOf("\n");
  if (end < 0) return { name, header: csv, rows: new Uint8Array(0) };
  return { name, header: csv.slice(0, end), rows: encoder.encode(csv.slice(end + 1)) };
}

/** A table from a header and the rows' text (each row ending with `\n`). */
export function taskTable(name: string, columns: readonly string[], rowsText: string): TaskTable {
  return { name, header: columns.join(","), rows: encoder.encode(rowsText) };
}
