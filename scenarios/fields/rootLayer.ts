// `root`: the root layer — validators that hold root (netuid 0) stake once and validate on many subnets
// (their root stake counts on each through TaoWeight), and nominators who stake TAO on root to them.
import * as z from "zod";
import { amount, nonNegative, positiveInt, probability, u16 } from "./primitives.js";

const claimType = z
  .enum(["swap", "keep"], { error: "expected swap or keep" })
  .default("swap")
  .describe("RootClaimType of the coldkey: swap (claimed root dividends sold into each subnet's pool, the TAO staked on root; the chain's default) or keep. Default swap.");

export const rootValidatorGroupSchema = z.strictObject({
  count: positiveInt().default(1).describe("Root validators in the group (one hotkey and coldkey each). Default 1."),
  rootStake: amount().default(0).describe("Root stake of each, in TAO, held by its own coldkey. Default 0."),
  take: u16().default(11_796).describe("Delegate take (u16), also on root nominators' dividends. Default 11796 (18 %)."),
  rootClaimType: claimType,
  subnets: z
    .union([z.literal("all"), z.array(z.number().int().min(1).max(65_535)).min(1)], { error: "expected \"all\" or a list of netuids" })
    .default("all")
    .describe("Subnets where each is registered as a validator at the start (honest weights there). Default all."),
  noiseSigma: nonNegative().default(0.05).describe("Standard deviation of the noise on observed miner quality. Default 0.05."),
  childkeys: z
    .strictObject({
      proportion: probability().describe("Fraction of the root validator's stake weight given to its child on each subnet (ChildKeys proportion), in [0, 1]."),
      take: u16().default(0).describe("ChildkeyTake of the child (u16, at most 11796). Default 0."),
    })
    .nullable()
    .default(null)
    .describe("Validate through childkeys instead of registering: on each of its subnets the child is one of that subnet's validators (the k-th root validator picks validator k mod their count). Default null (register itself)."),
});

export const rootNominatorGroupSchema = z.strictObject({
  count: positiveInt().default(1).describe("Nominators in the group (one coldkey each). Default 1."),
  tao: amount().default(100).describe("TAO each stakes on root (add_stake on netuid 0) at the start, to the root validators in turn. Default 100."),
  rootClaimType: claimType,
});

export const rootLayerSchema = z
  .strictObject({
    validators: z.array(rootValidatorGroupSchema).default([]).describe("Root validator groups. Default none."),
    nominators: z.array(rootNominatorGroupSchema).default([]).describe("Root nominator groups. Default none."),
  })
  .prefault({})
  .describe("The root layer: validators holding root stake once and validating on many subnets, and their nominators. Default none.");

export type RootLayer = z.output<typeof rootLayerSchema>;
