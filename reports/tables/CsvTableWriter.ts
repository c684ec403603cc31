// Streaming CSV writer with a fixed column list, written atomically: rows go through csv-stringify
// into `name.tmp-<pid>`, which is renamed to `name` by `close()` (or removed by `abort()`).
import { createWriteStream, type WriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { once } from "node:events";
import { stringify, type Stringifier } from "csv-stringify";
import { formatCell, type CsvCell } from "./formatCell.js";
import { temporaryPath } from "./writeFileAtomic.js";

export type CsvRowObject = Readonly<Record<string, CsvCell>>;

export class CsvTableWriter {
  readonly path: string;
  readonly columns: readonly string[];
  private readonly tmp: string;
  private readonly stringifier: Stringifier;
  private readonly file: WriteStream;
  private readonly finished: Promise<void>;

  private constructor(path: string, columns: readonly string[]) {
    this.path = path;
    this.columns = columns;
    this.tmp = temporaryPath(path);
    this.stringifier = stringify({ header: true, columns: columns.map((key) => ({ key })), eof: true });
    this.file = createWriteStream(this.tmp);
    this.stringifier.pipe(this.file);
    this.finished = new Promise<void>((resolve, reject) => {
      this.file.on("finish", resolve);
      this.file.on("error", reject);
      this.stringifier.on("error", reject);
    });
    this.finished.catch(() => undefined); // surfaced by close()
  }

  /** Opens `path` for writing (under its temporary name) with the given header. */
  static open(path: string, columns: readonly string[]): CsvTableWriter {
    return new CsvTableWriter(path, columns);
  }

  /** Appends one row; absent keys are empty cells. Waits when the stream asks for back-pressure. */
  async write(row: CsvRowObject): Promise<void> {
    const cells: Record<string, string> = {};
    for (const column of this.columns) cells[column] = formatCell(row[column]);
    if (!this.stringifier.write(cells)) await once(this.stringifier, "drain");
  }

  /** Flushes, closes and renames the file to its final name. */
  async close(): Promise<void> {
    this.stringifier.end();
    await this.finished;
    await rename(this.tmp, this.path);
  }

  /** Stops writing and removes the temporary file. */
  async abort(): Promise<void> {
    this.stringifier.destroy();
    // The file opens asynchronously: wait until the stream has closed (and so has created the file, if it
    // was still opening) before removing it, or the open can land after the removal.
    if (!this.file.closed) {
      const closed = once(this.file, "close").catch(() => undefined);
      this.file.destroy();
      await closed;
    }
    await rm(this.tmp, { force: true });
  }
}

/** Writes a whole table atomically. */
export async function writeCsvAtomic(
  path: string,
  columns: readonly string[],
  rows: Iterable<CsvRowObject>,
): Promise<void> {
  const writer = CsvTableWriter.open(path, columns);
  try {
    for (const row of rows) await writer.write(row);
    await writer.close();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
