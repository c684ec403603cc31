// How long a scenario runs, in blocks: plain functions without the schema (zod), so the engine and
// worker threads can use them without loading scenario parsing.
import type { ScenarioObject } from "./fields/scenarioObject.js";

/** Blocks per simulated day (12 s blocks). */
export const BLOCKS_PER_DAY = 7_200;

/** Blocks in one "epoch" of the scenario: the slowest subnet's tempo. */
export function slowestTempo(s: Pick<ScenarioObject, "subnets">): number {
  return Math.max(...s.subnets.map((n) => n.tempo));
}

/** Length of the run in blocks. */
export function durationInBlocks(s: Pick<ScenarioObject, "subnets" | "duration">): number {
  const d = s.duration;
  if (d.blocks !== undefined) return d.blocks;
  if (d.epochs !== undefined) return d.epochs * slowestTempo(s);
  return (d.days ?? 0) * BLOCKS_PER_DAY;
}
