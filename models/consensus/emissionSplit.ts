// Emission split inside the epoch, with the "emergency" fallback to stake.
// chain: run_epoch.rs::epoch_mechanism (combined_emission … I96F32 rao conversion).

import type { EpochArith } from "./arith.js";
import type { EpochScratch } from "./scratch.js";
import type { EpochOutput } from "./types.js";

export function emissionSplit(raoEmission: number, n: number, arith: EpochArith, s: EpochScratch, out: EpochOutput): void {
  const I = s.incentive;
  const D = s.dividends;
  let emissionSum = 0;
  let combinedSum = 0;
  for (let i = 0; i < n; i++) emissionSum += I[i] + D[i];
  combinedSum = emissionSum;
  let activeSum = 0;
  for (let i = 0; i < n; i++) activeSum += s.activeStake[i];
  const fallback = activeSum === 0 ? s.stake : s.activeStake;
  for (let i = 0; i < n; i++) {
    const combined = I[i] + D[i];
    let nS = I[i];
    let nV = D[i];
    let nC = combined;
    if (emissionSum !== 0) {
      nS = nS === 0 ? 0 : arith.div(nS, emissionSum);
      nV = nV === 0 ? 0 : arith.div(nV, emissionSum);
    }
    if (combinedSum !== 0) nC = nC === 0 ? 0 : arith.div(nC, combinedSum);
    if (emissionSum === 0) {
      nV = fallback[i];
      nC = fallback[i];
    }
    out.serverEmission[i] = arith.toRao(nS, raoEmission);
    out.validatorEmission[i] = arith.toRao(nV, raoEmission);
    out.emission[i] = arith.toRao(nC, raoEmission);
  }
}
