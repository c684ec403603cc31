// Checks the stored sparse rows (`weights`, `bonds`) of every neuron of a snapshot by hand: a real
// network holds millions of `[uid, u16]` entries, too many for a schema library. Every problem is
// collected: an entry that is not `[uid, u16]`, a uid outside 0..n-1 (n = the subnet's neuron
// count), a uid twice in one row. Runs on raw (not yet validated) data, so it guards every access.
import type { IssueText } from "../../scenarios/issueText.js";
import { PackedRow } from "./packedRow.js";

const ROW_KEYS = ["weights", "bonds"] as const;

function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 60)}...` : s;
}

/** Problems of one row; `seen` is a scratch of length ≥ n, `mark` a value not yet used in it. */
function checkRow(row: readonly unknown[], n: number, path: (string | number)[], seen: Int32Array, mark: number, out: IssueText[]): void {
  for (let j = 0; j < row.length; j++) {
    const e = row[j];
    if (!Array.isArray(e) || e.length !== 2) {
      out.push({ path: [...path, j], atKey: false, expected: "a [uid, u16] entry", found: describe(e) });
      continue;
    }
    const uid = e[0] as unknown;
    const v = e[1] as unknown;
    // `x >>> 0 === x` holds exactly for integers 0..2^32-1 (numbers only); `x & 0xffff` likewise for u16.
    if (typeof v !== "number" || (v & 0xffff) !== v) {
      out.push({ path: [...path, j, 1], atKey: false, expected: "a u16 value (an integer from 0 to 65535)", found: describe(v) });
    }
    if (typeof uid !== "number" || uid >>> 0 !== uid) {
      out.push({ path: [...path, j, 0], atKey: false, expected: "a uid (an integer ≥ 0)", found: describe(uid) });
    } else if (uid >= n) {
      out.push({ path: [...path, j, 0], atKey: false, expected: `a uid of this subnet (0 to ${n - 1})`, found: `${uid} (no such neuron)` });
    } else if (seen[uid] === mark) {
      out.push({ path: [...path, j, 0], atKey: false, expected: "a uid not already in this row", found: `${uid} again` });
    } else {
      seen[uid] = mark;
    }
  }
}

/** Problems of a packed row (its uids and values are u16 by construction). */
function checkPackedRow(row: PackedRow, n: number, path: (string | number)[], seen: Int32Array, mark: number, out: IssueText[]): void {
  const uids = row.uids;
  for (let j = 0; j < uids.length; j++) {
    const uid = uids[j];
    if (uid >= n) out.push({ path: [...path, j, 0], atKey: false, expected: `a uid of this subnet (0 to ${n - 1})`, found: `${uid} (no such neuron)` });
    else if (seen[uid] === mark) out.push({ path: [...path, j, 0], atKey: false, expected: "a uid not already in this row", found: `${uid} again` });
    else seen[uid] = mark;
  }
}

/** Problems of every `weights` / `bonds` row of every subnet that has a list of neurons. */
export function checkSparseRows(raw: unknown): IssueText[] {
  const out: IssueText[] = [];
  const subnets = (raw as { subnets?: unknown } | null)?.subnets;
  if (!Array.isArray(subnets)) return out;
  let seen = new Int32Array(0);
  let mark = 0;
  subnets.forEach((subnet, s) => {
    const neurons = (subnet as { neurons?: unknown } | null)?.neurons;
    if (!Array.isArray(neurons)) return;
    const n = neurons.length;
    if (seen.length < n) {
      seen = new Int32Array(n);
      mark = 0;
    }
    neurons.forEach((neuron, k) => {
      if (neuron === null || typeof neuron !== "object") return;
      for (const key of ROW_KEYS) {
        const row = (neuron as Record<string, unknown>)[key];
        if (row instanceof PackedRow) checkPackedRow(row, n, ["subnets", s, "neurons", k, key], seen, ++mark, out);
        else if (Array.isArray(row)) checkRow(row, n, ["subnets", s, "neurons", k, key], seen, ++mark, out);
        // absent or of the wrong type: the schema reports it
      }
    });
  });
  return out;
}
