// The `taosim.scenario/1` schema: the strict document (fields/), derived defaults, cross-field rules.
// `Scenario` is the resolved form every consumer reads: every default filled, no nulls that stand for
// "derive me" (netuids, alpha reserves, event targets).
import * as z from "zod";
import { crossFieldChecks, poolsSubnetChecks } from "./crossFieldChecks.js";
import { scenarioObjectSchema, type ScenarioObject } from "./fields/scenarioObject.js";

type SubnetObject = ScenarioObject["subnets"][number];
type EventObject = ScenarioObject["events"][number];
type Neuron = { netuid: number; uid: number };

export type ResolvedSubnet = Omit<SubnetObject, "netuid" | "pool"> & {
  netuid: number;
  pool: { taoReserve: number; alphaReserve: number };
};
export type ResolvedEvent = EventObject extends infer E
  ? E extends { kind: "move-stake" }
    ? Omit<E, "from" | "to"> & { from: Neuron; to: Neuron }
    : E extends { netuid: number | null }
      ? Omit<E, "netuid"> & { netuid: number }
      : E
  : never;

/** A scenario with every default applied (what the planner and the engine read). */
export type Scenario = Omit<ScenarioObject, "subnets" | "events" | "chain"> & {
  chain: Omit<ScenarioObject["chain"], "startBlock"> & { startBlock: number };
  subnets: ResolvedSubnet[];
  events: ResolvedEvent[];
};
/** A scenario as written (every field but `name` optional). */
export type ScenarioInput = z.input<typeof scenarioObjectSchema>;

function fillDerivedDefaults(s: ScenarioObject): Scenario {
  const subnets = s.subnets.map((n, i) => ({
    ...n,
    netuid: n.netuid ?? i + 1,
    pool: { taoReserve: n.pool.taoReserve, alphaReserve: n.pool.alphaReserve ?? n.pool.taoReserve },
    validators: n.detail === "pools" ? [] : n.validators,
    miners: n.detail === "pools" ? [] : n.miners,
  }));
  const chain = { ...s.chain, startBlock: s.chain.startBlock ?? Math.max(0, ...s.subnets.map((n) => n.start.age)) };
  const first = subnets[0].netuid;
  const events = s.events.map((e) => {
    if (e.kind === "move-stake") {
      return { ...e, from: { ...e.from, netuid: e.from.netuid ?? first }, to: { ...e.to, netuid: e.to.netuid ?? first } };
    }
    return "netuid" in e ? { ...e, netuid: e.netuid ?? first } : e;
  }) as ResolvedEvent[];
  return { ...s, chain, subnets, events };
}

/** The full schema: parse a scenario document into a resolved `Scenario`. */
export const scenarioSchema = scenarioObjectSchema.transform((s, ctx) => {
  poolsSubnetChecks(s, ctx);
  const resolved = fillDerivedDefaults(s);
  crossFieldChecks(resolved as unknown as ScenarioObject, ctx);
  return resolved;
});

/**
 * Fills every default of an already-valid scenario object (throws a ZodError otherwise; use
 * loadScenario for user input, which reports positions).
 */
export function resolveScenario(input: unknown): Scenario {
  return scenarioSchema.parse(input);
}

export { SCENARIO_FORMAT, BLOCKS_PER_DAY, scenarioObjectSchema } from "./fields/scenarioObject.js";
export { durationInBlocks, slowestTempo } from "./crossFieldChecks.js";
export type { ValidatorGroup, MinerGroup, StakerGroup, UserGroup, ValidatorStrategy, MinerStrategy, SellPolicy } from "./fields/populations.js";
export type { Hyperparameters } from "./fields/hyperparameters.js";
export type { Chain } from "./fields/chain.js";
