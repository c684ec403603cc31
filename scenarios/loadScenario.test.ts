import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkScenarioFile, checkScenarioText, loadScenarioText } from "./loadScenario.js";
import { formatProblem, ScenarioError } from "./ScenarioError.js";

function problems(text: string): string[] {
  const r = checkScenarioText(text, "s.yaml");
  if (r.ok) return [];
  return r.problems.map(formatProblem);
}

describe("loadScenario: a minimal scenario", () => {
  it("needs only a name and fills every default", () => {
    const { scenario } = loadScenarioText("name: tiny\n", "s.yaml");
    expect(scenario.format).toBe("taosim.scenario/1");
    expect(scenario.duration).toEqual({ days: 1 });
    expect(scenario.subnets).toHaveLength(1);
    expect(scenario.subnets[0].netuid).toBe(1);
    expect(scenario.subnets[0].pool).toEqual({ taoReserve: 1000, alphaReserve: 1000 });
    expect(scenario.subnets[0].hyperparameters.kappa).toBe(32_767);
    expect(scenario.subnets[0].validators).toEqual([
      { strategy: "honest", label: null, count: 8, stakeShare: null, stakeWeight: 1, rootStake: 0, rootClaimType: "swap", take: 11_796, sell: { fraction: 0, everyEpochs: 1, abovePrice: 0 }, noiseSigma: 0.05 },
    ]);
    expect(scenario.chain.taoWeight).toBe("971718665099567868");
  });

  it("JSON is valid YAML", () => {
    expect(loadScenarioText('{"name": "j", "replicates": 3}', "s.json").scenario.replicates).toBe(3);
  });

  it("events without a netuid target the first subnet", () => {
    const s = loadScenarioText("name: e\nsubnets: [{ netuid: 5 }]\nevents: [{ kind: demand, factor: 2 }]\n", "s.yaml").scenario;
    expect(s.events[0]).toEqual({ at: { block: 0 }, kind: "demand", netuid: 5, factor: 2 });
  });
});

describe("loadScenario: bad input, every problem with file:line:col", () => {
  it.each([
    ["a YAML syntax error", "name: x\nsubnets: [ { netuid: 1 \n", "s.yaml:3:1: (yaml): expected valid YAML, found Flow map in block collection must be sufficiently indented and end with a } [BAD_INDENT]"],
    ["a duplicate key", "name: x\nseed: 1\nseed: 2\n", "s.yaml:3:1: (yaml): expected valid YAML, found Map keys must be unique [DUPLICATE_KEY]"],
    ["tabs", "name: x\nchain:\n\ttotalIssuance: 5\n", "s.yaml:3:1: (yaml): expected valid YAML, found Tabs are not allowed as indentation [TAB_AS_INDENT]"],
    ["an empty file", "", "s.yaml:1:1: (file): expected a scenario mapping, found an empty document"],
    ["a file of comments", "# nothing\n", "s.yaml:1:1: (file): expected a scenario mapping, found an empty document"],
    ["a non-mapping root", "- a\n- b\n", "s.yaml:1:1: (root): expected a mapping, found a list (2 entries)"],
    ["an unknown key", "name: x\nsubnets:\n  - hyperparameters:\n      kapa: 5\n", 's.yaml:4:7: subnets[0].hyperparameters.kapa: expected a known key (did you mean "kappa"?), found unknown key "kapa"'],
    ["a wrong type", "name: x\nreplicates: many\n", 's.yaml:2:13: replicates: expected an integer from 1 to 1000000, found "many"'],
    ["a boolean given as a string", "name: x\nsubnets:\n  - hyperparameters: { yuma3: yes }\n", 's.yaml:3:31: subnets[0].hyperparameters.yuma3: expected true or false, found "yes"'],
    ["a negative count", "name: x\nsubnets:\n  - miners:\n      - count: -3\n", "s.yaml:4:16: subnets[0].miners[0].count: expected an integer ≥ 1, found -3"],
    ["an out-of-range u16", "name: x\nsubnets:\n  - hyperparameters: { kappa: 65536 }\n", "s.yaml:3:31: subnets[0].hyperparameters.kappa: expected a u16 integer from 0 to 65535, found 65536"],
    ["a duplicate netuid", "name: x\nsubnets:\n  - netuid: 3\n  - netuid: 3\n", "s.yaml:4:13: subnets[1].netuid: expected a netuid not used by subnets[0], found 3"],
    ["validators with more than 100 % of stake", "name: x\nsubnets:\n  - validators:\n      - { stakeShare: 0.7 }\n      - { strategy: lazy, stakeShare: 0.4 }\n", "s.yaml:5:39: subnets[0].validators[1].stakeShare: expected stake shares summing to at most 1 (100 % of validatorStake), found 1.1 in total"],
    ["a duration of zero", "name: x\nduration: { epochs: 0 }\n", "s.yaml:2:21: duration.epochs: expected an integer ≥ 1, found 0"],
    ["a duration with a misspelt unit", "name: x\nduration: { day: 3 }\n", 's.yaml:2:13: duration.day: expected a known key (did you mean "days"?), found unknown key "day"'],
    ["a missing name", "seed: 3\n", "s.yaml:1:1: name: expected a scenario name (letters, digits, ., _ and -), found nothing (the field is required)"],
    ["a wrong format", "format: taosim.scenario/2\nname: x\n", 's.yaml:1:9: format: expected "taosim.scenario/1", found "taosim.scenario/2"'],
    ["an unknown strategy", "name: x\nsubnets:\n  - validators: [{ strategy: coper }]\n", 's.yaml:3:30: subnets[0].validators[0].strategy: expected one of honest, lazy, copier, cabal, late, found "coper"'],
    ["an unknown event kind", "name: x\nevents:\n  - { kind: halve }\n", 's.yaml:3:13: events[0].kind: expected one of hyperparameters, chain, stake, unstake, move-stake, register, deregister, claim-root, demand, found "halve"'],
    ["an event after the end", "name: x\nevents:\n  - { at: { day: 2 }, kind: demand }\n", "s.yaml:3:18: events[0].at.day: expected a time before the end of the run (block < 7200), found block 14400"],
    ["an event on a missing subnet", "name: x\nevents:\n  - { kind: demand, netuid: 9 }\n", "s.yaml:3:29: events[0].netuid: expected the netuid of a subnet (1), found 9"],
    ["a cabal without its miners", "name: x\nsubnets:\n  - validators: [{ strategy: cabal, favours: mine }]\n", 's.yaml:3:46: subnets[0].validators[0].favours: expected the label of a miner group of this subnet (no labelled miner groups), found "mine"'],
    ["alphaLow above alphaHigh", "name: x\nsubnets:\n  - hyperparameters: { alphaLow: 60000 }\n", "s.yaml:3:34: subnets[0].hyperparameters.alphaLow: expected alphaLow ≤ alphaHigh (58982), found 60000"],
    ["a sweep path that names no field", 'name: x\nsweep:\n  "subnets[0].hyperparameters.kapa": [1]\n', 's.yaml:3:3: sweep["subnets[0].hyperparameters.kapa"]: expected a path to a scenario field, found subnets[0].hyperparameters.kapa (did you mean "kappa"?)'],
    ["a sweep over a missing list entry", 'name: x\nsweep:\n  "subnets[2].tempo": [1]\n', 's.yaml:3:3: sweep["subnets[2].tempo"]: expected a path to a scenario field, found subnets[2] (subnets has 1 entry)'],
    ["a sweep over a non-numeric field", 'name: x\nsweep:\n  "subnets[0].validators[0].strategy": [honest]\n', 's.yaml:3:3: sweep["subnets[0].validators[0].strategy"]: expected a numeric, boolean or choice field, found a string field'],
    ["a sweep over the name", "name: x\nsweep:\n  name: [a, b]\n", 's.yaml:3:3: sweep.name: expected a field that can vary between runs (not format, name, description, seed, replicates, sweep or sample), found "name"'],
    ["a sweep value out of range", 'name: x\nsweep:\n  "subnets[0].hyperparameters.kappa": [1, 70000]\n', 's.yaml:3:43: sweep["subnets[0].hyperparameters.kappa"][1]: expected a u16 integer from 0 to 65535, found 70000'],
    ["a sweep over replicates", 'name: x\nsweep:\n  mode: zip\n  "subnets[0].tempo": [1, 2]\n  "replicates": [1]\n', 's.yaml:5:3: sweep.replicates: expected a field that can vary between runs (not format, name, description, seed, replicates, sweep or sample), found "replicates"'],
  ])("%s", (_, text, expected) => {
    expect(problems(text)[0]).toBe(expected);
  });

  it("reports every problem, sorted by position", () => {
    const text = "name: x\nreplicates: 0\nsubnets:\n  - tempo: -1\n    hyperparameters: { kappa: 1.5, bogus: 1 }\n";
    expect(problems(text)).toEqual([
      "s.yaml:2:13: replicates: expected an integer from 1 to 1000000, found 0",
      "s.yaml:4:12: subnets[0].tempo: expected an integer from 1 to 65535, found -1",
      "s.yaml:5:31: subnets[0].hyperparameters.kappa: expected a u16 integer from 0 to 65535, found 1.5",
      "s.yaml:5:36: subnets[0].hyperparameters.bogus: expected one of the keys activityCutoffFactorMilli, kappa, bondsPenalty, bondsMovingAverage, yuma3, liquidAlpha, alphaLow, alphaHigh, alphaSigmoidSteepness, maxAllowedValidators, maxAllowedUids, immunityPeriod, minAllowedWeights, maxWeightLimit, weightsVersionKey, weightsSetRateLimit, commitReveal, revealPeriodEpochs, feeRate, burn, minBurn, maxBurn, burnHalfLife, burnIncreaseMult, registrationAllowed, found unknown key \"bogus\"",
    ]);
  });

  it("zip mode needs lists of one length", () => {
    const text = 'name: x\nsweep:\n  mode: zip\n  "subnets[0].tempo": [1, 2]\n  "subnets[0].hyperparameters.kappa": [1]\n';
    expect(problems(text)).toContain('s.yaml:5:39: sweep["subnets[0].hyperparameters.kappa"]: expected 2 values (zip mode pairs the lists), found 1');
  });

  it("loadScenarioText throws a ScenarioError carrying every problem", () => {
    try {
      loadScenarioText("name: x\nreplicates: 0\nseed: -1\n", "s.yaml");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ScenarioError);
      expect((err as ScenarioError).problems).toHaveLength(2);
      expect((err as ScenarioError).message).toBe(
        "s.yaml:2:13: replicates: expected an integer from 1 to 1000000, found 0\ns.yaml:3:7: seed: expected an integer ≥ 0, found -1",
      );
    }
  });
});

const SHA_OF_NAME_OK = "cf2384c651b796d58a43e26eddbc45c97f5f6905f80f6d6748b8bbafc049e97a";

describe("checkScenarioFile", () => {
  const dir = mkdtempSync(join(tmpdir(), "taosim-scenario-"));

  it("reads a file", () => {
    const file = join(dir, "ok.yaml");
    writeFileSync(file, "name: ok\n");
    const r = checkScenarioFile(file);
    expect(r.ok && r.loaded.scenario.name).toBe("ok");
    // printf 'name: ok\n' | sha256sum
    expect(r.ok && r.loaded.sha256).toBe(SHA_OF_NAME_OK);
  });

  it("reports a missing file and a directory", () => {
    const missing = join(dir, "nope.yaml");
    const a = checkScenarioFile(missing);
    expect(!a.ok && a.problems.map(formatProblem)).toEqual([`${missing}:1:1: (file): expected a readable scenario file, found no such file`]);
    const b = checkScenarioFile(dir);
    expect(!b.ok && b.problems.map(formatProblem)).toEqual([`${dir}:1:1: (file): expected a readable scenario file, found a directory`]);
  });
});
