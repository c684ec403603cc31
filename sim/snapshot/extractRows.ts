// Fast path of the snapshot loader: JSON.parse of millions of `[uid, u16]` pairs costs seconds
// (one small array each), so the rows of `"weights"` / `"bonds"` keys are scanned straight into
// typed arrays and replaced in the text by a placeholder string before the (now small) text is
// parsed. Only plain rows are taken (digits, no sign, each value ≤ 65535); on anything unusual
// the whole text goes to the ordinary path, and a document that fails validation on this path is
// re-read on the ordinary one for its messages. So this module never decides what is valid.
import { PackedRow } from "./packedRow.js";

/** A placeholder's first character (the text `\u0001`; a document that already contains it is not taken here). */
export const ROW_PLACEHOLDER_MARK = "\u0001";

export interface ExtractedRows {
  /** The text with every extracted row replaced by `"\u0001<index>"`. */
  text: string;
  rows: PackedRow[];
}

const enum Ch { Tab = 9, Lf = 10, Cr = 13, Space = 32, Quote = 34, Comma = 44, Zero = 48, Nine = 57, Colon = 58, Open = 91, Backslash = 92, Close = 93 }

class Bail extends Error {}
const BAIL = new Bail();

class RowPool {
  uids = new Uint16Array(1 << 16);
  values = new Uint16Array(1 << 16);
  count = 0;
  starts: number[] = [];

  push(uid: number, value: number): void {
    if (this.count === this.uids.length) {
      const uids = new Uint16Array(this.count * 2);
      const values = new Uint16Array(this.count * 2);
      uids.set(this.uids);
      values.set(this.values);
      this.uids = uids;
      this.values = values;
    }
    this.uids[this.count] = uid;
    this.values[this.count++] = value;
  }

  rows(): PackedRow[] {
    const ends = [...this.starts.slice(1), this.count];
    return this.starts.map((s, i) => new PackedRow(this.uids.subarray(s, ends[i]), this.values.subarray(s, ends[i])));
  }
}

function skipWs(t: string, p: number): number {
  for (;;) {
    const c = t.charCodeAt(p);
    if (c !== Ch.Space && c !== Ch.Lf && c !== Ch.Cr && c !== Ch.Tab) return p;
    p++;
  }
}

/** A u16 written as plain digits at p; returns the end offset, value in `out[0]`. */
function readU16(t: string, p: number, out: Int32Array): number {
  let v = 0;
  const start = p;
  for (let c = t.charCodeAt(p); c >= Ch.Zero && c <= Ch.Nine; c = t.charCodeAt(++p)) v = v * 10 + (c - Ch.Zero);
  if (p === start || p - start > 5 || v > 65_535 || (t.charCodeAt(start) === Ch.Zero && p - start > 1)) throw BAIL;
  out[0] = v;
  return p;
}

/** Reads the row `[[u, v], …]` at p into the pool; returns its end offset. */
function readRow(t: string, p: number, pool: RowPool, num: Int32Array): number {
  if (t.charCodeAt(p) !== Ch.Open) throw BAIL;
  pool.starts.push(pool.count);
  p = skipWs(t, p + 1);
  if (t.charCodeAt(p) === Ch.Close) return p + 1;
  for (;;) {
    if (t.charCodeAt(p) !== Ch.Open) throw BAIL;
    p = readU16(t, skipWs(t, p + 1), num);
    const uid = num[0];
    p = skipWs(t, p);
    if (t.charCodeAt(p) !== Ch.Comma) throw BAIL;
    p = skipWs(t, readU16(t, skipWs(t, p + 1), num));
    if (t.charCodeAt(p) !== Ch.Close) throw BAIL;
    pool.push(uid, num[0]);
    p = skipWs(t, p + 1);
    const c = t.charCodeAt(p);
    if (c === Ch.Close) return p + 1;
    if (c !== Ch.Comma) throw BAIL;
    p = skipWs(t, p + 1);
  }
}

/** End offset (after the closing quote) of the string starting at p, or -1 if unterminated. */
function stringEnd(t: string, p: number): number {
  for (let q = t.indexOf('"', p + 1); q !== -1; q = t.indexOf('"', q + 1)) {
    let slashes = 0;
    while (t.charCodeAt(q - 1 - slashes) === Ch.Backslash) slashes++;
    if (slashes % 2 === 0) return q + 1;
  }
  return -1;
}

function isRowKey(t: string, start: number, end: number): boolean {
  const len = end - start - 2;
  return (len === 7 && t.startsWith("weights", start + 1)) || (len === 5 && t.startsWith("bonds", start + 1));
}

/** The text with its plain rows taken out, or null when it is not for this path. */
export function extractRows(text: string): ExtractedRows | null {
  if (text.charCodeAt(0) === 0xfeff || text.includes("\\u0001") || text.includes(ROW_PLACEHOLDER_MARK)) return null;
  const pool = new RowPool();
  const num = new Int32Array(1);
  const pieces: string[] = [];
  let copied = 0;
  try {
    for (let p = text.indexOf('"'); p !== -1; ) {
      const end = stringEnd(text, p);
      if (end < 0) return null;
      const colon = skipWs(text, end);
      if (text.charCodeAt(colon) === Ch.Colon && isRowKey(text, p, end)) {
        const value = skipWs(text, colon + 1);
        if (text.charCodeAt(value) === Ch.Open) {
          const after = readRow(text, value, pool, num);
          pieces.push(text.slice(copied, value), `"\\u0001${pool.starts.length - 1}"`);
          copied = after;
          p = text.indexOf('"', after);
          continue;
        }
      }
      p = text.indexOf('"', end);
    }
  } catch (err) {
    if (err instanceof Bail) return null;
    throw err;
  }
  pieces.push(text.slice(copied));
  return { text: pieces.join(""), rows: pool.rows() };
}

/** Puts the extracted rows back into the parsed document, in place (placeholders of neuron rows only). */
export function attachRows(value: unknown, rows: readonly PackedRow[]): void {
  const subnets = (value as { subnets?: unknown } | null)?.subnets;
  if (!Array.isArray(subnets)) return;
  for (const subnet of subnets) {
    const neurons = (subnet as { neurons?: unknown } | null)?.neurons;
    if (!Array.isArray(neurons)) continue;
    for (const neuron of neurons) {
      if (neuron === null || typeof neuron !== "object") continue;
      const n = neuron as Record<string, unknown>;
      for (const key of ["weights", "bonds"]) {
        const v = n[key];
        if (typeof v === "string" && v.charCodeAt(0) === 1) n[key] = rows[Number(v.slice(1))];
      }
    }
  }
}
