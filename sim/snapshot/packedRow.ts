// A stored sparse row (Weights / Bonds) packed in typed arrays: entry j is (uids[j], values[j]), in
// stored order. A validated Snapshot holds its rows this way (millions of entries on a real network).
import type { SparseRowInput } from "./snapshotFields.js";

export class PackedRow {
  constructor(
    readonly uids: Uint16Array,
    readonly values: Uint16Array,
  ) {}

  get length(): number {
    return this.uids.length;
  }

  /** The row as `[uid, u16]` pairs (for tests and writers). */
  entries(): [number, number][] {
    return Array.from(this.uids, (uid, j) => [uid, this.values[j]]);
  }

  /** Packs a row of already validated `[uid, u16]` pairs. */
  static from(row: SparseRowInput): PackedRow {
    const uids = new Uint16Array(row.length);
    const values = new Uint16Array(row.length);
    for (let j = 0; j < row.length; j++) {
      uids[j] = row[j][0];
      values[j] = row[j][1];
    }
    return new PackedRow(uids, values);
  }
}
