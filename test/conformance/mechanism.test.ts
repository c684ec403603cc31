// subtensor-vectors.md D (pallets/subtensor/src/tests/mechanism.rs), single-mechanism parts.
// A mechanism's epoch reads that mechanism's weights, bonds and LastUpdate and the subnet's shared stake,
// permits and registration; each mechanism is therefore one EpochInput here. The cross-mechanism
// aggregation (D.12) and the index/split helpers (D.1–D.6, no port in models/ yet) are not epoch states.
//
// Fixture mock_epoch_state (D.7): n = 2, tempo 1, block 1, LastUpdate [2,2], reg [1,1], 1e9 alpha each,
// permits [T,T], threshold 0, commit-reveal off, Yuma3 off, no owner, storage-default MaxAllowedValidators;
// both mechanisms 0:[(0,65535),(1,65535)], 1:[(0,65535),(1,65535)]. epoch(netuid, 1e9) splits the
// emission evenly: 5e8 per mechanism. mock_3_neurons adds UID 2 (reg 1, LastUpdate 2, no stake).
import { describe, expect, it } from "vitest";
import { runEpoch } from "../../models/consensus/runEpoch.js";
import { buildInput, rao, storedRows, u16, type Row } from "./epochState.js";

const HP = { tempo: 1, maxAllowedValidators: 128, yuma3: false };

function twoNeurons(weights: Row[]) {
  return buildInput({
    n: 2, block: 1, raoEmission: 500_000_000, hp: HP,
    alphaStake: [1e9, 1e9], reg: [1, 1], lastUpdate: [2, 2], permit: [true, true], weights,
  });
}

function threeNeurons(weights: Row[]) {
  return buildInput({
    n: 3, block: 1, raoEmission: 500_000_000, hp: HP,
    alphaStake: [1e9, 1e9, 0], reg: [1, 1, 1], lastUpdate: [2, 2, 2], permit: [true, false, false], weights,
  });
}

describe("mechanism.rs", () => {
  it("epoch_with_mechanisms_produces_per_mechanism_incentive: incentive [32767, 32767] on both mechanisms", () => {
    const w: Row[] = [[[0, 65535], [1, 65535]], [[0, 65535], [1, 65535]]];
    for (const mech of [0, 1]) {
      const out = runEpoch(twoNeurons(w));
      expect(u16(out.incentive), `mech ${mech}`).toEqual([32767, 32767]);
    }
  });

  it("epoch_with_mechanisms_updates_bonds: per-mechanism stored bonds", () => {
    const m0 = runEpoch(twoNeurons([[[0, 65535], [1, 65535]], [[0, 65535], [1, 65535]]]));
    const m1 = runEpoch(twoNeurons([[[0, 65535], [1, 0]], [[0, 65535], [1, 65535]]]));
    expect(storedRows(m0)).toEqual([[[1, 65535]], [[0, 65535]]]);
    expect(storedRows(m1)).toEqual([[], [[0, 65535]]]);
  });

  it("epoch_with_mechanisms_incentives_proportional_to_weights: [·, 52428, 13107] ±1 (exact: 52427 / 13106)", () => {
    const m0 = runEpoch(threeNeurons([[[1, 52428], [2, 13107]], [], []]));
    const m1 = runEpoch(threeNeurons([[[1, 13107], [2, 52428]], [], []]));
    // chain tolerance ±1
    expect(Math.abs(m0.incentive[1] - 52428)).toBeLessThanOrEqual(1);
    expect(Math.abs(m0.incentive[2] - 13107)).toBeLessThanOrEqual(1);
    expect(Math.abs(m1.incentive[1] - 13107)).toBeLessThanOrEqual(1);
    expect(Math.abs(m1.incentive[2] - 52428)).toBeLessThanOrEqual(1);
    // exact (catalogue emulator)
    expect([m0.incentive[1], m0.incentive[2]]).toEqual([52427, 13106]);
    expect([m1.incentive[1], m1.incentive[2]]).toEqual([13106, 52427]);
  });

  it("epoch_with_mechanisms_no_weight_no_incentive: 0:[(1,1),(2,0)] → incentive [0, 65535, 0] on both", () => {
    for (const mech of [0, 1]) {
      const out = runEpoch(threeNeurons([[[1, 1], [2, 0]], [], []]));
      expect(u16(out.incentive), `mech ${mech}`).toEqual([0, 65535, 0]);
    }
  });

  // epoch_with_mechanisms_persists_and_aggregates_all_terms (D.12): checks the aggregation across mechanisms
  // (OR of Active/permits, emission-weighted Consensus/Dividends/ValidatorTrust). NOT EXPRESSIBLE: EpochInput
  // is one mechanism (interfaces.md "Epoch I/O").

  it("epoch_mechanism_emergency_mode_distributes_by_stake: validator emission by stake, servers 0", () => {
    // add_network (Yuma3 on, MaxAllowedValidators 64), tempo 5; 4 UIDs registered at block 1;
    // LastUpdate [1,1,1,1]; permits [T,T,T,F]; stakes [10,30,60,0]; no weights; emission 1e6.
    const out = runEpoch(buildInput({
      n: 4, block: 1, raoEmission: 1_000_000, hp: { tempo: 5, maxAllowedValidators: 64, yuma3: true },
      alphaStake: [10, 30, 60, 0], reg: [1, 1, 1, 1], lastUpdate: [1, 1, 1, 1], permit: [true, true, true, false],
      weights: [[], [], [], []],
    }));
    expect(rao(out.serverEmission)).toEqual([0, 0, 0, 0]);
    const ve = rao(out.validatorEmission);
    [100000, 300000, 600000].forEach((e, i) => expect(Math.abs(ve[i] - e)).toBeLessThanOrEqual(2));
    expect(ve[3]).toBe(0);
    expect(Math.abs(ve[0] + ve[1] + ve[2] - 1_000_000)).toBeLessThanOrEqual(2);
    expect(ve).toEqual([99999, 299999, 600000, 0]); // exact (catalogue emulator)
  });
});
