// Serialises one EpochOutput as compact `taosim.epochResult/1` JSON (interfaces.md "Epoch I/O"):
// fields in contract order, u16 vectors as numbers, flags as booleans, bonds rows as `[[uid, u16], …]`
// exactly as the kernel gives them, rao amounts as decimal strings.

import type { EpochOutput, SparseU16 } from "../../models/consensus/types.js";
import type { EpochTrace } from "../../models/consensus/epochTrace.js";
import { formatEpochTrace } from "./formatEpochTrace.js";

export const EPOCH_RESULT_FORMAT = "taosim.epochResult/1";

/** One state's result on a single line, without a trailing newline; with `trace`, its `"trace"` member last. */
export function formatEpochResult(out: EpochOutput, trace: EpochTrace | null = null): string {
  return (
    `{"format":"${EPOCH_RESULT_FORMAT}"` +
    `,"active":${flags(out.active)}` +
    `,"stakeWeight":[${out.stakeWeight.join(",")}]` +
    `,"consensus":[${out.consensus.join(",")}]` +
    `,"incentive":[${out.incentive.join(",")}]` +
    `,"dividends":[${out.dividends.join(",")}]` +
    `,"validatorTrust":[${out.validatorTrust.join(",")}]` +
    `,"validatorPermit":${flags(out.validatorPermit)}` +
    `,"bonds":${sparseRows(out.bonds)}` +
    `,"serverEmission":${raoStrings(out.serverEmission)}` +
    `,"validatorEmission":${raoStrings(out.validatorEmission)}` +
    `,"emission":${raoStrings(out.emission)}` +
    (trace === null ? "}" : `,"trace":${formatEpochTrace(trace)}}`)
  );
}

/** Several results as a JSON array, one result per line. */
export function formatEpochResults(outs: readonly EpochOutput[]): string {
  return outs.length === 0 ? "[]" : `[\n${outs.map((o) => formatEpochResult(o)).join(",\n")}\n]`;
}

function flags(v: Uint8Array): string {
  let s = "[";
  for (let i = 0; i < v.length; i++) s += (i > 0 ? "," : "") + (v[i] !== 0 ? "true" : "false");
  return `${s}]`;
}

function sparseRows(m: SparseU16): string {
  const rows = m.rowPtr.length - 1;
  let s = "[";
  for (let i = 0; i < rows; i++) {
    s += i > 0 ? ",[" : "[";
    for (let k = m.rowPtr[i]; k < m.rowPtr[i + 1]; k++) {
      s += `${k > m.rowPtr[i] ? "," : ""}[${m.col[k]},${m.val[k]}]`;
    }
    s += "]";
  }
  return `${s}]`;
}

function raoStrings(v: Float64Array): string {
  let s = "[";
  for (let i = 0; i < v.length; i++) s += `${i > 0 ? "," : ""}"${raoString(v[i])}"`;
  return `${s}]`;
}

/** A rao amount held in a double as a decimal string; anything but a safe non-negative integer is a bug. */
export function raoString(v: number): string {
  if (!Number.isSafeInteger(v) || v < 0) throw new Error(`epoch kernel produced an invalid rao amount: ${v}`);
  return String(v + 0);
}
