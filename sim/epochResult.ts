import type { EpochTraceJson } from "./cli/formatEpochTrace.js";
// The typed `taosim.epochResult/1` object: what `taosim epoch` prints for one state and what the
// library's epoch() returns (interfaces.md "Epoch I/O"). u16 vectors as numbers, flags as booleans,
// bonds rows as [uid, u16] pairs sorted by uid, rao amounts as decimal strings (u64 exceeds 2^53).

export interface EpochResult {
  format: "taosim.epochResult/1";
  active: boolean[];
  stakeWeight: number[];
  consensus: number[];
  incentive: number[];
  dividends: number[];
  validatorTrust: number[];
  validatorPermit: boolean[];
  bonds: [uid: number, value: number][][];
  serverEmission: string[];
  validatorEmission: string[];
  emission: string[];
  /** With `{ trace: true }` / `--trace`: the epoch's named intermediates (interfaces.md "Epoch trace"). */
  trace?: EpochTraceJson;
}
