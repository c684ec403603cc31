// The subnet-15 fixture: made from the archived metagraph by the committed conversion, identical in
// its two places, with the chain's u16 weight quantisation, and its next epoch as `taosim epoch`
// computes it (checked against hand calculations from the metagraph's stake).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runEpoch } from "../../models/consensus/runEpoch.js";
import { convertMetagraphText } from "./convertMetagraph.js";
import { loadSnapshotText } from "./loadSnapshot.js";
import type { FloatMetagraph } from "./metagraphToSnapshot.js";
import { snapshotEpochInput } from "./snapshotEpochInput.js";

const read = (rel: string) => readFileSync(new URL(rel, import.meta.url), "utf8");
const METAGRAPH = read("../../test/vectors/metagraphs/sn15-4769998.json");
const BUILTIN = read("../../scenarios/snapshots/sn15-4769998.json");
const VECTOR = read("../../test/vectors/snapshots/sn15-4769998.json");

describe("the sn15 snapshot fixture", () => {
  it("is what the conversion script makes from the archived metagraph, in both places", () => {
    expect(convertMetagraphText(METAGRAPH, "sn15")).toBe(BUILTIN);
    expect(VECTOR).toBe(BUILTIN);
  });

  it("stores each weight row max-upscaled to u16: round(w / max(w) · 65535)", () => {
    const m = JSON.parse(METAGRAPH) as FloatMetagraph;
    const s = loadSnapshotText(BUILTIN, "sn15");
    let entries = 0;
    s.subnets[0].neurons.forEach((neuron, uid) => {
      const row = m.W[uid];
      const max = Math.max(...row.map(([, w]) => w));
      expect(neuron.weights.entries()).toEqual(row.map(([j, w]) => [j, Math.round((w / max) * 65535)]));
      entries += row.length;
    });
    expect(entries).toBe(1687);
  });

  it("runs its next epoch: stake weights from the metagraph's stake, 64 permits, the pending emission paid out", () => {
    const s = loadSnapshotText(BUILTIN, "sn15");
    const input = snapshotEpochInput(s, 15);
    expect(input.block).toBe(4_769_877 + 360);
    const out = runEpoch(input, "exact");
    const m = JSON.parse(METAGRAPH) as FloatMetagraph;
    const total = m.S.reduce((a, b) => a + b, 0);
    for (const uid of [2, 52, 0]) expect(Math.abs(out.stakeWeight[uid] - (m.S[uid] / total) * 65535)).toBeLessThanOrEqual(1);
    const permits = [...out.validatorPermit].flatMap((p, uid) => (p ? [uid] : []));
    const top64 = m.S.map((st, uid) => [st, uid]).sort((a, b) => b[0] - a[0] || b[1] - a[1]).slice(0, 64).map(([, uid]) => uid).sort((a, b) => a - b);
    expect(permits).toEqual(top64);
    const paid = out.emission.reduce((a, b) => a + b, 0);
    expect(paid).toBeLessThanOrEqual(295_200_000_000); // 2 × 360 × 410_000_000 rao pending
    expect(paid).toBeGreaterThan(295_200_000_000 - 2 * 256 * 2); // per-uid floors only
  });
});
