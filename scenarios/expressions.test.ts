import { describe, expect, it } from "vitest";
import { compileExpression, ExpressionError } from "./expressions.js";
import { checkScenarioText } from "./loadScenario.js";
import { formatProblem } from "./ScenarioError.js";

const failure = (src: string, vars: string[] = ["u", "uid"]): string => {
  try {
    compileExpression(src, vars);
  } catch (err) {
    if (err instanceof ExpressionError) return err.message;
    throw err;
  }
  return "compiled";
};

describe("compileExpression", () => {
  it("evaluates with the declared variables", () => {
    const e = compileExpression("0.5 + 0.4 * u", ["u"]);
    expect(e.evaluate({ u: 0.25 })).toBe(0.6);
    expect(compileExpression("max(u, uid) * 2 + pi - pi", ["u", "uid"]).evaluate({ u: 0.1, uid: 3 })).toBe(6);
    expect(compileExpression("u > 0.5 ? 1 : 0", ["u"]).evaluate({ u: 0.7 })).toBe(1);
  });

  it.each(["import({}, {})", "createUnit(\"foo\")", "evaluate(\"1\")", "parse(\"1\")", "simplify(\"x\")", "derivative(\"x\", \"x\")", "resolve(\"x\")", "compile(\"1\")"])(
    "refuses %s at load time",
    (src) => {
      const name = src.slice(0, src.indexOf("("));
      expect(failure(src)).toBe(`expected an expression without the forbidden function, found ${name}()`);
    },
  );

  it.each(["random()", "randomInt(1, 6)", "pickRandom([1, 2])"])("refuses mathjs randomness %s", (src) => {
    expect(failure(src)).toBe(`expected an expression without the forbidden function, found ${src.slice(0, src.indexOf("("))}()`);
  });

  it("refuses unknown variables, unknown functions, assignments and syntax errors", () => {
    expect(failure("x + 1")).toBe("expected only the variables u, uid, found unknown variable x");
    expect(failure("foo(1)")).toBe("expected a known mathjs function, found unknown function foo()");
    expect(failure("a = 2")).toBe('expected an expression without assignments, found "a = 2"');
    expect(failure("1 +")).toBe("expected a valid mathjs expression, found syntax error: Unexpected end of expression (char 4)");
  });

  it("refuses values that are not finite reals (trial with every variable at 0.5)", () => {
    expect(failure("sqrt(-1)")).toBe('expected an expression with a finite real value, found i from "sqrt(-1)"');
    expect(failure("1 / (u - 0.5)", ["u"])).toBe('expected an expression with a finite real value, found Infinity from "1 / (u - 0.5)"');
  });

  it("a function name used as a plain variable is an unknown variable", () => {
    expect(failure("evaluate")).toBe("expected only the variables u, uid, found unknown variable evaluate");
  });
});

describe("expressions in scenario files", () => {
  it("points each bad formula to its field's line:col", () => {
    const text = [
      "name: x",
      "subnets:",
      "  - miners:",
      '      - quality: "0.5 + evaluate(\\"1\\")"',
      '      - quality: "0.5 + w"',
      '      - quality: "0.5 +"',
      "    users:",
      '      - taoPerDay: "10 * random()"',
    ].join("\n");
    const r = checkScenarioText(text, "s.yaml");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map(formatProblem)).toEqual([
      "s.yaml:4:18: subnets[0].miners[0].quality: expected an expression without the forbidden function, found evaluate()",
      "s.yaml:5:18: subnets[0].miners[1].quality: expected only the variables i, n, uid, u, z, found unknown variable w",
      "s.yaml:6:18: subnets[0].miners[2].quality: expected a valid mathjs expression, found syntax error: Unexpected end of expression (char 6)",
      "s.yaml:8:20: subnets[0].users[0].taoPerDay: expected an expression without the forbidden function, found random()",
    ]);
  });
});
