// `events[]`: scheduled changes, each `{ at: { block | epoch | day: N }, kind, … }`. `epoch` counts
// epochs of the slowest subnet's tempo (as `duration.epochs` does); a day is 7,200 blocks.
import * as z from "zod";
import { hyperparameterChangesSchema } from "./hyperparameters.js";
import { minerGroupSchema, validatorGroupSchema } from "./populations.js";
import { amount, count, intRange, nonNegative, probability, u16, u64String } from "./primitives.js";

/** `{ block: N }`, `{ epoch: N }` or `{ day: N }` (exactly one key). */
export const atSchema = z
  .strictObject({
    block: count().optional(),
    epoch: count().optional(),
    day: count().optional(),
  })
  .superRefine((at, ctx) => {
    const keys = Object.keys(at).filter((k) => at[k as keyof typeof at] !== undefined);
    if (keys.length !== 1) {
      ctx.addIssue({
        code: "custom",
        message: "expected exactly one of block, epoch, day",
        params: { found: keys.length === 0 ? "none" : keys.join(" and ") },
      });
    }
  })
  .prefault({ block: 0 })
  .describe("When the event fires. Default { block: 0 }.");

const netuid = intRange(1, 65_535)
  .nullable()
  .default(null)
  .describe("Target subnet; default null = the first subnet in `subnets`.");

const neuron = z.strictObject({ netuid, uid: u16().describe("Target uid.") });

export const eventSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    at: atSchema,
    kind: z.literal("hyperparameters").describe("Owner/sudo change of subnet hyperparameters."),
    netuid,
    set: hyperparameterChangesSchema.describe("The hyperparameters to change (same names as subnets[].hyperparameters)."),
  }),
  z.strictObject({
    at: atSchema,
    kind: z.literal("chain").describe("Sudo change of global parameters."),
    set: z.strictObject({
      taoWeight: z.union([z.number().min(0).max(1), u64String()]).optional(),
      stakeThreshold: amount().optional(),
      subnetOwnerCut: u16().optional(),
    }),
  }),
  z.strictObject({
    at: atSchema,
    kind: z.literal("stake").describe("An outside coldkey stakes TAO to a hotkey."),
    netuid,
    uid: u16().describe("Hotkey uid to stake to."),
    tao: amount().describe("TAO to stake."),
  }),
  z.strictObject({
    at: atSchema,
    kind: z.literal("unstake").describe("Outside stake on a hotkey is removed."),
    netuid,
    uid: u16(),
    fraction: probability().default(1).describe("Fraction of the outside stake to remove. Default 1."),
  }),
  z.strictObject({
    at: atSchema,
    kind: z.literal("move-stake").describe("Stake moves between hotkeys or subnets."),
    from: neuron,
    to: neuron,
    fraction: probability().default(1).describe("Fraction of the stake to move. Default 1."),
  }),
  z.strictObject({
    at: atSchema,
    kind: z.literal("register").describe("New neurons register (paying the burn)."),
    netuid,
    miners: minerGroupSchema.optional().describe("A miner group to register."),
    validators: validatorGroupSchema.optional().describe("A validator group to register (stakeShare is of validatorStake)."),
  }),
  z.strictObject({
    at: atSchema,
    kind: z.literal("deregister").describe("Neurons are removed."),
    netuid,
    uids: z.array(u16()).min(1, { error: "expected at least one uid" }),
  }),
  z.strictObject({
    at: atSchema,
    kind: z.literal("claim-root").describe("claim_root: the coldkey owning validator `uid` of `netuid` claims its root dividends on `subnets` now."),
    netuid,
    uid: u16().describe("A validator uid of `netuid`; its hotkey's owner coldkey claims."),
    subnets: z.array(intRange(1, 65_535)).min(1, { error: "expected 1 to 5 netuids" }).max(5, { error: "expected 1 to 5 netuids" }).describe("The netuids to claim on (1 to 5, the chain's limit)."),
  }),
  z.strictObject({
    at: atSchema,
    kind: z.literal("demand").describe("A demand shock: every user group's demand on the subnet is multiplied."),
    netuid,
    factor: nonNegative().default(1).describe("Multiplier of users' taoPerDay from now on. Default 1."),
  }),
]);

export type EventInput = z.input<typeof eventSchema>;
