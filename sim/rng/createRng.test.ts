import { describe, expect, it } from "vitest";
import { createRng } from "./createRng.js";
import { streamSeed, taskSeed } from "./streamSeed.js";
import { bernoulli, clampedNormal, lognormal, normal, uniform } from "./distributions.js";

const take = (s: () => number, k: number) => Array.from({ length: k }, () => s());

describe("streamSeed", () => {
  it("is sha256 of 'taosim/rng/1\\0stream\\0<root>\\0<task>\\0<name>' (checked with printf | sha256sum)", () => {
    expect(streamSeed(42, 0, "validator/7/noise")).toBe(
      "0172a92580a93206691ed619844ebe944511bdea574e60fddce9b85acd1f4c0e",
    );
  });
});

describe("createRng", () => {
  it("gives known first values for a named stream", () => {
    const s = createRng(42, 0).stream("validator/7/noise");
    expect(take(s, 3)).toEqual([0.17501829541288316, 0.34575409814715385, 0.3399965774733573]);
  });

  it("same name gives the same numbers in a fresh rng, and the same generator object within one rng", () => {
    const r = createRng(42, 0);
    expect(r.stream("a")).toBe(r.stream("a"));
    expect(take(createRng(42, 0).stream("a"), 5)).toEqual(take(createRng(42, 0).stream("a"), 5));
  });

  it("different names, tasks or roots give different numbers", () => {
    const first = (root: number, task: number, name: string) => createRng(root, task).stream(name)();
    const base = first(42, 0, "validator/7/noise");
    expect(first(42, 0, "validator/8/noise")).not.toBe(base);
    expect(first(42, 1, "validator/7/noise")).toBe(0.03351328638382256);
    expect(first(43, 0, "validator/7/noise")).not.toBe(base);
  });

  it("adding a stream never changes another stream's numbers", () => {
    const solo = createRng(7).stream("miner/0/quality");
    const expected = take(solo, 4);
    const r = createRng(7);
    const mixed = r.stream("miner/0/quality");
    const got: number[] = [];
    for (let i = 0; i < 4; i++) {
      r.stream(`new/${i}`)();
      got.push(mixed());
      r.stream("validator/0/noise")();
    }
    expect(got).toEqual(expected);
  });

  it("fork restarts a stream without moving the shared one", () => {
    const r = createRng(42);
    const s = r.stream("x");
    const a = s();
    expect(r.fork("x")()).toBe(a);
    expect(s()).not.toBe(a);
  });

  it("rejects non-integer seeds", () => {
    expect(() => createRng(1.5)).toThrow("rng root seed must be a safe integer, got 1.5");
    expect(() => createRng(1, -1)).toThrow("rng task index must be a non-negative integer, got -1");
  });
});

describe("taskSeed", () => {
  it("is the first 48 bits of sha256('taosim/rng/1\\0task\\0<root>\\0<point>\\0<replicate>')", () => {
    expect(taskSeed(42, 0, 0)).toBe(0x479cbe8e503e);
    expect(taskSeed(42, 0, 0)).toBe(78738537467966);
    expect(taskSeed(42, 0, 1)).toBe(48179805315078);
    expect(taskSeed(42, 1, 0)).toBe(136292028726776);
  });
});

describe("distributions", () => {
  const fixed = (...xs: number[]) => {
    let i = 0;
    return () => xs[i++];
  };

  it("uniform maps [0,1) affinely", () => {
    expect(uniform(fixed(0.25), 2, 6)).toBe(3);
  });

  it("normal is Box–Muller on (1 - u1, u2), consuming two draws", () => {
    // u1 = 1 - 0.5 → sqrt(-2 ln 0.5) = sqrt(2 ln 2); u2 = 0 → cos 0 = 1
    expect(normal(fixed(0.5, 0), 1, 2)).toBeCloseTo(1 + 2 * Math.sqrt(2 * Math.LN2), 14);
    // u2 = 0.5 → cos π = −1
    expect(normal(fixed(0.5, 0.5))).toBeCloseTo(-Math.sqrt(2 * Math.LN2), 14);
  });

  it("lognormal is exp of normal", () => {
    expect(lognormal(fixed(0.5, 0), 0, 1)).toBeCloseTo(Math.exp(Math.sqrt(2 * Math.LN2)), 12);
  });

  it("clampedNormal puts the tails on the bounds", () => {
    expect(clampedNormal(fixed(0.5, 0), 0, 10, -1, 1)).toBe(1);
    expect(clampedNormal(fixed(0.5, 0.5), 0, 10, -1, 1)).toBe(-1);
    expect(clampedNormal(fixed(0, 0.25), 0.3, 1, -1, 1)).toBeCloseTo(0.3, 12); // radius 0 at u1 = 1 - 0
  });

  it("bernoulli compares one draw with p", () => {
    expect(bernoulli(fixed(0.2), 0.3)).toBe(true);
    expect(bernoulli(fixed(0.3), 0.3)).toBe(false);
  });

  it("a real stream's normals are standard on average", () => {
    const s = createRng(1).stream("x");
    const xs = Array.from({ length: 20000 }, () => normal(s));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });
});
