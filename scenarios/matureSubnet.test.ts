import { describe, expect, it } from "vitest";
import { checkScenarioText, loadScenarioText } from "./loadScenario.js";
import { formatProblem } from "./ScenarioError.js";

function problems(text: string): string[] {
  const r = checkScenarioText(text, "s.yaml");
  return r.ok ? [] : r.problems.map(formatProblem);
}

describe("mature subnets and detail: pools in the scenario", () => {
  it("derives the run's first block from the oldest subnet and keeps the defaults of a new subnet", () => {
    const { scenario } = loadScenarioText("name: x\nsubnets:\n  - start: { age: 5000 }\n  - start: { age: 700 }\n", "s.yaml");
    expect(scenario.chain.startBlock).toBe(5000);
    expect(scenario.subnets[1].start).toEqual({ age: 700, movingPrice: null, quoteWeight: null, lastEpochBlock: null, nominatorAlpha: 0, protocolAlpha: 0, alphaOut: null });
    expect(loadScenarioText("name: x\n", "s.yaml").scenario.chain.startBlock).toBe(0);
  });

  it("a pools subnet has no populations once resolved", () => {
    const { scenario } = loadScenarioText("name: x\nsubnets:\n  - detail: pools\n", "s.yaml");
    expect(scenario.subnets[0].validators).toEqual([]);
    expect(scenario.subnets[0].miners).toEqual([]);
    expect(scenario.subnets[0].holders.validators.count).toBe(1);
  });

  it.each([
    ["an age in the future", "name: x\nchain: { startBlock: 100 }\nsubnets:\n  - start: { age: 101 }\n", "s.yaml:4:19: subnets[0].start.age: expected an age of at most chain.startBlock (100) blocks: the first emission cannot be in the future, found 101"],
    ["holders' alpha not adding up", "name: x\nsubnets:\n  - validatorStake: 100\n    start: { nominatorAlpha: 20, protocolAlpha: 5, alphaOut: 130 }\n", "s.yaml:4:62: subnets[0].start.alphaOut: expected validatorStake + nominatorAlpha + protocolAlpha (100 + 20 + 5 = 125), found 130"],
    ["more subnets than the limit", "name: x\nchain: { subnetLimit: 1 }\nsubnets:\n  - {}\n  - {}\n", "s.yaml:4:3: subnets: expected at most chain.subnetLimit (1) subnets, found 2"],
    ["a pools subnet with miners", "name: x\nsubnets:\n  - detail: pools\n    miners: [{ count: 3 }]\n", "s.yaml:4:5: subnets[0].miners: expected no miners at detail: pools (its holders are subnets[0].holders; use detail: full for populations), found 1 group(s)"],
    ["a pools subnet with stakers", "name: x\nsubnets:\n  - detail: pools\n    stakers: [{ strategy: yield-seeker }]\n", "s.yaml:4:5: subnets[0].stakers: expected no stakers at detail: pools (its holders are subnets[0].holders; use detail: full for populations), found 1 group(s)"],
    ["a pools subnet with users", "name: x\nsubnets:\n  - detail: pools\n    users: [{ taoPerDay: 5 }]\n", "s.yaml:4:5: subnets[0].users: expected no users at detail: pools (its holders are subnets[0].holders; outside buyers are subnets[0].holders.buyers; use detail: full for populations), found 1 group(s)"],
    ["a quote weight of 1", "name: x\nsubnets:\n  - start: { quoteWeight: 1 }\n", "s.yaml:3:27: subnets[0].start.quoteWeight: expected a weight strictly between 0 and 1, found 1"],
  ])("%s is an input error at its position", (_, text, expected) => {
    expect(problems(text)).toEqual([expected]);
  });
});
