import { describe, expect, it } from "vitest";
import { formatBuiltinJson, formatBuiltinTable } from "./list.js";
import { showBuiltin } from "./show.js";
import { validateScenarioSource } from "./validate.js";
import { TaosimInputError } from "../errors.js";

describe("validate", () => {
  it("summarises a valid built-in", async () => {
    expect(await validateScenarioSource("weight-copiers")).toEqual({
      ok: true,
      summary: "<built-in weight-copiers>: valid: scenario weight-copiers, 1 subnet, 36000 blocks, 8 tasks (2 sweep points × 4 replicates)",
    });
  });

  it("turns every problem into a TaosimInputError line", async () => {
    const r = await validateScenarioSource("/nonexistent/s.yaml");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.format()).toBe("taosim: /nonexistent/s.yaml:1:1: (file): expected a readable scenario file, found no such file");
    expect(r.error.exitCode).toBe(2);
  });

  it("suggests a built-in for a near miss", async () => {
    const r = await validateScenarioSource("defualt");
    expect(!r.ok && r.error.format()).toBe(
      'taosim: defualt:1:1: (file): expected a scenario file or a built-in name (did you mean "default"?), found no such file or built-in',
    );
  });
});

describe("list", () => {
  const builtins = [
    { name: "a", description: "first" },
    { name: "long-name", description: "second" },
  ];
  it("pads names into a column", () => {
    expect(formatBuiltinTable(builtins)).toBe("a          first\nlong-name  second\n");
  });
  it("prints JSON", () => {
    expect(JSON.parse(formatBuiltinJson(builtins))).toEqual(builtins);
  });
});

describe("show", () => {
  it("returns the YAML of a built-in", async () => {
    const text = await showBuiltin("default");
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\.\/taosim\.scenario\.schema\.json\n/);
    expect(text).toMatch(/\nformat: taosim\.scenario\/1\nname: default\n/);
  });
  it("refuses an unknown name with exit 2", async () => {
    try {
      await showBuiltin("halvng");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(TaosimInputError);
      expect((err as TaosimInputError).format()).toBe('taosim: <name>: expected a built-in scenario or study name (did you mean "halving"?), found "halvng"');
      expect((err as TaosimInputError).exitCode).toBe(2);
    }
  });
});
