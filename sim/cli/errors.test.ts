import { describe, expect, it } from "vitest";
import { TaosimInputError, isTaosimInputError } from "./errors.js";

describe("TaosimInputError", () => {
  it("formats file:line:col: path: expected, found", () => {
    const e = new TaosimInputError({
      file: "state.json", line: 12, col: 7, path: "weights[3][1]", expected: "[uid, u16] with uid < n", found: "[9, 70000]",
    });
    expect(e.format()).toBe("taosim: state.json:12:7: weights[3][1]: expected [uid, u16] with uid < n, found [9, 70000]");
    expect(e.exitCode).toBe(2);
    expect(e.code).toBe("input");
    expect([e.file, e.line, e.col, e.path]).toEqual(["state.json", 12, 7, "weights[3][1]"]);
    expect(e).toBeInstanceOf(Error);
  });

  it("leaves out the parts that do not apply", () => {
    expect(new TaosimInputError({ path: "--arith", expected: "exact or float", found: '"double"', code: "cli-option" }).format())
      .toBe('taosim: --arith: expected exact or float, found "double"');
    expect(new TaosimInputError({ file: "x.json", expected: "a readable file", found: "no such file (ENOENT)" }).format())
      .toBe("taosim: x.json: expected a readable file, found no such file (ENOENT)");
    expect(new TaosimInputError({ file: "x.yaml", line: 3, expected: "a mapping", found: "a list" }).format())
      .toBe("taosim: x.yaml:3: expected a mapping, found a list");
  });

  it("groups several problems in one error, printed one per line, the first one's parts on the error", () => {
    const a = new TaosimInputError({ file: "a", line: 1, col: 2, path: "p", expected: "x", found: "y" });
    const b = new TaosimInputError({ file: "a", line: 3, col: 4, path: "q", expected: "u", found: "v", code: "scenario" });
    const all = new TaosimInputError([a, b]);
    expect(all.format()).toBe("taosim: a:1:2: p: expected x, found y\ntaosim: a:3:4: q: expected u, found v");
    expect(all.exitCode).toBe(2);
    expect(all.problems.map((p) => [p.line, p.path, p.code])).toEqual([[1, "p", "input"], [3, "q", "scenario"]]);
    expect([all.file, all.line, all.col, all.path]).toEqual(["a", 1, 2, "p"]);
    expect([isTaosimInputError(a), isTaosimInputError(all), isTaosimInputError(new Error("bug"))]).toEqual([true, true, false]);
  });
});
