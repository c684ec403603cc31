// subtensor-vectors.md C.8 (epoch.rs test_yuma_3_*) with the exact targets of appendix G.2.
// Set-up (setup_yuma_3_scenario): tempo 1 (cutoff 13), β = 0, steepness 1000, bma 975000, kappa 32767,
// liquid alpha on with (alpha_low, alpha_high) = (6553, 19660), Yuma3 on, MaxAllowedValidators 3,
// registration at block 1; a permit epoch at block 2; epoch e runs at block 3 + e after the listed weights
// are set (set_weights at block 2 + e, explicit zeros kept). The chain asserts dividends within 1e-3 of its
// targets (its bond targets are never checked, see C.8); G.2 gives the exact u16 dividends and stored bonds.
import { describe, expect, it } from "vitest";
import { runEpoch } from "../../models/consensus/runEpoch.js";
import type { EpochInput, EpochOutput } from "../../models/consensus/types.js";
import { ChainState, emptyRows, u16ToFloat, type Row } from "./epochState.js";
import { rowsFromSparse } from "../helpers/epochJson.js";

const X = 65535;
const H = 32767;
const exact = (inp: EpochInput) => runEpoch(inp, "exact");

interface Scenario {
  name: string;
  stakes: number[];
  servers: number[];
  liquidAlpha?: boolean;
  epochs: number;
  /** weights of validators 0..2 set before epoch e (undefined: unchanged, no set_weights call) */
  weights: (e: number) => number[][] | undefined;
  /** f32 dividend targets (validators 0..2; the chain checks all UIDs, servers 0) per checked epoch */
  dividends: Record<number, number[]>;
  /** G.2 exact u16 dividends of validators 0..2 per checked epoch */
  exactDividends: Record<number, number[]>;
  /** G.2 exact stored bond rows (validators 0..2, non-zero entries) per epoch */
  exactBonds: Record<number, Row[]>;
  /** a state change before the epoch (after setting weights) */
  before?: (e: number, chain: ChainState) => void;
}

function run(sc: Scenario): void {
  const n = sc.stakes.length;
  const chain = new ChainState({
    n, block: 2,
    hp: {
      tempo: 1, bondsPenalty: 0, alphaSigmoidSteepness: 1000, bondsMovingAverage: 975_000, kappa: 32767,
      liquidAlpha: true, alphaLow: 6553, alphaHigh: 19660, yuma3: true, maxAllowedValidators: 3,
    },
    alphaStake: sc.stakes, reg: Array(n).fill(1), lastUpdate: Array(n).fill(1), permit: Array(n).fill(false), weights: emptyRows(n),
  });
  chain.epoch(2, exact); // permit epoch (liquid alpha still on, no weights)
  if (sc.liquidAlpha === false) chain.spec.hp = { ...chain.spec.hp, liquidAlpha: false };
  for (let e = 0; e < sc.epochs; e++) {
    const w = sc.weights(e);
    if (w) w.forEach((vals, v) => chain.setWeights(v, sc.servers, vals, 2 + e));
    sc.before?.(e, chain);
    const out: EpochOutput = chain.epoch(3 + e, exact);
    const tgt = sc.dividends[e];
    if (tgt) {
      const all = [...tgt, ...Array(n - 3).fill(0)];
      all.forEach((t, uid) => {
        const got = u16ToFloat(out.dividends[uid]);
        expect(Math.abs(got - Math.fround(t)), `${sc.name} e${e} dividend[${uid}] = ${got} vs ${t}`).toBeLessThanOrEqual(1e-3);
      });
    }
    const ex = sc.exactDividends[e];
    if (ex) expect(Array.from(out.dividends.subarray(0, 3)), `${sc.name} e${e} u16 dividends`).toEqual(ex);
    const eb = sc.exactBonds[e];
    if (eb) expect(rowsFromSparse(out.bonds).slice(0, 3), `${sc.name} e${e} stored bonds`).toEqual(eb);
  }
}

const rep = <T,>(row: T): T[] => [row, row, row];

const scenarios: Scenario[] = [
  {
    name: "test_yuma_3_kappa_moves_first", stakes: [8, 1, 1, 0, 0], servers: [3, 4], epochs: 6,
    weights: (e) => [rep([X, 0]), [[0, X], [X, 0], [X, 0]], [[0, X], [0, X], [X, 0]], rep([0, X])][e],
    dividends: { 0: [0.8, 0.1, 0.1], 1: [1.0, 0, 0], 2: [0.9382, 0.0618, 0], 3: [0.8819, 0.0773, 0.0407], 4: [0.8564, 0.0844, 0.0592], 5: [0.8418, 0.0884, 0.0697] },
    exactDividends: {
      0: [52428, 6553, 6553], 1: [65535, 0, 0], 2: [61486, 4048, 0], 3: [57796, 5068, 2669], 4: [56122, 5531, 3881], 5: [55170, 5795, 4569],
    },
    exactBonds: {
      0: rep<Row>([[3, 6640]]),
      1: [[[3, 5951], [4, 6640]], [[3, 24229]], [[3, 24229]]],
      2: [[[3, 5336], [4, 12607]], [[3, 20770], [4, 6640]], [[3, 36565]]],
      3: [[[3, 4786], [4, 17970]], [[3, 18119], [4, 12607]], [[3, 28221], [4, 6640]]],
      4: [[[3, 4294], [4, 22789]], [[3, 15957], [4, 17970]], [[3, 23518], [4, 12607]]],
      5: [[[3, 3853], [4, 27120]], [[3, 14133], [4, 22789]], [[3, 20244], [4, 17970]]],
    },
  },
  {
    name: "test_yuma_3_kappa_moves_second", stakes: [8, 1, 1, 0, 0], servers: [3, 4], epochs: 6,
    weights: (e) => [rep([X, 0]), [[X, 0], [0, X], [X, 0]], [[0, X], [0, X], [X, 0]], rep([0, X])][e],
    dividends: { 0: [0.8, 0.1, 0.1], 1: [0.8446, 0.0498, 0.1056], 2: [0.6868, 0.3132, 0], 3: [0.7421, 0.2090, 0.0489], 4: [0.7625, 0.1706, 0.0669], 5: [0.7730, 0.1508, 0.0762] },
    exactDividends: {
      0: [52428, 6553, 6553], 1: [55350, 3266, 6918], 2: [45007, 20527, 0], 3: [48632, 13700, 3201], 4: [49969, 11183, 4382], 5: [50661, 9879, 4993],
    },
    exactBonds: {
      1: [[[3, 12607]], [[3, 5951], [4, 19572]], [[3, 12607]]],
      5: [[[3, 8023], [4, 22789]], [[3, 3853], [4, 35555]], [[3, 17771], [4, 17970]]],
    },
  },
  {
    name: "test_yuma_3_kappa_moves_last", stakes: [8, 1, 1, 0, 0], servers: [3, 4], epochs: 6,
    weights: (e) => [rep([X, 0]), [[X, 0], [0, X], [X, 0]], [[X, 0], [0, X], [0, X]], rep([0, X])][e],
    dividends: { 0: [0.8, 0.1, 0.1], 1: [0.8446, 0.0498, 0.1056], 2: [0.8966, 0.0333, 0.0701], 3: [0.4663, 0.3210, 0.2127], 4: [0.5976, 0.2340, 0.1683], 5: [0.6592, 0.1932, 0.1475] },
    exactDividends: {
      0: [52428, 6553, 6553], 1: [55350, 3266, 6918], 2: [58761, 2181, 4592], 3: [30561, 21034, 13938], 4: [39164, 15337, 11033], 5: [43202, 12663, 9669],
    },
    exactBonds: { 5: [[[3, 12471], [4, 17970]], [[3, 3853], [4, 42138]], [[3, 8023], [4, 32175]]] },
  },
  {
    name: "test_yuma_3_one_epoch_switch", stakes: [33, 33, 34, 0, 0], servers: [3, 4], epochs: 6,
    weights: (e) => (e === 2 ? [[X, 0], [X, 0], [0, X]] : rep([X, 0])),
    dividends: { 0: [0.33, 0.33, 0.34], 1: [0.33, 0.33, 0.34], 2: [0.3782, 0.3782, 0.2436], 3: [0.3628, 0.3628, 0.2745], 4: [0.3541, 0.3541, 0.2917], 5: [0.3487, 0.3487, 0.3026] },
    exactDividends: {
      0: [21626, 21626, 22281], 1: [21626, 21626, 22281], 2: [24784, 24784, 15965], 3: [23773, 23773, 17988], 4: [23209, 23209, 19116], 5: [22851, 22851, 19832],
    },
    exactBonds: { 5: [[[3, 31012]], [[3, 31012]], [[3, 26124], [4, 13439]]] },
  },
  {
    name: "test_yuma_3_liquid_alpha_disabled", stakes: [33, 33, 34, 0, 0], servers: [3, 4], epochs: 6, liquidAlpha: false,
    weights: (e) => (e === 2 ? [[X, 0], [X, 0], [0, X]] : rep([X, 0])),
    dividends: { 0: [0.33, 0.33, 0.34], 1: [0.33, 0.33, 0.34], 2: [0.3734, 0.3734, 0.2532], 3: [0.3611, 0.3611, 0.2779], 4: [0.3541, 0.3541, 0.2919], 5: [0.3495, 0.3495, 0.3009] },
    exactDividends: {
      0: [21626, 21626, 22281], 1: [21626, 21626, 22281], 2: [24470, 24470, 16593], 3: [23662, 23662, 18209], 4: [23203, 23203, 19128], 5: [22907, 22907, 19720],
    },
    exactBonds: { 5: [[[3, 9233]], [[3, 9233]], [[3, 7715], [4, 1518]]] },
  },
  {
    name: "test_yuma_3_stable_miner", stakes: [8, 1, 1, 0, 0, 0], servers: [3, 4, 5], epochs: 6,
    weights: (e) => [rep([H, 0, H]), [[H, 0, H], [0, H, H], [H, 0, H]], [[0, H, H], [0, H, H], [H, 0, H]], rep([0, H, H])][e],
    dividends: { 0: [0.8, 0.1, 0.1], 1: [0.8226, 0.0745, 0.1028], 2: [0.7750, 0.1685, 0.0565], 3: [0.7864, 0.1372, 0.0764], 4: [0.7912, 0.1241, 0.0847], 5: [0.7937, 0.1173, 0.0890] },
    exactDividends: {
      0: [52428, 6553, 6553], 1: [53911, 4884, 6738], 2: [50789, 11044, 3700], 3: [51538, 8990, 5005], 4: [51851, 8133, 5550], 5: [52013, 7688, 5832],
    },
    exactBonds: { 5: [[[3, 4078], [4, 11394], [5, 15505]], [[3, 1937], [4, 15668], [5, 15505]], [[3, 8271], [4, 8984], [5, 15505]]] },
  },
  {
    name: "test_yuma_3_bonds_reset", stakes: [8, 1, 1, 0, 0], servers: [3, 4], epochs: 41,
    weights: (e) => (e === 0 ? rep([X, 0]) : e === 1 ? [[X, 0], [0, X], [0, X]] : e <= 20 ? rep([0, X]) : e === 21 ? [[0, X], [X, 0], [X, 0]] : rep([X, 0])),
    // do_reset_bonds for UID 3 at e20 (BondsResetOn): every stored bond on column 3 is removed
    before: (e, chain) => {
      if (e === 20) chain.bondRows = chain.bondRows.map((r) => r.filter(([j]) => j !== 3));
    },
    dividends: {
      0: [0.8, 0.1, 0.1], 1: [0.8944, 0.0528, 0.0528], 2: [0.5230, 0.2385, 0.2385], 19: [0.7919, 0.1040, 0.1040],
      20: [0.7928, 0.1036, 0.1036], 21: [0.8467, 0.0766, 0.0766], 40: [0.7928, 0.1036, 0.1036],
    },
    exactDividends: {
      0: [52428, 6553, 6553], 1: [58617, 3458, 3458], 2: [34272, 15631, 15631], 19: [51897, 6818, 6818],
      20: [51958, 6788, 6788], 21: [55491, 5021, 5021], 40: [51958, 6788, 6788],
    },
    exactBonds: { 20: [[[4, 56923]], [[4, 59494]], [[4, 59494]]] },
  },
];

describe("C.8 Yuma3 scenarios (+ G.2 exact targets)", () => {
  for (const sc of scenarios) it(sc.name, () => run(sc));
});
