import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileArithmetic } from "./arithmeticExpression.js";
import { compileExpression, compileNumberOrExpression } from "./expressions.js";
import { resolveScenario } from "./schema.js";
import { executeRun } from "../sim/run/runTask.js";
import { csvRows } from "../sim/run/tableCsv.js";

const VARS = ["u", "i", "day"];

/** The value (or the error message) an expression gives for `scope`, compiled by `compile`. */
function outcome(compile: () => { evaluate(s: Record<string, number>): number }, scope: Record<string, number>): number | string {
  try {
    return compile().evaluate(scope);
  } catch (err) {
    return `throws ${(err as Error).message}`;
  }
}

const spaces = fc.constantFrom("", " ", "  ", "\t");
const numberText = fc.oneof(
  fc.integer({ min: 0, max: 1000 }).map(String),
  fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }).map(String).filter((s) => !s.includes("e")),
  fc.constantFrom("0.1", "0.2", "0.3", ".5", "5.", "1e3", "2.5E-3", "1e-7", "0", "7200", "1e308", "1e-320"),
);
const arithmetic: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    numberText,
    fc.constantFrom(...VARS),
    fc.tuple(tie("expr"), spaces, fc.constantFrom("+", "-", "*", "/"), spaces, tie("expr")).map((p) => p.join("")),
    fc.tuple(fc.constantFrom("-", "+", "- -"), spaces, tie("expr")).map((p) => p.join("")),
    tie("expr").map((e) => `(${e})`),
    fc.tuple(fc.constantFrom("max", "min"), fc.constantFrom("", " "), fc.array(tie("expr"), { minLength: 1, maxLength: 3 }), spaces).map(([f, s, args, sp]) => `${f}${s}(${args.join(`,${sp}`)})`),
  ),
})).expr;
// Values that max/min's tolerant comparison treats as equal to each other or to 0 come up often.
const value = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 0.5, 1, 3, 1e-300, 1e300, 1e-16, -1e-16, 9e-16, 2e-15, 1 + 1e-13, 1 - 1e-13, 1 + 1e-11, 0.5 + 1e-13),
);

describe("compileArithmetic (plain arithmetic without mathjs)", () => {
  it("gives exactly mathjs's value or error for random arithmetic expressions", () => {
    fc.assert(
      fc.property(arithmetic, value, value, value, (src, u, i, day) => {
        expect(compileArithmetic(src, VARS)).not.toBeNull(); // the fast path is the one under test
        const scope = { u, i, day };
        const fast = outcome(() => compileNumberOrExpression(src, VARS), scope);
        const viaMathjs = outcome(() => compileExpression(src, VARS), scope);
        expect(Object.is(fast, viaMathjs) || fast === viaMathjs, `${src} at ${JSON.stringify(scope)}: ${fast} vs ${viaMathjs}`).toBe(true);
      }),
      { numRuns: 3000, seed: 17 },
    );
  });

  it("evaluates the built-in scenarios' formulas by hand", () => {
    expect(compileArithmetic("0.2 + 0.8 * u", ["u"])?.({ u: 0.25 })).toBe(0.4);
    expect(compileArithmetic("1 / (i + 1)", ["i"])?.({ i: 3 })).toBe(0.25);
    expect(compileArithmetic("50 + 10 * day", ["day"])?.({ day: 2 })).toBe(70);
    expect(compileArithmetic("2 - 3 - 4", [])?.({})).toBe(-5); // left-associative
    expect(compileArithmetic("8 / 4 / 2", [])?.({})).toBe(1);
    expect(compileArithmetic("-u * 2", ["u"])?.({ u: 1.5 })).toBe(-3);
    expect(compileArithmetic("max(0, 579.4 * (1 + 0.5 * z))", ["z"])?.({ z: -4 })).toBe(0);
    expect(compileArithmetic("max(0, 1e-16)", [])?.({})).toBe(0); // mathjs: 1e-16 is not larger than 0 (absTol 1e-15)
    expect(compileArithmetic("min(1, 1 - 1e-13)", [])?.({})).toBe(1); // nor 1 - 1e-13 smaller than 1 (relTol 1e-12)
    expect(compileArithmetic("max(2, 3, 1)", [])?.({})).toBe(3);
  });

  it.each(["max()", "max(u, 1", "u, 1", "abs(u)", "sqrt(u)", "2u", "u^2", "pi * u", "u % 2", "u!", "2 ** 3", "u > 0.5 ? 1 : 0", "x + 1", "1 +", "(u", "u)", "0x10", "u\n1", "u'", "e"])(
    "leaves %s to mathjs",
    (src) => {
      expect(compileArithmetic(src, ["u"])).toBeNull();
    },
  );

  it("keeps the load-time trial: a non-finite value at 0.5 is refused as by mathjs", () => {
    expect(() => compileNumberOrExpression("1 / (u - 0.5)", ["u"])).toThrow('expected an expression with a finite real value, found Infinity from "1 / (u - 0.5)"');
  });
});

describe("a run with plain-arithmetic formulas", () => {
  // The same values written so that mathjs evaluates them (abs(x) is x here).
  const scenario = (quality: string, stakeWeight: string) =>
    resolveScenario({
      name: "fast-path", seed: 5, duration: { days: 1 },
      subnets: [{
        netuid: 1, tempo: 360, pool: { taoReserve: 20000, alphaReserve: 400000 }, validatorStake: 500000,
        validators: [{ strategy: "honest", count: 4, stakeWeight, noiseSigma: 0.05 }],
        miners: [{ strategy: "honest", count: 12, quality }],
      }],
    });
  const tables = (s: ReturnType<typeof scenario>) => {
    const r = executeRun({ index: 0, point: 0, replicate: 0, seed: 9, params: {} }, s);
    return Object.values(r.tables).map((t) => csvRows(t));
  };

  it("writes the bytes of the same run evaluated by mathjs", () => {
    expect(compileArithmetic("abs(0.2 + 0.8 * u)", ["u"])).toBeNull();
    const fast = tables(scenario("0.2 + 0.8 * u", "1 / (i + 1)"));
    const viaMathjs = tables(scenario("abs(0.2 + 0.8 * u)", "abs(1 / (i + 1))"));
    expect(fast[0].length).toBeGreaterThan(0);
    expect(fast).toEqual(viaMathjs);
  });
});
