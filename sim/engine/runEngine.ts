// The discrete-event loop over blocks. Every block runs the world's block step (the coinbase phase);
// blocks where nothing else happens are stepped in a tight loop with no event objects. On a block
// with events, epochs drained by the coinbase become `epoch` events, then every event of the block
// is handled in (phase, seq) order; handlers may schedule more events (at this block or later).
import { EventQueue } from "./EventQueue.js";
import type { SimEvent } from "./events.js";
import { Phase } from "./phases.js";

/** What the engine needs from a world. */
export interface EngineWorld {
  /** on_initialize of `block` (coinbase, epochs, moving prices). Returns how many epochs ran. */
  blockStep(block: number): number;
  /** Netuid of the k-th epoch run by the last blockStep. */
  drainedNetuid(k: number): number;
  /** Earliest block at which some subnet's epoch may run (a lower bound is fine). */
  nextEpochBlock(): number;
}

export type EventHandler = (event: SimEvent, queue: EventQueue) => void;

export interface EngineRun {
  world: EngineWorld;
  queue: EventQueue;
  handle: EventHandler;
  /** First block simulated. */
  startBlock: number;
  /** One past the last block simulated. */
  endBlock: number;
  /** Called every `progressEvery` blocks (at event blocks only; never inside the tight loop). */
  onProgress?: (block: number) => void;
}

export interface EngineStats {
  blocks: number;
  eventBlocks: number;
  events: number;
}

export function runEngine(run: EngineRun): EngineStats {
  const { world, queue, handle, endBlock } = run;
  const stats: EngineStats = { blocks: 0, eventBlocks: 0, events: 0 };
  let b = run.startBlock;
  while (b < endBlock) {
    const stop = Math.min(queue.peekBlock(), world.nextEpochBlock(), endBlock);
    let drained = 0;
    let stepped = false;
    // tight loop: only the coinbase runs (stops early if an epoch ran anyway)
    while (b < stop) {
      drained = world.blockStep(b);
      if (drained > 0) {
        stepped = true;
        break;
      }
      b++;
    }
    if (b >= endBlock) break;
    if (!stepped) drained = world.blockStep(b); // b is the stop block (or a world's bound lies in the past)
    for (let k = 0; k < drained; k++) queue.push(b, Phase.epoch, { kind: "epoch", netuid: world.drainedNetuid(k) });
    while (queue.peekBlock() === b) {
      handle(queue.pop() as SimEvent, queue);
      stats.events++;
    }
    if (queue.peekBlock() < b) throw new Error(`an event was scheduled in the past (block ${queue.peekBlock()} < ${b})`);
    stats.eventBlocks++;
    run.onProgress?.(b);
    b++;
  }
  stats.blocks = endBlock - run.startBlock;
  return stats;
}
