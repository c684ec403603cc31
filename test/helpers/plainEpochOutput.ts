// An EpochOutput as plain arrays, for deep equality between two epochs' results in tests.
import type { EpochOutput, SparseU16 } from "../../models/consensus/types.js";

export function plainEpochOutput(o: EpochOutput) {
  const sp = (m: SparseU16) => ({ rowPtr: Array.from(m.rowPtr), col: Array.from(m.col), val: Array.from(m.val) });
  return {
    active: Array.from(o.active), stakeWeight: Array.from(o.stakeWeight), consensus: Array.from(o.consensus),
    incentive: Array.from(o.incentive), dividends: Array.from(o.dividends), validatorTrust: Array.from(o.validatorTrust),
    validatorPermit: Array.from(o.validatorPermit), bonds: sp(o.bonds), storedBonds: sp(o.storedBonds),
    serverEmission: Array.from(o.serverEmission), validatorEmission: Array.from(o.validatorEmission), emission: Array.from(o.emission),
  };
}
