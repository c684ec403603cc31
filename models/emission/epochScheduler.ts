// Epoch scheduling and the drain of pending buckets (spec/emission.md §4.3–§4.4).
// Chain: coinbase/run_coinbase.rs::{should_run_epoch, drain_pending, get_next_epoch_start_block}.

import type { ChainEconomy } from "./chainEconomy.js";

/** should_run_epoch: owner trigger / cap deferral, MAX_TEMPO safety net, else block − LastEpochBlock ≥ tempo. */
export function shouldRunEpoch(state: ChainEconomy, netuid: number, block: number): boolean {
  const tempo = state.tempo[netuid];
  if (tempo === 0) return false;
  const pending = state.pendingEpochAt[netuid];
  if (pending > 0 && block >= pending) return true;
  if (state.blocksSinceLastStep[netuid] > state.params.maxTempo) return true;
  const since = block - state.lastEpochBlock[netuid];
  return since >= tempo; // saturating_sub: a block before LastEpochBlock counts as 0
}

/** get_next_epoch_start_block: min(LastEpochBlock + tempo, PendingEpochAt if set); null if tempo = 0. */
export function nextEpochStartBlock(state: ChainEconomy, netuid: number): number | null {
  const tempo = state.tempo[netuid];
  if (tempo === 0) return null;
  const auto = state.lastEpochBlock[netuid] + tempo;
  const pending = state.pendingEpochAt[netuid];
  return pending > 0 ? Math.min(auto, pending) : auto;
}

/** Owner-triggered epoch: PendingEpochAt ← block (fires at the next should_run_epoch check ≥ block). */
export function triggerEpoch(state: ChainEconomy, netuid: number, atBlock: number): void {
  state.pendingEpochAt[netuid] = atBlock;
}

/**
 * drain_pending over all added subnets (root excluded), ascending: bump BlocksSinceLastStep, and for
 * each due subnet either defer it one block (cap MaxEpochsPerBlock reached), drain its four buckets
 * into the scratch list (consistent input), or skip the slot (pending keeps accumulating); the
 * schedule (LastEpochBlock, PendingEpochAt, SubnetEpochIndex) advances unless deferred.
 */
export function drainPending(state: ChainEconomy, block: number): number {
  const s = state.scratch;
  let ran = 0;
  s.nDrained = 0;
  for (let i = 1; i < state.netuids; i++) {
    if (state.added[i] !== 1) continue;
    state.blocksSinceLastStep[i] += 1;
    if (!shouldRunEpoch(state, i, block)) continue;
    if (ran >= state.params.maxEpochsPerBlock) {
      state.pendingEpochAt[i] = block + 1; // EpochDeferred
      continue;
    }
    if (state.epochInputConsistent[i] === 1) {
      state.blocksSinceLastStep[i] = 0;
      const k = s.nDrained++;
      s.drained[k] = i;
      s.drainedServer[k] = state.pendingServer[i];
      s.drainedValidator[k] = state.pendingValidator[i];
      s.drainedRoot[k] = state.pendingRoot[i];
      s.drainedOwnerCut[k] = state.pendingOwnerCut[i];
      state.pendingServer[i] = 0n;
      state.pendingValidator[i] = 0n;
      state.pendingRoot[i] = 0n;
      state.pendingOwnerCut[i] = 0n;
      ran++;
    } // else EpochSkipped
    state.lastEpochBlock[i] = block;
    state.pendingEpochAt[i] = 0;
    state.epochIndex[i] += 1;
  }
  return s.nDrained;
}
