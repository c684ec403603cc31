// Events are data: a discriminated union ordered by (block, phase, seq) (architecture.md).
import type { Phase } from "./phases.js";

export type SimEventBody =
  /** The epoch of `netuid` ran in this block's coinbase: reveal, observe, let validators act. */
  | { kind: "epoch"; netuid: number }
  /** Scenario `events[index]` fires. */
  | { kind: "scheduled"; index: number }
  /** A recurring agent decision (stakers' and users' trades) of one subnet. */
  | { kind: "agents"; netuid: number; group: "stakers" | "users"; index: number }
  /** Record the named samplers' rows. */
  | { kind: "sample"; table: "subnets" | "chain" };

export type SimEvent = SimEventBody & { block: number; phase: Phase; seq: number };

/** Total order of events: block, then phase, then insertion sequence (scoped to one run). */
export function compareEvents(a: SimEvent, b: SimEvent): number {
  return a.block - b.block || a.phase - b.phase || a.seq - b.seq;
}
