// subtensor-vectors.md C (pallets/subtensor/src/tests/epoch.rs) with the appendix G exact targets, as
// EpochInput states. Multi-epoch scenarios carry the stored bonds and new permits forward (ChainState);
// manual epoch() calls leave LastMechansimStepBlock 0, so last_tempo = block − tempo.
import { describe, expect, it } from "vitest";
import { runEpoch } from "../../models/consensus/runEpoch.js";
import type { EpochInput } from "../../models/consensus/types.js";
import { alphaSigmoidExact } from "../../models/consensus/liquidAlpha.js";
import { bondAt, bools, buildInput, ChainState, emptyRows, rao, u16, type Row } from "./epochState.js";
import { mulberry32 } from "../helpers/mulberry32.js";

const exact = (inp: EpochInput) => runEpoch(inp, "exact");
const pick = (a: ArrayLike<number>, idx: number[]) => idx.map((i) => a[i]);
const range = (a: number, b: number) => Array.from({ length: b - a }, (_, k) => a + k);

/** Deterministic shuffle (mulberry32) for the chain's random layouts (same expectations for any layout). */
function shuffled(n: number, seed: number): number[] {
  const rnd = mulberry32(seed);
  const p = range(0, n);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

/** epoch.rs::distribute_nodes: 0 blockwise, 1 every (n/k)-th uid, 2 random (seeded here). */
function distributeNodes(k: number, n: number, interleave: number, seed = 1): { validators: number[]; servers: number[] } {
  if (interleave === 0) return { validators: range(0, k), servers: range(k, n) };
  if (interleave === 1) {
    const all = range(0, n);
    return { validators: all.filter((i) => i % (n / k) === 0), servers: all.filter((i) => i % (n / k) !== 0) };
  }
  const p = shuffled(n, seed);
  return { validators: p.slice(0, k).sort((a, b) => a - b), servers: p.slice(k).sort((a, b) => a - b) };
}

describe("C.1 test_bonds (classic bonds over 9 epochs) + G.1", () => {
  it("test_bonds: stored bonds, emissions and per-epoch u16 outputs", () => {
    const chain = new ChainState({
      n: 8, block: 1, hp: { tempo: 1, maxAllowedValidators: 8, yuma3: false, bondsPenalty: 65535 },
      alphaStake: [1, 2, 3, 4, 0, 0, 0, 0], reg: Array(8).fill(1), lastUpdate: Array(8).fill(1),
      permit: Array(8).fill(false), weights: emptyRows(8),
    });
    const V = [0, 1, 2, 3];
    const S = [4, 5, 6, 7];
    const col = (out: ReturnType<typeof exact>, j: number) => V.map((i) => bondAt(out, i, j));

    // epoch 0 (block 1): permits only
    let out = chain.epoch(1, exact);
    expect(bools(out.validatorPermit)).toEqual([true, true, true, true, false, false, false, false]);
    expect(u16(out.stakeWeight)).toEqual([6553, 13106, 19660, 26213, 0, 0, 0, 0]);
    expect(u16(out.consensus)).toEqual(Array(8).fill(0));
    expect(u16(out.incentive)).toEqual(Array(8).fill(0));
    expect(u16(out.dividends)).toEqual(Array(8).fill(0));
    expect(u16(out.validatorTrust)).toEqual(Array(8).fill(0));

    // epoch 1 (block 2)
    for (const v of V) chain.setWeights(v, S, [65535 >> 2, 65535 >> 1, (65535 >> 2) * 3, 65535], 2);
    expect(chain.spec.weights[0]).toEqual([[4, 16383], [5, 32767], [6, 49149], [7, 65535]]);
    out = chain.epoch(2, exact);
    expect(col(out, 4)).toEqual([16383, 32767, 49151, 65535]);
    expect(rao(out.emission)).toEqual([49999998, 99999999, 150000000, 200000001, 49998779, 100000610, 149996337, 200004272]);
    expect(pick(out.consensus, S)).toEqual([6553, 13107, 19660, 26214]);
    expect(pick(out.incentive, S)).toEqual([6553, 13107, 19660, 26214]);
    expect(pick(out.dividends, V)).toEqual([6553, 13106, 19660, 26214]);
    expect(pick(out.validatorTrust, V)).toEqual([65534, 65534, 65534, 65534]);

    // epoch 2 (block 3): uid 0 self-weight set at block 2
    chain.setWeights(0, [0], [65535], 2);
    out = chain.epoch(3, exact);
    expect(col(out, 4)).toEqual([14582, 32767, 49151, 65535]);
    expect(rao(out.emission)).toEqual([44998351, 101110561, 151667215, 202223870, 49998779, 100000610, 149996337, 200004272]);
    expect(pick(out.consensus, S)).toEqual([6553, 13107, 19660, 26214]);
    expect(pick(out.incentive, S)).toEqual([6553, 13107, 19660, 26214]);
    expect(pick(out.dividends, V)).toEqual([5897, 13252, 19879, 26505]);
    expect(pick(out.validatorTrust, V)).toEqual([0, 65534, 65534, 65534]);

    // epoch 3 (block 4): uid 1 self-weight set at block 3
    chain.setWeights(1, [1], [65535], 3);
    out = chain.epoch(4, exact);
    expect(col(out, 4)).toEqual([12603, 28321, 49151, 65535]);
    expect(rao(out.emission)).toEqual([40496805, 90999783, 157929636, 210573773, 49998779, 100000610, 149996337, 200004272]);
    expect(pick(out.dividends, V)).toEqual([5307, 11927, 20699, 27599]);
    expect(pick(out.validatorTrust, V)).toEqual([0, 0, 65534, 65534]);
    expect(pick(out.consensus, S)).toEqual([6553, 13107, 19660, 26214]);

    // epoch 4 (block 5): uid 2 self-weight → only validator 3 weights servers → every median 0 → emergency
    chain.setWeights(2, [2], [65535], 4);
    out = chain.epoch(5, exact);
    expect(col(out, 7)).toEqual([12602, 28320, 49150, 65535]);
    expect(rao(out.emission)).toEqual([99999999, 199999999, 299999999, 399999999, 0, 0, 0, 0]);
    expect(pick(out.consensus, S)).toEqual([0, 0, 0, 0]);
    expect(pick(out.incentive, S)).toEqual([0, 0, 0, 0]);
    expect(pick(out.dividends, V)).toEqual([0, 0, 0, 0]);
    expect(pick(out.validatorTrust, V)).toEqual([0, 0, 0, 0]);

    // epoch 5 (block 6): uid 2 weights server 7
    chain.setWeights(2, [7], [65535], 5);
    out = chain.epoch(6, exact);
    expect(col(out, 7)).toEqual([10951, 24609, 49150, 65535]);
    expect(rao(out.emission)).toEqual([36443733, 81898628, 163565493, 218092144, 0, 0, 0, 500000000]);
    const steady = (o: typeof out, d: number[]) => {
      expect(pick(o.consensus, S)).toEqual([0, 0, 0, 26214]);
      expect(pick(o.incentive, S)).toEqual([0, 0, 0, 65535]);
      expect(pick(o.dividends, V)).toEqual(d);
      expect(pick(o.validatorTrust, V)).toEqual([0, 0, 26214, 26214]);
    };
    steady(out, [4776, 10734, 21438, 28585]);

    out = chain.epoch(7, exact); // epoch 6
    expect(col(out, 7)).toEqual([9559, 21482, 49150, 65535]);
    expect(rao(out.emission)).toEqual([32799427, 73706612, 168638129, 224855830, 0, 0, 0, 500000000]);
    steady(out, [4299, 9660, 22103, 29471]);

    out = chain.epoch(8, exact); // epoch 7
    expect(col(out, 7)).toEqual([8376, 18824, 49150, 65535]);
    expect(rao(out.emission)).toEqual([29518068, 66336137, 173203134, 230942659, 0, 0, 0, 500000000]);
    steady(out, [3868, 8694, 22701, 30269]);

    out = chain.epoch(9, exact); // epoch 8
    expect(rao(out.emission)).toEqual([26565175, 59701871, 177311856, 236421095, 0, 0, 0, 500000000]);
    steady(out, [3481, 7825, 23240, 30987]);
    const rows: Row[] = V.map((i) => S.map((j) => [j, bondAt(out, i, j)] as [number, number]));
    expect(rows).toEqual([
      [[4, 12598], [5, 12598], [6, 12598], [7, 7363]],
      [[4, 28316], [5, 28316], [6, 28316], [7, 16549]],
      [[4, 49146], [5, 49146], [6, 49146], [7, 49150]],
      [[4, 65535], [5, 65535], [6, 65535], [7, 65535]],
    ]);
  });
});

describe("C.2 test_active_stake", () => {
  it("test_active_stake: dividends, emissions and bonds over 4 epochs", () => {
    const chain = new ChainState({
      n: 4, block: 0, hp: { tempo: 1, maxAllowedValidators: 4, yuma3: false },
      alphaStake: [1, 1, 1, 1], reg: [0, 0, 0, 0], lastUpdate: [0, 0, 0, 0], permit: Array(4).fill(false), weights: emptyRows(4),
    });
    let out = chain.epoch(0, exact);
    expect(bools(out.validatorPermit)).toEqual([true, true, true, true]);

    chain.setWeights(0, [2, 3], [32767, 32767], 1);
    chain.setWeights(1, [2, 3], [32767, 32767], 1);
    expect(chain.spec.weights[0]).toEqual([[2, 65535], [3, 65535]]);
    out = chain.epoch(1, exact);
    expect(pick(out.dividends, [0, 1])).toEqual([32767, 32767]);
    expect(rao(out.emission)).toEqual([250000000, 250000000, 250000000, 250000000]);
    for (const i of [0, 1]) expect([0, 1, 2, 3].map((j) => bondAt(out, i, j))).toEqual([0, 0, 65535, 65535]);
    expect(u16(out.incentive)).toEqual([0, 0, 32767, 32767]); // G.3

    chain.setWeights(0, [2, 3], [32767, 32767], 5002);
    out = chain.epoch(5002, exact);
    expect(bools(out.active)).toEqual([true, false, false, false]);
    expect(out.dividends[0]).toBe(36044);
    expect(out.emission[0]).toBe(274999999);
    expect([bondAt(out, 0, 2), bondAt(out, 0, 3)]).toEqual([65535, 65535]);
    expect(out.dividends[1]).toBe(29490);
    expect(out.emission[1]).toBe(224999999);
    expect([bondAt(out, 1, 2), bondAt(out, 1, 3)]).toEqual([53619, 53619]);
    expect(u16(out.incentive)).toEqual([0, 0, 32767, 32767]);

    chain.setWeights(1, [2, 3], [32767, 32767], 5002);
    out = chain.epoch(5003, exact);
    expect(out.dividends[0]).toBe(35716);
    expect(out.emission[0]).toBe(272501132);
    expect([bondAt(out, 0, 2), bondAt(out, 0, 3)]).toEqual([65535, 65535]);
    expect(out.dividends[1]).toBe(29818);
    expect(out.emission[1]).toBe(227498866);
    expect([bondAt(out, 1, 2), bondAt(out, 1, 3)]).toEqual([54712, 54712]);
    expect(u16(out.incentive)).toEqual([0, 0, 32767, 32767]);
  });
});

describe("C.3 test_outdated_weights + G.3", () => {
  it("test_outdated_weights: tempo 0, UID 3 replaced, outdated column dropped, its old bonds kept", () => {
    const chain = new ChainState({
      n: 4, block: 1, hp: { tempo: 0, maxAllowedValidators: 4, yuma3: false },
      alphaStake: [1, 1, 1, 1], reg: [1, 1, 1, 1], lastUpdate: [1, 1, 1, 1], permit: Array(4).fill(false), weights: emptyRows(4),
    });
    let out = chain.epoch(1, exact);
    expect(bools(out.validatorPermit)).toEqual([true, true, true, true]);

    chain.setWeights(0, [2, 3], [43690, 21845], 2);
    chain.setWeights(1, [2, 3], [43690, 21845], 2);
    chain.setWeights(2, [2], [65535], 2);
    chain.setWeights(3, [3], [65535], 2);
    expect(chain.spec.weights[0]).toEqual([[2, 65535], [3, 32768]]);
    out = chain.epoch(2, exact);
    expect(rao(out.emission)).toEqual([250000000, 250000000, 333331637, 166668361]); // trace

    chain.replace(3, 2);
    chain.setWeights(0, [2, 3], [43690, 21845], 3);
    expect(chain.spec.weights[1]).toEqual([[2, 65535], [3, 0]]);
    expect(chain.spec.lastUpdate).toEqual([3, 2, 2, 2]);
    out = chain.epoch(3, exact);
    expect(out.dividends[0]).toBe(32767);
    expect(out.emission[0]).toBe(250000000);
    expect(bondAt(out, 0, 2)).toBe(65535);
    expect(bondAt(out, 0, 3)).toBe(65535);
    // G.3
    expect(u16(out.consensus)).toEqual([0, 0, 43689, 0]);
    expect(u16(out.incentive)).toEqual([0, 0, 65535, 0]);
    expect(rao(out.emission)).toEqual([250000000, 250000000, 500000000, 0]);
  });
});

describe("C.4 test_zero_weights + G.3", () => {
  it("test_zero_weights: emergency mode until a valid weight, then [5e8, 5e8]", () => {
    const chain = new ChainState({
      n: 2, block: 1, hp: { tempo: 65534, maxAllowedValidators: 64, yuma3: false },
      alphaStake: [1, 0], reg: [1, 1], lastUpdate: [1, 1], permit: [false, false], weights: emptyRows(2),
    });
    let out = chain.epoch(1, exact); // 1. no weights, no active stake → fallback to stake
    expect(rao(out.emission)).toEqual([1000000000, 0]);

    chain.setWeights(1, [1], [65535], 1); // 2. server self-weight (masked)
    out = chain.epoch(1, exact);
    expect(rao(out.emission)).toEqual([1000000000, 0]);

    chain.setWeights(0, [1], [65535], 2); // 3. weight on uid 1, then uid 1 replaced at block 2 → outdated
    chain.replace(1, 2);
    out = chain.epoch(2, exact);
    expect(rao(out.emission)).toEqual([1000000000, 0]);

    chain.setWeights(0, [1], [65535], 3); // 4. re-set at block 3
    out = chain.epoch(3, exact);
    expect(rao(out.emission)).toEqual([500000000, 500000000]);
    expect(u16(out.consensus)).toEqual([0, 65535]);
    expect(u16(out.incentive)).toEqual([0, 65535]);
    expect(u16(out.dividends)).toEqual([65535, 0]);
    expect(u16(out.validatorTrust)).toEqual([65535, 0]);
  });
});

describe("C.5 test_512_graph", () => {
  // The chain runs the dense epoch; the catalogue's emulator gives identical results on the sparse path.
  // Layout 2 is random on chain ([NP] layout, same expectations): a seeded shuffle here.
  for (const interleave of [0, 1, 2]) {
    for (const serverSelf of [false, true]) {
      it(`test_512_graph (interleave ${interleave}, server self-weights ${serverSelf})`, () => {
        const n = 512;
        const { validators, servers } = distributeNodes(64, n, interleave, 512);
        const isV = new Set(validators);
        const chain = new ChainState({
          n, block: 1, hp: { tempo: 65534, maxAllowedValidators: 64, yuma3: false, bondsPenalty: 65535 },
          alphaStake: range(0, n).map((i) => (isV.has(i) ? 328_125_000_000_000n : 0n)),
          reg: Array(n).fill(0), lastUpdate: Array(n).fill(0), permit: Array(n).fill(false), weights: emptyRows(n),
        });
        chain.epoch(1, exact); // permits
        for (const v of validators) chain.setWeights(v, servers, servers.map(() => Math.floor(65535 / n)), 1);
        expect(chain.spec.weights[validators[0]][0]).toEqual([servers[0], 65535]);
        if (serverSelf) for (const s of servers) chain.setWeights(s, [s], [65535], 1);
        let out = chain.epoch(1, exact);
        out = chain.epoch(1, exact);
        out = chain.epoch(1, exact);
        const v0 = validators[0];
        const s0 = servers[0];
        for (const v of validators) {
          expect(out.consensus[v], `consensus[${v}]`).toBe(0);
          expect(out.incentive[v], `incentive[${v}]`).toBe(0);
          expect(out.dividends[v], `dividends[${v}]`).toBe(1023);
          expect(out.emission[v], `emission[${v}]`).toBe(7812500);
          expect(bondAt(out, v, v0)).toBe(0);
          expect(bondAt(out, v, s0)).toBe(65535);
        }
        for (const s of servers) {
          expect(out.consensus[s], `consensus[${s}]`).toBe(146);
          expect(out.incentive[s], `incentive[${s}]`).toBe(146);
          expect(out.dividends[s], `dividends[${s}]`).toBe(0);
          expect(out.emission[s], `emission[${s}]`).toBe(1116071);
          expect(bondAt(out, s, v0)).toBe(0);
          expect(bondAt(out, s, s0)).toBe(0);
        }
      });
    }
  }
});

// C.6 test_512_graph_random_weights [NP]: weights from Rust StdRng; only asserts dense == sparse. Not portable.

describe("C.7 small graphs", () => {
  it("test_1_graph: one neuron, self-weight only → consensus, incentive, dividends 0", () => {
    // The stake comes from add_stake (a swap); any positive amount gives the same outputs.
    const chain = new ChainState({
      n: 1, block: 1, hp: { tempo: 65534, maxAllowedValidators: 64, yuma3: false },
      alphaStake: [1_000_000_000], reg: [1], lastUpdate: [1], permit: [false], weights: emptyRows(1),
    });
    chain.setWeights(0, [0], [65535], 1);
    const out = chain.epoch(1, exact);
    expect(u16(out.consensus)).toEqual([0]);
    expect(u16(out.incentive)).toEqual([0]);
    expect(u16(out.dividends)).toEqual([0]);
  });

  it("test_10_graph: 10 self-weighting neurons, 1 rao each → emission 99999999 each, stake weight 6553 (G.3)", () => {
    const chain = new ChainState({
      n: 10, block: 1, hp: { tempo: 65534, maxAllowedValidators: 64, yuma3: false },
      alphaStake: Array(10).fill(1), reg: Array(10).fill(0), lastUpdate: Array(10).fill(0), permit: Array(10).fill(false), weights: emptyRows(10),
    });
    for (let i = 0; i < 10; i++) chain.setWeights(i, [i], [65535], 1);
    const out = chain.epoch(1, exact);
    expect(u16(out.consensus)).toEqual(Array(10).fill(0));
    expect(u16(out.incentive)).toEqual(Array(10).fill(0));
    expect(u16(out.dividends)).toEqual(Array(10).fill(0));
    expect(rao(out.emission)).toEqual(Array(10).fill(99999999));
    expect(u16(out.stakeWeight)).toEqual(Array(10).fill(6553));
  });

  // test_last_update_size_mismatch: LastUpdate = [1,1,1] for n = 1. NOT EXPRESSIBLE: EpochInput.lastUpdate has
  // length n by contract; the chain reads the vector index-wise, so only its first entry would matter.
});

describe("C.10 test_validator_permits", () => {
  for (const interleave of [0, 1, 2]) {
    for (const [n, k] of [[2, 1], [4, 2], [8, 4]] as const) {
      for (const assignment of [0, 1]) {
        it(`test_validator_permits (interleave ${interleave}, n ${n}, k ${k}, assignment ${assignment})`, () => {
          const { validators, servers } = distributeNodes(k, n, interleave, 100 * n + assignment);
          const stake = Array(n).fill(0);
          for (const v of validators) stake[v] = assignment === 1 ? v + n : 1;
          for (const s of servers) stake[s] = assignment === 1 ? s : 0;
          const chain = new ChainState({
            n, block: 1, hp: { tempo: 65534, maxAllowedValidators: k, yuma3: true, stakeThreshold: BigInt(k) },
            alphaStake: stake.slice(), reg: Array(n).fill(1), lastUpdate: Array(n).fill(1), permit: Array(n).fill(false), weights: emptyRows(n),
          });
          let out = chain.epoch(1, exact);
          for (const v of validators) expect(out.validatorPermit[v] === 1, `validator ${v}`).toBe(stake[v] >= k);
          for (const s of servers) expect(out.validatorPermit[s], `server ${s}`).toBe(0);
          for (const s of servers) chain.spec.alphaStake[s] = stake[s] + 2 * n;
          out = chain.epoch(1, exact);
          for (const v of validators) expect(out.validatorPermit[v], `validator ${v}`).toBe(0);
          for (const s of servers) expect(out.validatorPermit[s] === 1, `server ${s}`).toBe(stake[s] + 2 * n >= k);
        });
      }
    }
  }
});

describe("C.11 owner and fallback cases", () => {
  it("test_can_set_self_weight_as_subnet_owner: owner self-weight kept, equal server emission > 0 for both", () => {
    // add_dynamic_network: owner hotkey = UID 0, Yuma3 on; both registered at block 1; block 2.
    const out = runEpoch(buildInput({
      n: 2, block: 2, ownerUid: 0, hp: { tempo: 360, maxAllowedValidators: 64, yuma3: true },
      alphaStake: [5_000_000_000_000, 0], reg: [1, 1], lastUpdate: [2, 0], permit: [true, false],
      weights: [[[0, 32767], [1, 32767]], []],
    }));
    expect(out.serverEmission[0]).toBeGreaterThan(0);
    expect(out.serverEmission[1]).toBeGreaterThan(0);
    expect(out.serverEmission[0]).toBe(out.serverEmission[1]);
    expect(u16(out.consensus)).toEqual([32767, 32767]); // consensus = owner's weights [0.5, 0.5]
  });

  it("test_epoch_outputs_single_staker_registered_no_weights: Σ incentive + Σ dividends emission = 1e9 ± 1000", () => {
    const out = runEpoch(buildInput({
      n: 1, block: 1, hp: { tempo: 65534, maxAllowedValidators: 64, yuma3: true },
      alphaStake: [1], reg: [1], lastUpdate: [1], permit: [false], weights: emptyRows(1),
    }));
    const total = out.serverEmission[0] + out.validatorEmission[0];
    expect(Math.abs(total - 1e9)).toBeLessThanOrEqual(1000);
    expect(out.validatorEmission[0]).toBe(1e9); // emergency fallback to stake: exactly [1]
  });
});

describe("C.9 test_liquid_alpha_equal_values_against_itself", () => {
  // The chain test calls the dense compute_bonds with a given consensus vector [0.3,0.2,0.1,0.4], which
  // EpochInput cannot set. Expressed here (a) on the kernel's alpha sigmoid and (b) as an epoch state with
  // the test's weight and bond matrices (validators 0..3, servers 4..6): Yuma3 with liquid alpha
  // (6553, 6553) must equal constant alpha (BondsMovingAverage 900000 → 0.1) within 1e-3.
  it("alpha_low = alpha_high = 6553 gives alpha 6553/65535 for every combined diff", () => {
    const low = Number((6553n << 32n) / 65535n);
    for (const d of [0, 1, 2 ** 20, 2 ** 31, 2 ** 32 - 1, 2 ** 32]) {
      for (const steepness of [1000, 0, -1000, 32767]) {
        expect(alphaSigmoidExact(d, { low, high: low, steepness })).toBe(low);
      }
    }
    expect(Math.abs(low / 2 ** 32 - 0.1)).toBeLessThan(1e-3);
  });
  it("epoch: stored bonds and dividends with liquid alpha (6553, 6553) equal alpha 0.1 within 1e-3", () => {
    const W = [[0, 0.1, 0], [0, 0.2, 0.4], [0, 0.3, 0.1], [0, 0.4, 0.5]];
    const B = [[0.1, 0.1, 0.5], [0, 0, 0.4], [0.5, 0.1, 0.1], [0, 0.4, 0.2]];
    // Weight rows carry explicit zeros and β = 0 (as in the C.8 scenarios), so the sparse EMA sees every
    // cell the dense compute_bonds sees (the liquid-alpha sparse EMA drops cells absent from Wb, spec §7.4).
    const toRow = (r: number[], zeros: boolean): Row => r.flatMap((v, k) => (v > 0 || zeros ? [[4 + k, Math.round(v * 65535)] as [number, number]] : []));
    const base = (liquidAlpha: boolean) => buildInput({
      n: 7, block: 1000, hp: { tempo: 360, yuma3: true, liquidAlpha, alphaLow: 6553, alphaHigh: 6553, bondsMovingAverage: 900_000, bondsPenalty: 0 },
      alphaStake: [1e9, 2e9, 3e9, 4e9, 0, 0, 0], reg: Array(7).fill(0), lastUpdate: Array(7).fill(1000),
      permit: [true, true, true, true, false, false, false],
      weights: [...W.map((r) => toRow(r, true)), [], [], []], bonds: [...B.map((r) => toRow(r, false)), [], [], []],
    });
    const la = runEpoch(base(true));
    const ca = runEpoch(base(false));
    expect(u16(la.consensus).some((c) => c > 0)).toBe(true); // liquid alpha is only used with non-zero consensus
    for (let i = 0; i < 4; i++) for (let j = 4; j < 7; j++) {
      expect(Math.abs(bondAt(la, i, j) - bondAt(ca, i, j)), `bond ${i},${j}`).toBeLessThanOrEqual(65535e-3);
    }
    for (let i = 0; i < 7; i++) expect(Math.abs(la.dividends[i] - ca.dividends[i]), `dividend ${i}`).toBeLessThanOrEqual(65535e-3);
  });
});

// C.8 Yuma3 scenarios: yuma3.test.ts. C.12 (commit-reveal masking) is outside the I/O (reveal already applied). C.13 are setter/scheduler tests.
