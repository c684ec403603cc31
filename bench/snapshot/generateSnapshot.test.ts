// The benchmark's generated snapshot is a valid taosim.snapshot/1 (a small one, checked here).
import { describe, expect, it } from "vitest";
import { formatSnapshotText } from "../../sim/snapshot/formatSnapshotText.js";
import { checkSnapshotText } from "../../sim/snapshot/loadSnapshot.js";
import { generateSnapshot } from "./generateSnapshot.js";

describe("generateSnapshot", () => {
  it("makes a valid snapshot with full rows for the validators", () => {
    const check = checkSnapshotText(formatSnapshotText(generateSnapshot({ subnets: 3, uids: 16, validators: 4 })), "gen.json");
    expect(check.ok ? [] : check.errors.map((e) => e.message)).toEqual([]);
    if (!check.ok) return;
    expect(check.snapshot.subnets.map((s) => s.neurons.length)).toEqual([16, 16, 16]);
    expect(check.snapshot.subnets[2].neurons[3].weights.length).toBe(16);
    expect(check.snapshot.subnets[2].neurons[4].weights.length).toBe(0);
  });
});
