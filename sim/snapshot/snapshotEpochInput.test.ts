// snapshotEpochInput: the EpochInput of a subnet of a snapshot, field by field against the small
// test snapshot (values worked out by hand from its text).
import { describe, expect, it } from "vitest";
import { SMALL_SNAPSHOT } from "../../test/helpers/snapshotText.js";
import { loadSnapshotText } from "./loadSnapshot.js";
import { nextEpochBlock, snapshotEpochInput, SnapshotEpochError } from "./snapshotEpochInput.js";

const snapshot = loadSnapshotText(SMALL_SNAPSHOT, "small.json");

describe("snapshotEpochInput", () => {
  it("maps every storage item of the subnet onto the epoch's input", () => {
    const input = snapshotEpochInput(snapshot, 1);
    expect(input.n).toBe(3);
    expect(input.block).toBe(1000); // LastEpochBlock 900 + tempo 100
    expect(input.raoEmission).toBe(1_000_000_000); // pending server 5e8 + validator 4e8 + root 1e8
    expect(input.ownerUid).toBe(2); // SubnetOwnerHotkey hk2 holds uid 2
    expect(input.lastMechanismStepBlock).toBe(900);
    expect([...input.alphaStake]).toEqual([2_000_000_000n, 0n, 1_000_000_000n]);
    expect([...input.taoStake]).toEqual([6_000_000_000n, 0n, 0n]); // hk0's two root rows: 5e9 + 1e9
    expect([...input.lastUpdate]).toEqual([990, 900, 950]);
    expect([...input.blockAtRegistration]).toEqual([0, 0, 10]);
    expect([...input.validatorPermit]).toEqual([1, 0, 0]);
    expect([...input.weights.rowPtr]).toEqual([0, 2, 2, 3]);
    expect([...input.weights.col]).toEqual([1, 2, 1]);
    expect([...input.weights.val]).toEqual([65535, 30000, 100]);
    expect([...input.bonds.rowPtr]).toEqual([0, 1, 1, 1]);
    expect([...input.bonds.col, ...input.bonds.val]).toEqual([1, 1000]);
    expect(input.hyperparameters).toEqual({
      tempo: 100, activityCutoffFactorMilli: 13_889, kappa: 32_767, bondsPenalty: 65_535, bondsMovingAverage: 900_000,
      yuma3: false, liquidAlpha: false, alphaLow: 45_875, alphaHigh: 58_982, alphaSigmoidSteepness: 1_000,
      maxAllowedValidators: 2, stakeThreshold: 0n, taoWeight: 18_446_744_073_709_551_615n,
    });
  });

  it("takes neurons in uid order whatever their order in the file", () => {
    const shuffled = { ...snapshot, subnets: [{ ...snapshot.subnets[0], neurons: [...snapshot.subnets[0].neurons].reverse() }] };
    const input = snapshotEpochInput(shuffled, 1);
    expect([...input.alphaStake]).toEqual([2_000_000_000n, 0n, 1_000_000_000n]);
    expect([...input.weights.rowPtr]).toEqual([0, 2, 2, 3]);
  });

  it("runs at a given block and distributes a given emission", () => {
    const input = snapshotEpochInput(snapshot, 1, 1234, { raoEmission: 7n });
    expect([input.block, input.raoEmission]).toEqual([1234, 7]);
    expect(nextEpochBlock(snapshot.subnets[0])).toBe(1000);
  });

  it("names the missing subnet", () => {
    expect(() => snapshotEpochInput(snapshot, 2)).toThrow(SnapshotEpochError);
    expect(() => snapshotEpochInput(snapshot, 2)).toThrow("expected a subnet with netuid 2, found only netuids 1");
  });
});
