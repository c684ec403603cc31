// get_subnet_block_emissions' split of the block's TAO on `number`s (U64F64 shares as split words),
// bit-identical to subnetShares.ts + the disabled-subnet renormalisation of subnetBlockEmissions.

import type { ChainEconomy } from "./chainEconomy.js";
import { digitSmall, frac64, mulShr32, rem, res } from "./exactSplit.js";
import { weightsMinerBurned } from "./subnetShares.js";
import { type FastViews, getU64, hiWord } from "./u64Views.js";

const TWO32 = 4294967296;
const INV32 = 1 / TWO32; // x·2^-32 is exact: no division in the hot path
const GUARD = 1 / 65536; // the float quotients below are within 2^-30 of the exact one

/** get_subnet_block_emissions' shares (U64F64 split) into v.shH / v.shL; mirrors subnetShares + renormalisation. */
export function shares(state: ChainEconomy, v: FastViews, msum: number): void {
  const s = state.scratch;
  const n = s.nEmit;
  const invM = 1 / msum; // Σ moving prices < 2^40: digitSmall
  for (let k = 0; k < n; k++) {
    const i = s.emit[k];
    if (msum === 0) {
      v.shH[k] = 0;
      v.shL[k] = 0;
      continue;
    }
    const mp = state.mechanism[i] === 0 ? TWO32 : getU64(v.movingPrice, i);
    v.shH[k] = digitSmall(mp, msum, invM); // ⌊mp·2^64/M⌋ in two digits
    v.shL[k] = digitSmall(rem[0], msum, invM);
  }
  if (weightsMinerBurned(state.params.shareRule)) minerBurnedWeights(state, v);
  let EH = 0;
  let EL = 0;
  let anyDisabled = false;
  for (let k = 0; k < n; k++) {
    if (state.emissionEnabled[s.emit[k]] === 1) {
      EH += v.shH[k];
      EL += v.shL[k];
    } else anyDisabled = true;
  }
  if (!anyDisabled) return;
  const carry = Math.floor(EL * INV32);
  EH += carry;
  EL -= carry * TWO32;
  for (let k = 0; k < n; k++) {
    if (state.emissionEnabled[s.emit[k]] === 1 && (EH !== 0 || EL !== 0)) {
      frac64(v.shH[k], v.shL[k], EH, EL);
      v.shH[k] = res[0];
      v.shL[k] = res[1];
    } else {
      v.shH[k] = 0;
      v.shL[k] = 0;
    }
  }
}

/** get_shares' MinerBurned weighting: w = ⌊share·(1 − min(MinerBurned, 1))⌋, then shares = w/Σw (U64F64). */
function minerBurnedWeights(state: ChainEconomy, v: FastViews): void {
  const s = state.scratch;
  const n = s.nEmit;
  let WH = 0;
  let WL = 0;
  for (let k = 0; k < n; k++) {
    const i = s.emit[k];
    const j = 2 * i;
    if (v.minerBurned[j] === 0 && v.minerBurned[j + 1] === 0) {
      v.wH[k] = v.shH[k];
      v.wL[k] = v.shL[k];
    } else {
      const c = hiWord(v.minerBurned, i) > 0 ? 0 : TWO32 - Math.min(getU64(v.minerBurned, i), TWO32);
      mulShr32(v.shH[k], v.shL[k], c);
      v.wH[k] = res[0];
      v.wL[k] = res[1];
    }
    WH += v.wH[k];
    WL += v.wL[k];
  }
  const carry = Math.floor(WL * INV32);
  WH += carry;
  WL -= carry * TWO32;
  if (WH === 0 && WL === 0) return; // every weight 0: keep the price shares
  // δ = 2^64 − W; when small (no or little MinerBurned), w·2^64/W = w + ⌊w·δ/W⌋ with a float quotient ≤ δ
  const delta = (TWO32 - WH) * TWO32 - WL;
  const WF = WH * TWO32 + WL;
  for (let k = 0; k < n; k++) {
    const wH = v.wH[k];
    const wL = v.wL[k];
    if (delta === 0 || (wH === 0 && wL === 0)) {
      v.shH[k] = wH;
      v.shL[k] = wL;
      continue;
    }
    if (delta < 1048576) {
      const est = ((wH * TWO32 + wL) * delta) / WF; // < 2^20, relative error < 2^-50
      const e = Math.floor(est);
      if (est - e > GUARD && est - e < 1 - GUARD) {
        const lo = wL + e;
        const c = lo >= TWO32 ? 1 : 0;
        v.shH[k] = wH + c;
        v.shL[k] = lo - c * TWO32;
        continue;
      }
    }
    frac64(wH, wL, WH, WL);
    v.shH[k] = res[0];
    v.shL[k] = res[1];
  }
}
