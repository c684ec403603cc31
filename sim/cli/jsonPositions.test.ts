import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TaosimInputError } from "./errors.js";
import { formatJsonPath } from "./jsonPath.js";
import { compactJsonText, locateJsonPath, offsetToLineCol, parseJsonDocument } from "./jsonPositions.js";
import { findJsonSyntaxError } from "./jsonSyntaxError.js";

function syntaxMessage(text: string): string {
  try {
    parseJsonDocument(text, "f.json");
  } catch (err) {
    if (err instanceof TaosimInputError) return err.format();
    throw err;
  }
  throw new Error("parsed");
}

describe("parseJsonDocument: syntax errors with line:col and path", () => {
  it.each([
    ["", "taosim: f.json:1:1: expected a JSON value, found end of input"],
    ['{"a": [1, 2,]}', "taosim: f.json:1:13: a[2]: expected a JSON value, found ']'"],
    ['{"a": 1 "b": 2}', "taosim: f.json:1:9: a: expected ',' or '}', found '\"'"],
    ["{\n  'a': 1\n}", "taosim: f.json:2:3: expected a string key in double quotes, found '''"],
    ['{"a" 1}', "taosim: f.json:1:6: a: expected ':' after the key, found '1'"],
    ['[1, tru]', "taosim: f.json:1:5: [1]: expected a JSON value, found 'tru'"],
    ['[1, 2] 3', "taosim: f.json:1:8: expected end of input, found '3'"],
    ['["ab\ncd"]', "taosim: f.json:1:5: [0]: expected an escape instead of a raw control character in a string, found U+000A (a control character)"],
    ['["a\\x"]', "taosim: f.json:1:4: [0]: expected an escape among \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX, found '\\'"],
    ['[1.]', "taosim: f.json:1:4: [0]: expected a digit, found ']'"],
    ['[-]', "taosim: f.json:1:3: [0]: expected a digit, found ']'"],
    ['{"x": {"y": [[0, 1], [2, 3}}', "taosim: f.json:1:27: x.y[1][1]: expected ',' or ']', found '}'"],
    ['["abc', "taosim: f.json:1:6: [0]: expected a closing '\"', found end of input"],
  ])("%j", (text, message) => {
    expect(syntaxMessage(text)).toBe(message);
  });

  it("counts lines across \\r\\n and ignores a byte-order mark", () => {
    expect(syntaxMessage('{\r\n"a": 1,\r\n"b": x}')).toBe("taosim: f.json:3:6: b: expected a JSON value, found 'x'");
    expect(parseJsonDocument('\uFEFF{"a": 1}', "f.json").value).toEqual({ a: 1 });
  });

  it("agrees with JSON.parse on which texts are valid (mutated random JSON)", () => {
    const mutated = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom("", ",", "]", "}", "\"", ":", "-", "0", "\n", "x"), fc.nat({ max: 2 }))
      .map(([text, at, insert, cut]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + cut);
      });
    fc.assert(
      fc.property(mutated, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(findJsonSyntaxError(text) === null).toBe(valid);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});

describe("JsonDocument: positions of values and keys", () => {
  const text = '{\n  "a": [10, {"b c": true}],\n  "d": "x,y"\n}';

  it("locates values and keys", () => {
    const doc = parseJsonDocument(text, "f.json");
    expect(doc.locate(["a", 1, "b c"])).toEqual({ start: 22, end: 26, keyStart: 15 });
    expect(offsetToLineCol(text, 22)).toEqual({ line: 2, col: 21 });
    expect(doc.foundAt(["a"])).toBe('[10, {"b c": true}]');
    expect(doc.foundAt(["d"])).toBe('"x,y"');
    expect(doc.foundAt(["zz"])).toBe("nothing");
    expect(doc.locate(["a", 2])).toBeUndefined();
    expect(doc.locate(["a", "b"])).toBeUndefined();
  });

  it("builds errors at the value, at the key, or at the nearest existing parent", () => {
    const doc = parseJsonDocument(text, "f.json");
    expect(doc.error(["a", 1, "b c"], "a number").format()).toBe('taosim: f.json:2:21: a[1]["b c"]: expected a number, found true');
    expect(doc.error(["a", 1, "b c"], "a known key", "it", { at: "key" }).format()).toBe(
      'taosim: f.json:2:14: a[1]["b c"]: expected a known key, found it',
    );
    expect(doc.error(["a", 1, "q"], "a key q").format()).toBe('taosim: f.json:2:13: a[1].q: expected a key q, found nothing');
  });

  it("finds the value JSON.parse kept for a duplicate key (the last)", () => {
    const dup = '{"k": 1, "k": 2}';
    expect(parseJsonDocument(dup, "f").foundAt(["k"])).toBe("2");
  });

  it("cuts long found text", () => {
    const long = JSON.stringify(Array.from({ length: 40 }, (_, i) => i));
    expect(compactJsonText(long, 0, long.length, 20)).toBe("[0, 1, 2, 3, 4, 5, 6...");
  });

  it("locates every path of random JSON at text that parses back to the same value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 1, 2), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const walk = (v: unknown, path: (string | number)[]): void => {
          const loc = locateJsonPath(text, path);
          expect(loc, formatJsonPath(path)).toBeDefined();
          expect(JSON.parse(text.slice(loc!.start, loc!.end))).toEqual(v);
          if (Array.isArray(v)) v.forEach((e, i) => walk(e, [...path, i]));
          else if (v !== null && typeof v === "object") {
            for (const [k, e] of Object.entries(v)) walk(e, [...path, k]);
          }
        };
        walk(JSON.parse(text), []);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});

describe("formatJsonPath", () => {
  it("prints indices, identifiers and quoted odd keys", () => {
    expect(formatJsonPath([4, "weights", 3, 1])).toBe("[4].weights[3][1]");
    expect(formatJsonPath(["hyperparameters", "kappa"])).toBe("hyperparameters.kappa");
    expect(formatJsonPath(["a b", "c"])).toBe('["a b"].c');
    expect(formatJsonPath([])).toBe("");
  });
});
