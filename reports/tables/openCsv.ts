// Streaming reader for the run's CSV tables (RFC 4180: quoted fields, doubled quotes, newlines
// inside quotes, LF or CRLF). Rows are read one at a time, so memory stays flat however large the
// table is. Records come in batches (one per 1 MiB chunk) so the per-row cost is a split, not a
// promise. Lines without a quote take a fast `split(",")` path.
import { createReadStream } from "node:fs";

export interface CsvTable {
  readonly path: string;
  /** Header names, in file order. */
  readonly columns: readonly string[];
  /** Index of a column, or -1 when the table does not have it. */
  column(name: string): number;
  /** The data rows (header excluded) in batches of whole records, each a list of cells. Iterate once. */
  batches(): AsyncGenerator<string[][]>;
  /** The same rows one at a time (convenient, slower than `batches`). Iterate once. */
  rows(): AsyncGenerator<string[]>;
}

/** Opens a CSV file and reads its header; `null` when the file is missing or empty. */
export async function openCsv(path: string): Promise<CsvTable | null> {
  const batches = readCsvBatches(path);
  let first: string[][] = [];
  try {
    for (;;) {
      const next = await batches.next();
      if (next.done) return null;
      if (next.value.length > 0) {
        first = next.value;
        break;
      }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const columns = first[0];
  const index = new Map(columns.map((name, i) => [name, i] as const));
  async function* allBatches(): AsyncGenerator<string[][]> {
    if (first.length > 1) yield first.slice(1);
    yield* batches;
  }
  const shared = allBatches();
  return {
    path,
    columns,
    column: (name) => index.get(name) ?? -1,
    batches: () => shared,
    rows: async function* () {
      for await (const batch of shared) yield* batch;
    },
  };
}

/** Every record of a CSV file, header included, in batches (one per chunk read from disk). */
export async function* readCsvBatches(path: string, chunkBytes = 1 << 20): AsyncGenerator<string[][]> {
  let carry = ""; // text after the last newline of the previous chunk
  let pending: string | null = null; // a record whose quoted field spans lines
  const input = createReadStream(path, { encoding: "utf8", highWaterMark: chunkBytes });
  const take = (line: string, out: string[][]) => {
    if (line.endsWith("\r")) line = line.slice(0, -1);
    const text: string = pending === null ? line : `${pending}\n${line}`;
    if (text.indexOf('"') < 0) {
      pending = null;
      if (text.length > 0) out.push(text.split(","));
      return;
    }
    const record = parseQuotedRecord(text);
    pending = record === null ? text : null;
    if (record !== null) out.push(record);
  };
  for await (const chunk of input as AsyncIterable<string>) {
    const text = carry + chunk;
    const lines = text.split("\n");
    carry = lines.pop()!;
    const out: string[][] = [];
    for (const line of lines) take(line, out);
    yield out;
  }
  const out: string[][] = [];
  if (carry.length > 0) take(carry, out);
  if (pending !== null) throw new Error(`${path}: unterminated quoted field at end of file`);
  if (out.length > 0) yield out;
}

/** Every record of a CSV file, header included, one at a time. */
export async function* readCsvRecords(path: string): AsyncGenerator<string[]> {
  for await (const batch of readCsvBatches(path)) yield* batch;
}

/** Parses one record that contains quotes; `null` when a quoted field is still open at the end. */
export function parseQuotedRecord(text: string): string[] | null {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  if (quoted) return null;
  cells.push(cell);
  return cells;
}
