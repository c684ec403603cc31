// The `taosim.scenario/1` document as a strict zod object (interfaces.md "Scenario files"). Cross-field
// rules and derived defaults are applied on top of it in ../schema.ts.
import * as z from "zod";
import { chainSchema } from "./chain.js";
import { eventSchema } from "./events.js";
import { intRange, positiveInt } from "./primitives.js";
import { subnetSchema } from "./subnet.js";
import { rootLayerSchema } from "./rootLayer.js";

export const SCENARIO_FORMAT = "taosim.scenario/1";

export { BLOCKS_PER_DAY } from "../scenarioDuration.js";

export const durationSchema = z
  .strictObject({
    blocks: positiveInt().optional().describe("Run length in blocks."),
    epochs: positiveInt().optional().describe("Run length in epochs of the slowest subnet's tempo."),
    days: positiveInt().optional().describe("Run length in days of 7,200 blocks."),
  })
  .superRefine((d, ctx) => {
    const keys = Object.keys(d).filter((k) => d[k as keyof typeof d] !== undefined);
    if (keys.length !== 1) {
      ctx.addIssue({
        code: "custom",
        message: "expected exactly one of blocks, epochs, days",
        params: { found: keys.length === 0 ? "none" : keys.join(" and ") },
      });
    }
  })
  .prefault({ days: 1 })
  .describe("{ blocks: N }, { epochs: N } or { days: N }. Default { days: 1 }.");

export const sweepValueSchema = z.union([z.number(), z.boolean(), z.string()], {
  error: "expected a number, boolean or expression string",
});

export const sweepSchema = z
  .object({
    mode: z
      .enum(["grid", "zip"], { error: "expected grid or zip" })
      .default("grid")
      .describe("grid: cartesian product in key order (first key slowest); zip: i-th values together. Default grid."),
  })
  .catchall(z.array(sweepValueSchema).min(1, { error: "expected a non-empty list of values" }))
  .prefault({})
  .describe("Field path → list of values, e.g. { \"subnets[0].hyperparameters.kappa\": [16384, 32767] }. Default none.");

export const sampleSchema = z
  .strictObject({
    neuronsEveryEpochs: positiveInt().default(1).describe("Neuron rows every N epochs of each subnet. Default 1."),
    subnetsEveryBlocks: positiveInt().default(360).describe("Subnet rows every N blocks. Default 360."),
    chainEveryBlocks: positiveInt().default(360).describe("Chain rows every N blocks. Default 360."),
    ops: z.boolean().default(false).describe("Write ops.csv: every chain operation the engine applies (--ops). Default false."),
  })
  .prefault({})
  .describe("What to record and how often.");

export const scenarioObjectSchema = z.strictObject({
  $schema: z.string().optional().describe("JSON Schema reference for editors (ignored)."),
  format: z
    .literal(SCENARIO_FORMAT, { error: `expected "${SCENARIO_FORMAT}"` })
    .default(SCENARIO_FORMAT)
    .describe(`Always "${SCENARIO_FORMAT}" (optional; checked when present).`),
  name: z
    .string({ error: "expected a scenario name (letters, digits, ., _ and -)" })
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, { error: "expected a scenario name (letters, digits, ., _ and -)" })
    .describe("Identifier, used for the default output folder out/<name>/. Required."),
  description: z.string().default("").describe("One line for `taosim list`. Default empty."),
  seed: intRange(0, Number.MAX_SAFE_INTEGER, "an integer")
    .default(0)
    .describe("Root seed; every random stream derives from it (--seed overrides). Default 0."),
  duration: durationSchema,
  chain: chainSchema,
  start: z
    .strictObject({
      snapshot: z
        .string({ error: "expected a path to a taosim.snapshot/1 file" })
        .min(1, { error: "expected a path to a taosim.snapshot/1 file" })
        .describe("A taosim.snapshot/1 file (path relative to the scenario file): the run starts from its state at its block."),
    })
    .optional()
    .describe("Start from real chain state. Imported subnets keep their neurons; `subnets[]` entries with the same netuid add populations (write `validators: []`, `miners: []` to add none), stakers and users. Default: a synthetic start at block 0."),
  subnets: z
    .array(subnetSchema)
    .min(1, { error: "expected at least one subnet" })
    .prefault([{}])
    .describe("The subnets. Default one subnet with default populations."),
  events: z.array(eventSchema).default([]).describe("Scheduled changes. Default none."),
  sweep: sweepSchema,
  replicates: intRange(1, 1_000_000, "an integer").default(1).describe("Monte Carlo runs per sweep point. Default 1."),
  root: rootLayerSchema,
  sample: sampleSchema,
});

export type ScenarioObject = z.output<typeof scenarioObjectSchema>;
