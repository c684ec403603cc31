import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { planTasks } from "../sim/plan/planTasks.js";
import { builtinNames, builtinText, listBuiltins, loadBuiltin } from "./library.js";
import { defaultYaml } from "./generators/defaultScenario.js";
import { JSON_SCHEMA_FILE, scenarioJsonSchemaText } from "./writeJsonSchema.js";

describe("built-in library", () => {
  it("has the documented studies", () => {
    expect(builtinNames()).toEqual(["cabal-40pct", "default", "dtao-64-subnets", "halving", "mainnet", "multi-subnet-prices", "sn15-snapshot", "weight-copiers", "yuma-variants", "yuma2-vs-yuma3"]);
  });

  it.each(builtinNames())("%s is valid, named after its file, with a one-line description", (name) => {
    const loaded = loadBuiltin(name);
    expect(loaded.scenario.name).toBe(name);
    expect(loaded.scenario.description.length).toBeGreaterThan(20);
    expect(loaded.scenario.description).not.toContain("\n");
    expect(planTasks(loaded).tasks.length).toBeGreaterThan(0);
  });

  it("default is a small mainnet: one subnet in full detail (64 validators, 192 miners) inside 12 subnets, 10 days, 2 replicates", () => {
    const s = loadBuiltin("default").scenario;
    expect(s.subnets).toHaveLength(12);
    const full = s.subnets.filter((x) => x.detail === "full");
    expect(full.map((x) => x.netuid)).toEqual([8]);
    expect(full[0].validators.reduce((a, g) => a + g.count, 0)).toBe(64);
    expect(full[0].miners.reduce((a, g) => a + g.count, 0)).toBe(192);
    expect(s.chain.totalIssuance).toBe(11_800_000); // 0.5 TAO per block, as mainnet since December 2025
    expect(s.chain.taoWeight).toBe(0.18);
    expect(s.subnets.every((x) => x.start.age > 0)).toBe(true); // mature subnets
    expect(s.duration).toEqual({ days: 10 });
    expect(s.replicates).toBe(2);
    expect(builtinText("default")).toBe(defaultYaml()); // generated: edit scenarios/generators/defaultScenario.ts
  });

  it("lists descriptions and refuses unknown names", () => {
    expect(listBuiltins().find((b) => b.name === "halving")?.description).toBe(
      "What happens to subnet prices and emissions when total issuance crosses the first halving (10.5M TAO)?",
    );
    expect(builtinText("nope")).toBeNull();
    expect(builtinText("../schema")).toBeNull();
    expect(() => loadBuiltin("nope")).toThrow('unknown built-in scenario "nope"');
  });
});

describe("taosim.scenario.schema.json", () => {
  it("equals the schema generated from zod (run `npx tsx scenarios/writeJsonSchema.ts` to refresh)", () => {
    expect(readFileSync(JSON_SCHEMA_FILE, "utf8")).toBe(scenarioJsonSchemaText());
  });
});
