// The 22 synthetic cases of yuma-simulation (cases.py at 2b976fd; spec/yuma-variants.md §7) as data:
// three validators A, B, C, 40 epochs, raw weights and stakes per epoch, the bond reset each case
// declares (applied by 2C, 3 and 3-liquid only) and the config overrides (winner-takes-all).
import { buildCase, THREE_SERVERS, type CaseSpec, type Phase } from "./caseSchedule.js";
import { oneHotRows, threeServerNoisyWeights, twoServerNoisyWeights } from "./noisyWeights.js";
import type { YumaCase } from "./types.js";

const S1 = [1, 0];
const S2 = [0, 1];
const all = (row: readonly number[]): readonly (readonly number[])[] => [row, row, row];
const stakes = (a: number, b: number, c: number): Phase[] => [{ from: 0, rows: [[a], [b], [c]] }];

const BIG = "Big vali. (0.8)";

/** Cases 15–18: S3 always gets w; the rest (1 − w) moves from S1 to S2, B first, then A, then C. */
function stableMinerCase(n: number, rest: number, w: number): CaseSpec {
  const before = [rest, 0, w]; // rest = 1 − w, written as the package's literal
  const after = [0, rest, w];
  return {
    key: `case${n}`,
    name: `Case ${n} - big vali moves second, stable miner gets ${w}`,
    description: `3 servers; S3 always gets ${w} of every weight; the rest moves from S1 to S2: B at e1, A at e2, C at e3`,
    validators: [BIG, "Small eager vali. (0.1)", "Small lazy vali. (0.1)"],
    baseValidator: "Small eager vali. (0.1)",
    servers: THREE_SERVERS,
    weights: [
      { from: 0, rows: all(before) },
      { from: 1, rows: [before, after, before] },
      { from: 2, rows: [after, after, before] },
      { from: 3, rows: all(after) },
    ],
  };
}

const WTA_VALIDATORS_2 = ["Big vali. 1 (low noise)", "Big vali. 2 (high noise)", "Small vali. (high noise)"];
const WTA_VALIDATORS_3 = ["Big vali. 1 (low noise)", "Big vali. 2 (high noise)", "Big vali. 3 (high noise)"];

const SPECS: readonly CaseSpec[] = [
  {
    key: "case01", name: "Case 1 - kappa moves first",
    description: "the big validator (holds kappa) switches to the new best server first; the small ones follow",
    validators: [BIG, "Small lazy vali. (0.1)", "Small lazier vali. (0.1)"], baseValidator: BIG,
    weights: [{ from: 0, rows: all(S1) }, { from: 1, rows: [S2, S1, S1] }, { from: 2, rows: [S2, S2, S1] }, { from: 3, rows: all(S2) }],
  },
  {
    key: "case02", name: "Case 2 - kappa moves second",
    description: "a small eager validator leads the switch, the big one follows, the other small one last",
    validators: [BIG, "Small eager vali. (0.1)", "Small lazy vali. (0.1)"], baseValidator: "Small eager vali. (0.1)",
    weights: [{ from: 0, rows: all(S1) }, { from: 1, rows: [S1, S2, S1] }, { from: 2, rows: [S2, S2, S1] }, { from: 3, rows: all(S2) }],
  },
  {
    key: "case03", name: "Case 3 - kappa moves third",
    description: "both small validators switch before the big one",
    validators: [BIG, "Small eager vali. (0.1)", "Small lazy vali. (0.1)"], baseValidator: "Small eager vali. (0.1)",
    weights: [{ from: 0, rows: all(S1) }, { from: 1, rows: [S1, S2, S1] }, { from: 2, rows: [S1, S2, S2] }, { from: 3, rows: all(S2) }],
  },
  {
    key: "case04", name: "Case 4 - all validators switch",
    description: "every validator switches at the same epoch",
    validators: [BIG, "Small vali. (0.1)", "Small vali 2. (0.1)"], baseValidator: BIG,
    weights: [{ from: 0, rows: all(S1) }, { from: 1, rows: all(S2) }],
  },
  {
    key: "case05", name: "Case 5 - kappa moves second, then third",
    description: "two switches (S1→S2, then back); one small validator leads both, the other leads once",
    validators: [BIG, "Small eager-eager vali. (0.1)", "Small eager-lazy vali. (0.1)"], baseValidator: "Small eager-eager vali. (0.1)",
    weights: [
      { from: 0, rows: all(S1) }, { from: 1, rows: [S1, S2, S2] }, { from: 2, rows: all(S2) },
      { from: 21, rows: [S2, S1, S2] }, { from: 22, rows: [S2, S1, S1] }, { from: 23, rows: all(S1) },
    ],
    resetBonds: { server: 1, epoch: 20 },
  },
  {
    key: "case06", name: "Case 6 - kappa moves second, then all validators switch",
    description: "a small validator leads the first switch; the switch back is simultaneous",
    validators: [BIG, "Small eager vali. (0.1)", "Small lazy vali. (0.1)"], baseValidator: "Small eager vali. (0.1)",
    weights: [
      { from: 0, rows: all(S1) }, { from: 1, rows: [S1, S2, S1] }, { from: 2, rows: [S2, S2, S1] },
      { from: 3, rows: all(S2) }, { from: 21, rows: all(S1) },
    ],
    resetBonds: { server: 0, epoch: 21 },
  },
  {
    key: "case07", name: "Case 7 - big vali moves late, then all but one small vali moves late",
    description: "the big validator lags the first switch; on the way back only one small validator leads",
    validators: [BIG, "Small eager-lazy vali. (0.1)", "Small eager-eager vali. (0.1)"], baseValidator: "Small eager-eager vali. (0.1)",
    weights: [
      { from: 0, rows: all(S1) }, { from: 1, rows: [S1, S2, S2] }, { from: 2, rows: all(S2) },
      { from: 21, rows: [S2, S2, S1] }, { from: 22, rows: all(S1) },
    ],
    resetBonds: { server: 0, epoch: 21 },
  },
  {
    key: "case08", name: "Case 8 - big vali moves late, then late",
    description: "a lazy (dishonest) big validator lags one epoch behind both switches",
    validators: ["Big dishonest lazy vali. (0.8)", "Small eager-eager vali. (0.1)", "Small eager-eager vali 2. (0.1)"],
    baseValidator: "Small eager-eager vali. (0.1)",
    weights: [
      { from: 0, rows: all(S1) }, { from: 1, rows: [S1, S2, S2] }, { from: 2, rows: all(S2) },
      { from: 21, rows: [S2, S1, S1] }, { from: 22, rows: all(S1) },
    ],
    resetBonds: { server: 1, epoch: 20 },
  },
  {
    key: "case09", name: "Case 9 - small validators merged in e5",
    description: "stake moves between validators (C's stake joins B's after epoch 5): bond/stake scaling",
    validators: [BIG, "Small vali. (0.1/0.2)", "Small vali 2. (0.1/0.0)"], baseValidator: BIG,
    weights: [{ from: 0, rows: all(S2) }],
    stakes: [{ from: 0, rows: [[0.8], [0.1], [0.1]] }, { from: 6, rows: [[0.8], [0.2], [0.0]] }],
  },
  {
    key: "case10", name: "Case 10 - kappa delayed",
    description: "the big validator lags the switch by nine epochs",
    validators: ["Big delayed vali. (0.8)", "Small eager vali. (0.1)", "Small lazy vali. (0.1)"], baseValidator: "Small eager vali. (0.1)",
    weights: [{ from: 0, rows: all(S1) }, { from: 1, rows: [S1, S2, S1] }, { from: 10, rows: [S2, S2, S1] }, { from: 11, rows: all(S2) }],
  },
  {
    key: "case11", name: "Case 11 - clipping demo",
    description: "split weights between two big validators; the small one swings its weight at epoch 20",
    validators: ["Big vali. 1 (0.49)", "Big vali. 2 (0.49)", "Small vali. (0.02)"], baseValidator: "Big vali. 1 (0.49)",
    weights: [
      { from: 0, rows: [[0.3, 0.7], [0.6, 0.4], [0.61, 0.39]] },
      { from: 20, rows: [[0.3, 0.7], [0.6, 0.4], [0.3, 0.61]] },
    ],
    stakes: stakes(0.49, 0.49, 0.02),
  },
  {
    key: "case12", name: "Case 12 - all validators switch, but small validator/s support alt miner with minimal weight",
    description: "bond farming: a small validator keeps a 0.001 weight on the other server through both switches",
    validators: [BIG, "Small dishonest vali. (0.1)", "Small vali. (0.1)"], baseValidator: BIG,
    weights: [
      { from: 0, rows: [S1, [0.999, 0.001], S1] },
      { from: 1, rows: [S2, [0.001, 0.999], S2] },
      { from: 21, rows: [S1, [0.999, 0.001], S1] },
    ],
    resetBonds: { server: 1, epoch: 20 },
  },
  {
    key: "case13", name: "Case 13 - Big vali supports server 2, small validator/s support server 1",
    description: "persistent disagreement: the big validator backs S2, a small one splits evenly (from e21 both do)",
    validators: [BIG, "Small vali. (0.1)", "Small vali 2. (0.1)"], baseValidator: BIG,
    weights: [{ from: 0, rows: [S2, [0.5, 0.5], S2] }, { from: 21, rows: [S2, [0.5, 0.5], [0.5, 0.5]] }],
    resetBonds: { server: 0, epoch: 20 },
  },
  {
    key: "case14", name: "Case 14 - All validators support Server 1, one of them switches to Server 2 for one epoch",
    description: "a transient one-epoch deviation at near-equal stakes",
    validators: ["Vali. 1 (0.33)", "Vali. 2 (0.33)", "Vali. 3 (0.34)"], baseValidator: "Vali. 1 (0.33)",
    weights: [{ from: 0, rows: all(S1) }, { from: 20, rows: [S1, S1, S2] }, { from: 21, rows: all(S1) }],
    stakes: stakes(0.33, 0.33, 0.34),
  },
  stableMinerCase(15, 0.75, 0.25),
  stableMinerCase(16, 0.5, 0.5),
  stableMinerCase(17, 0.25, 0.75),
  stableMinerCase(18, 0.1, 0.9),
  {
    key: "case19", name: "Case 19 - Client-side WTA",
    description: "validators send a one-hot vote for the argmax of noisy scores (S1 0.6, S2 0.55; σ 0.05 / 0.15 / 0.15)",
    validators: WTA_VALIDATORS_2, baseValidator: WTA_VALIDATORS_2[0],
    weights: (n) => oneHotRows(twoServerNoisyWeights(n), 2),
    stakes: stakes(0.49, 0.49, 0.02),
  },
  {
    key: "case20", name: "Case 20 - Server-side WTA",
    description: "the same noisy scores sent as proportional weights; incentive is winner-takes-all",
    validators: WTA_VALIDATORS_2, baseValidator: WTA_VALIDATORS_2[0],
    weights: (n) => twoServerNoisyWeights(n),
    stakes: stakes(0.49, 0.49, 0.02),
    configOverrides: { winnerTakesAll: true },
  },
  {
    key: "case21", name: "Case 21 - 3 servers Client-side WTA",
    description: "3 servers (0.30 / 0.35 / 0.40, σ 0.05 / 0.10 / 0.10), one-hot votes and winner-takes-all incentive",
    validators: WTA_VALIDATORS_3, baseValidator: WTA_VALIDATORS_3[0], servers: THREE_SERVERS,
    weights: (n) => oneHotRows(threeServerNoisyWeights(n), 3),
    stakes: stakes(0.34, 0.33, 0.33),
    configOverrides: { winnerTakesAll: true },
  },
  {
    key: "case22", name: "Case 22 - 3 servers Server-side WTA",
    description: "the same 3-server noisy scores as proportional weights; incentive is winner-takes-all",
    validators: WTA_VALIDATORS_3, baseValidator: WTA_VALIDATORS_3[0], servers: THREE_SERVERS,
    weights: (n) => threeServerNoisyWeights(n),
    stakes: stakes(0.34, 0.33, 0.33),
    configOverrides: { winnerTakesAll: true },
  },
];

/** All 22 synthetic cases, in the package's order. */
export const YUMA_CASES: readonly YumaCase[] = Object.freeze(SPECS.map(buildCase));

/** The case with this key ("case05"), or undefined. */
export function yumaCaseByKey(key: string): YumaCase | undefined {
  return YUMA_CASES.find((c) => c.key === key);
}
