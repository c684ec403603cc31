import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { YUMA_CASES, yumaCaseByKey } from "./cases.js";
import { Mt19937, TorchCpuNormal } from "./torchNormal.js";

const VECTORS = fileURLToPath(new URL("../../test/vectors/yuma-sim/", import.meta.url));

describe("synthetic cases", () => {
  test("there are 22 cases of 3 validators and 40 epochs with consistent shapes", () => {
    expect(YUMA_CASES.map((c) => c.key)).toEqual(Array.from({ length: 22 }, (_, i) => `case${String(i + 1).padStart(2, "0")}`));
    for (const c of YUMA_CASES) {
      expect(c.validators).toHaveLength(3);
      expect(c.weights).toHaveLength(40);
      expect(c.stakes).toHaveLength(40);
      for (const w of c.weights) expect(w).toHaveLength(3 * c.servers.length);
      expect(c.validators).toContain(c.baseValidator);
    }
    expect(YUMA_CASES.filter((c) => c.resetBonds !== null).map((c) => c.key)).toEqual(
      ["case05", "case06", "case07", "case08", "case12", "case13"],
    );
  });

  // Each vector file records the package's raw inputs: ours must be the same numbers.
  const files = readdirSync(VECTORS).filter((f) => f.endsWith("__YUMA3__bma0.975_reset1.json") || f.endsWith("__YUMA3__bma0.975_reset0.json"));
  for (const name of files) {
    test(`inputs, names and reset of ${name.slice(0, 6)} equal the package's`, () => {
      const file = JSON.parse(readFileSync(join(VECTORS, name), "utf8"));
      const c = yumaCaseByKey(name.slice(0, 6))!;
      expect(c.name).toBe(file.case.name);
      expect(c.validators).toEqual(file.case.validators);
      expect(c.baseValidator).toBe(file.case.base_validator);
      expect(c.resetBonds).toEqual(file.case.reset_bonds ? { server: file.case.reset_bonds_index, epoch: file.case.reset_bonds_epoch } : null);
      expect(c.weights.map((w) => Array.from(w))).toEqual(file.inputs.W.map((w: number[][]) => w.flat()));
      expect(c.stakes.map((s) => Array.from(s))).toEqual(file.inputs.S);
    });
  }

  test("case 9 moves C's stake to B after epoch 5", () => {
    const c = yumaCaseByKey("case09")!;
    expect(Array.from(c.stakes[5])).toEqual([0.8, 0.1, 0.1]);
    expect(Array.from(c.stakes[6])).toEqual([0.8, 0.2, 0]);
  });

  test("case 18 keeps the package's literal 0.1 (not 1 − 0.9)", () => {
    expect(Array.from(yumaCaseByKey("case18")!.weights[0].subarray(0, 3))).toEqual([0.1, 0, 0.9]);
  });

  test("case 20 noisy weights at epoch 0 (regression of the torch generator port)", () => {
    expect(Array.from(yumaCaseByKey("case20")!.weights[0])).toEqual([
      0.5353604383923966, 0.46463869369178007, 0.6136737665319214, 0.38632505935045713, 0.5652250466309084, 0.43477416850973016,
    ]);
    const one = yumaCaseByKey("case19")!.weights[0];
    expect(Array.from(one)).toEqual([1, 0, 1, 0, 1, 0]);
  });
});

describe("torch generator port", () => {
  test("mt19937 matches the reference sequence", () => {
    const m = new Mt19937(5489);
    expect([m.nextUint32(), m.nextUint32(), m.nextUint32()]).toEqual([3499211612, 581869302, 3890346734]);
  });

  test("normals match torch.manual_seed(s); torch.randn(4) for s = 0 and 42 (to 4 decimals, as printed)", () => {
    const draw = (s: number) => {
      const g = new TorchCpuNormal(s);
      return [0, 1, 2, 3].map(() => Number(g.normal(0, 1).toFixed(4)));
    };
    expect(draw(0)).toEqual([1.541, -0.2934, -2.1788, 0.5684]);
    expect(draw(42)).toEqual([0.3367, 0.1288, 0.2345, 0.2303]);
  });
});
