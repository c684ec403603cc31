// One neuron's derivation from one epoch's trace: how its stake, the weights it gave and received, its
// bonds and the emission split produced its numbers. Reads only the trace, the epoch's input and output;
// every number comes out of them (raw I32F32 bits as decimal strings, with the value as a float for reading).
import type { EpochTrace } from "../../models/consensus/epochTrace.js";
import { traceRow } from "../../models/consensus/epochTrace.js";
import { activityCutoffBlocks } from "../../models/consensus/runEpoch.js";
import { totalStakeRao } from "../../models/consensus/stakeWeights.js";
import type { EpochInput, EpochOutput } from "../../models/consensus/types.js";
import { TWO32 } from "../../models/chainConstants.js";

const ONE = TWO32; // I32F32 one

/** A raw I32F32 value: its bits and the number it stands for. */
export interface Fixed {
  bits: string;
  value: number;
}

export const fixed = (raw: number): Fixed => ({ bits: String(raw + 0), value: raw / ONE });

export interface ReceivedWeight {
  validator: number;
  activeStake: Fixed;
  weight: Fixed;
  clipped: Fixed;
  side: "above" | "at" | "below"; // relative to the consensus
}

export interface GivenWeight {
  miner: number;
  weight: Fixed;
  consensus: Fixed;
  clipped: Fixed;
}

export interface BondEntry {
  miner: number;
  previousU16: number; // the stored bond the epoch started from (0 when none)
  bond: Fixed; // the EMA bond going to storage
  normalized: Fixed; // its share of the miner's bonds (column-normalised EMA)
  incentive: Fixed; // the miner's incentive
  contribution: Fixed; // normalized × incentive (floored)
}

export interface Explanation {
  uid: number;
  block: number;
  n: number;
  yuma3: boolean;
  liquidAlpha: boolean;
  kappa: Fixed;
  raoEmission: string;
  stake: {
    alphaStake: string;
    taoStake: string;
    totalStake: string; // alpha + TaoWeight × root, rao
    stakeWeight: Fixed;
    active: boolean;
    lastUpdate: number;
    activityCutoff: number;
    previousPermit: boolean;
    validatorPermit: boolean;
    activeStake: Fixed;
  };
  miner: null | {
    consensus: Fixed;
    received: ReceivedWeight[]; // every staked validator's weight on this uid (0 when it gave none)
    stakeAtOrAbove: number; // share of active stake
    stakeAbove: number;
    stakeBelow: number;
    rank: Fixed;
    ranksTotal: Fixed;
    incentive: Fixed;
  };
  validator: null | {
    given: GivenWeight[];
    validatorTrust: Fixed;
    bonds: BondEntry[];
    dividendRaw: Fixed; // Σ contributions (× active stake under Yuma3), before normalisation
    dividendRawTotal: Fixed; // the same over all uids
    dividends: Fixed;
  };
  emission: {
    incentive: Fixed;
    dividends: Fixed;
    incentivePlusDividendsTotal: Fixed;
    fallbackToStake: boolean;
    server: string;
    validator: string;
    total: string;
  };
}

export function explainNeuron(trace: EpochTrace, input: EpochInput, out: EpochOutput, uid: number): Explanation {
  const n = trace.n;
  const hp = input.hyperparameters;
  const A = trace.activeStake;
  const cutoff = activityCutoffBlocks(hp.activityCutoffFactorMilli, hp.tempo);
  let sumID = 0;
  for (let i = 0; i < n; i++) sumID += trace.incentive[i] + trace.dividends[i];
  return {
    uid,
    block: input.block,
    n,
    yuma3: trace.yuma3,
    liquidAlpha: trace.liquidAlpha,
    kappa: fixed(trace.kappa),
    raoEmission: String(input.raoEmission),
    stake: {
      alphaStake: String(input.alphaStake[uid]),
      taoStake: String(input.taoStake[uid]),
      totalStake: String(totalStakeRao(input.alphaStake[uid], input.taoStake[uid], hp.taoWeight)),
      stakeWeight: fixed(trace.stake[uid]),
      active: out.active[uid] === 1,
      lastUpdate: input.lastUpdate[uid],
      activityCutoff: cutoff,
      previousPermit: input.validatorPermit[uid] === 1 || input.ownerUid === uid,
      validatorPermit: out.validatorPermit[uid] === 1,
      activeStake: fixed(A[uid]),
    },
    miner: minerPart(trace, uid),
    validator: validatorPart(trace, input, uid),
    emission: {
      incentive: fixed(trace.incentive[uid]),
      dividends: fixed(trace.dividends[uid]),
      incentivePlusDividendsTotal: fixed(sumID),
      fallbackToStake: sumID === 0,
      server: String(out.serverEmission[uid]),
      validator: String(out.validatorEmission[uid]),
      total: String(out.emission[uid]),
    },
  };
}

/** The weights this uid received, against its consensus; null when nobody weighted it and it earned nothing. */
function minerPart(t: EpochTrace, uid: number): Explanation["miner"] {
  const n = t.n;
  const c = t.consensus[uid];
  const weightOf = new Map<number, number>();
  for (let i = 0; i < n; i++) for (const [j, w] of traceRow(t.weights, i)) if (j === uid) weightOf.set(i, w);
  if (weightOf.size === 0 && t.incentive[uid] === 0) return null;
  const received: ReceivedWeight[] = [];
  let atOrAbove = 0;
  let above = 0;
  let below = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const a = t.activeStake[i];
    if (a === 0) continue; // unstaked rows do not count in the median
    const w = weightOf.get(i) ?? 0;
    const side = w > c ? "above" : w === c ? "at" : "below";
    total += a;
    if (w >= c) atOrAbove += a;
    if (w > c) above += a;
    else if (w < c) below += a;
    received.push({ validator: i, activeStake: fixed(a), weight: fixed(w), clipped: fixed(w > c ? c : w), side });
  }
  received.sort((x, y) => Number(y.activeStake.bits) - Number(x.activeStake.bits) || x.validator - y.validator);
  let ranksTotal = 0;
  for (let j = 0; j < n; j++) ranksTotal += t.ranks[j];
  const share = (x: number) => (total === 0 ? 0 : x / total);
  return {
    consensus: fixed(c),
    received,
    stakeAtOrAbove: share(atOrAbove),
    stakeAbove: share(above),
    stakeBelow: share(below),
    rank: fixed(t.ranks[uid]),
    ranksTotal: fixed(ranksTotal),
    incentive: fixed(t.incentive[uid]),
  };
}

/** The weights this uid gave against consensus, its bonds and how they became dividends; null for a non-validator. */
function validatorPart(t: EpochTrace, input: EpochInput, uid: number): Explanation["validator"] {
  const w = traceRow(t.weights, uid);
  const bondRow = traceRow(t.bonds, uid);
  if (w.length === 0 && bondRow.length === 0 && t.dividends[uid] === 0) return null;
  const clipped = new Map(traceRow(t.clippedWeights, uid));
  const given: GivenWeight[] = w.map(([j, v]) => ({ miner: j, weight: fixed(v), consensus: fixed(t.consensus[j]), clipped: fixed(clipped.get(j) ?? 0) }));
  const previous = new Map<number, number>();
  const ib = input.bonds;
  if (uid + 1 < ib.rowPtr.length) for (let e = ib.rowPtr[uid]; e < ib.rowPtr[uid + 1]; e++) previous.set(ib.col[e], ib.val[e]);
  const norm = new Map(traceRow(t.bondsNormalized, uid));
  const bonds: BondEntry[] = bondRow.map(([j, b]) => {
    const bn = norm.get(j) ?? 0;
    return { miner: j, previousU16: previous.get(j) ?? 0, bond: fixed(b), normalized: fixed(bn), incentive: fixed(t.incentive[j]), contribution: fixed(mulFloor(bn, t.incentive[j])) };
  });
  const raw = (i: number): number => {
    let s = 0;
    for (const [j, bn] of traceRow(t.bondsNormalized, i)) s += mulFloor(bn, t.incentive[j]);
    return t.yuma3 ? mulFloor(s, t.activeStake[i]) : s;
  };
  let rawTotal = 0;
  for (let i = 0; i < t.n; i++) rawTotal += raw(i);
  return { given, validatorTrust: fixed(t.validatorTrust[uid]), bonds, dividendRaw: fixed(raw(uid)), dividendRawTotal: fixed(rawTotal), dividends: fixed(t.dividends[uid]) };
}

/** floor(a·b / 2^32) for non-negative raws, exact (BigInt: this is a report, not the hot path). */
function mulFloor(a: number, b: number): number {
  return Number((BigInt(a) * BigInt(b)) >> 32n);
}
