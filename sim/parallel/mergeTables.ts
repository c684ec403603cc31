// Final CSVs from part files: for each table, one header line and then every ok task's rows in task
// index order, streamed (memory stays flat however many tasks there are) into a temporary file that
// is renamed when complete. The bytes depend only on the records, never on completion order.
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { PartStore } from "./PartStore.js";
import type { TaskRecord } from "./TaskRecord.js";
import { temporaryName } from "./writeAtomic.js";

export class TableHeaderMismatchError extends Error {
  override readonly name = "TableHeaderMismatchError";
  readonly code = "TABLE_HEADER_MISMATCH";
}

/** Table names in order of first appearance over tasks in index order; checks headers agree. */
export function tableHeaders(records: readonly TaskRecord[]): Map<string, string> {
  const headers = new Map<string, string>();
  for (const record of records) {
    if (record.status !== "ok") continue;
    for (const table of record.tables) {
      const known = headers.get(table.name);
      if (known === undefined) headers.set(table.name, table.header);
      else if (known !== table.header) {
        throw new TableHeaderMismatchError(`table ${table.name}: task ${record.index} has header ${JSON.stringify(table.header)}, expected ${JSON.stringify(known)}`);
      }
    }
  }
  return headers;
}

/** Writes `<outDir>/<table>.csv` for every table; returns the table names written. */
export async function mergeTables(outDir: string, store: PartStore, records: readonly TaskRecord[]): Promise<string[]> {
  const sorted = [...records].sort((a, b) => a.index - b.index);
  const headers = tableHeaders(sorted);
  for (const [name, header] of headers) {
    const path = join(outDir, `${name}.csv`);
    const tmp = temporaryName(path);
    const out = createWriteStream(tmp);
    try {
      await write(out, `${header}\n`);
      for (const record of sorted) {
        if (record.status !== "ok" || !record.tables.some((t) => t.name === name)) continue;
        for await (const chunk of createReadStream(store.partPath(record.index, name))) await write(out, chunk as Buffer);
      }
      out.end();
      await once(out, "finish");
      await rename(tmp, path);
    } catch (err) {
      out.destroy();
      await rm(tmp, { force: true });
      throw err;
    }
  }
  return [...headers.keys()];
}

async function write(out: WriteStream, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, "drain");
}
