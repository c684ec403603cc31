// `weights` / `bonds` of a `taosim.epoch/1` state: n rows of `[uid, u16]` entries, in stored order,
// converted to CSR. Each uid must be < n and appear at most once in its row.

import type { SparseU16 } from "../../models/consensus/types.js";
import type { EpochFieldReader } from "./epochFieldReader.js";

export const ENTRY_EXPECTED = "[uid, u16] with uid < n";
export const ROW_EXPECTED = "an array of [uid, u16] entries";

export function readSparseRows(reader: EpochFieldReader, key: string, value: unknown, n: number): SparseU16 {
  const rows = reader.vector(key, value, n, "rows of [uid, u16] entries");
  const rowPtr = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (!Array.isArray(row)) throw reader.error([key, i], ROW_EXPECTED);
    rowPtr[i + 1] = rowPtr[i] + row.length;
  }
  const total = rowPtr[n];
  const col = new Int32Array(total);
  const val = new Uint16Array(total);
  const seenInRow = new Int32Array(n); // row index + 1 of the last row that used each uid
  for (let i = 0; i < n; i++) {
    const row = rows[i] as unknown[];
    const start = rowPtr[i];
    for (let j = 0; j < row.length; j++) {
      const entry = row[j];
      if (!Array.isArray(entry) || entry.length !== 2) throw reader.error([key, i, j], ENTRY_EXPECTED);
      const uid = entry[0];
      const v = entry[1];
      // `x >>> 0 === x` holds exactly for integers 0..2^32-1 (numbers only); `x & 0xffff` likewise for u16.
      if (uid >>> 0 !== uid || uid >= n || (v & 0xffff) !== v) throw reader.error([key, i, j], ENTRY_EXPECTED);
      if (seenInRow[uid] === i + 1) {
        const first = row.findIndex((e) => (e as unknown[])[0] === uid);
        throw reader.error(
          [key, i, j],
          "[uid, u16] with a uid not already in this row",
          `${reader.doc.foundAt([...reader.base, key, i, j])} (uid ${uid} is also at ${key}[${i}][${first}])`,
        );
      }
      seenInRow[uid] = i + 1;
      col[start + j] = uid;
      val[start + j] = v;
    }
  }
  return { rowPtr, col, val };
}
