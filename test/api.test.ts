import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { epoch, loadBuiltin, loadScenarioText, runScenario, TaosimInputError, type EpochResult } from "../sim/api.js";

const example = JSON.parse(readFileSync(new URL("../sim/cli/examples/epoch-example.json", import.meta.url), "utf8"));

describe("library API", () => {
  it("epoch() returns the taosim.epochResult/1 object of a state, single or array", () => {
    const one: EpochResult = epoch(example as object);
    expect(one.format).toBe("taosim.epochResult/1");
    expect(one.stakeWeight.length).toBe(example.n);
    const both: EpochResult[] = epoch([example as object, example as object]);
    expect(both).toHaveLength(2);
    expect(both[1]).toEqual(one);
  });

  it("runScenario() writes the same folder as `taosim run` and returns its manifest", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "taosim-api-")), "run");
    const r = await runScenario("default", { out, workers: 1, set: ["duration.days=1", "replicates=1"] });
    expect(r.exitCode).toBe(0);
    expect(r.outDir).toBe(out);
    const manifest = r.manifest as { tasks: unknown[] };
    expect(manifest.tasks).toHaveLength(1);
    expect(readFileSync(join(out, "neurons.csv"), "utf8").split("\n")[0]).toMatch(/^task,point,replicate,netuid,epoch,block,uid,hotkey,role,/);
  });

  it("runScenario() rejects bad overrides with the CLI's input errors", async () => {
    await expect(runScenario("default", { set: ["duration.days=-1"] })).rejects.toBeInstanceOf(TaosimInputError);
  });

  it("a bad scenario, a bad override and bad epoch JSON all throw the one TaosimInputError, with positions", async () => {
    let scenarioError: unknown;
    try {
      loadScenarioText("format: taosim.scenario/1\nname: x\nreplicates: 0\n", "x.yaml");
    } catch (err) {
      scenarioError = err;
    }
    expect(scenarioError).toBeInstanceOf(TaosimInputError);
    const replicates = (scenarioError as TaosimInputError).problems.find((p) => p.path === "replicates");
    expect(replicates).toMatchObject({ file: "x.yaml", line: 3, col: 13, code: "scenario" });
    expect(() => epoch("{")).toThrow(TaosimInputError);
    await expect(runScenario("default", { seed: -1 })).rejects.toBeInstanceOf(TaosimInputError);
  });

  it("loadBuiltin() gives the parsed default scenario", () => {
    expect(loadBuiltin("default").scenario.name).toBe("default");
  });
});
