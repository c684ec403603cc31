// Agent populations of a subnet: lists of groups, each a count plus a `strategy` and its parameters.
// Expression fields name their variables in their description; `u` is a uniform and `z` a standard
// normal draw, both from the field's own named stream (e.g. "subnet/1/miners/0/quality").
import * as z from "zod";
import { amount, label, nonNegative, numberOrExpression, positiveInt, probability, u16 } from "./primitives.js";

/** A holder's selling policy: sell `fraction` of what it was paid since its last sale, every `everyEpochs` epochs. */
export const sellSchema = z
  .strictObject({
    fraction: probability().default(0).describe("Fraction of each payout (alpha emission credited to the hotkey) sold back into the pool with remove_stake, in [0, 1]. Default 0 (hold)."),
    everyEpochs: positiveInt().default(1).describe("Epochs between sales (the payouts accumulate in between). Default 1."),
    abovePrice: nonNegative().default(0).describe("Sell only while the pool price is at least this (TAO per alpha); below it payouts keep accruing. Default 0 (any price)."),
  })
  .prefault({})
  .describe("Selling policy of the holder. Default: hold everything.");

const validatorCommon = {
  label: label().nullable().default(null).describe("Optional group label. Default null."),
  count: positiveInt().default(1).describe("Number of validators in the group. Default 1."),
  stakeShare: probability()
    .nullable()
    .default(null)
    .describe("Fraction of the subnet's validatorStake held by this group; null = an equal part of what explicit shares leave. Default null."),
  stakeWeight: numberOrExpression(["i", "n", "u", "z"])
    .default(1)
    .describe("Relative stake of validator i (0-based) of n within the group; variables i, n, u, z. Default 1 (equal)."),
  rootStake: amount().default(0).describe("Root (TAO) stake per validator, in TAO. Default 0."),
  rootClaimType: z
    .enum(["swap", "keep"], { error: "expected swap or keep" })
    .default("swap")
    .describe("RootClaimType of the validator's coldkey: swap (sell claimed root dividends into the subnet's pool, stake the TAO on root; the chain's default) or keep (stake the alpha). Default swap."),
  take: u16().default(11_796).describe("Delegate take (u16). Default 11796 (18 %)."),
  sell: sellSchema,
  noiseSigma: nonNegative()
    .default(0.05)
    .describe("Standard deviation of the noise on observed miner quality. Default 0.05."),
};

export const validatorGroupSchema = z.discriminatedUnion("strategy", [
  z.strictObject({
    strategy: z.literal("honest").default("honest").describe("Weights follow observed quality with noise. Default strategy."),
    ...validatorCommon,
  }),
  z.strictObject({
    strategy: z.literal("lazy").describe("Stops setting weights after some epochs, or is offline at random."),
    ...validatorCommon,
    stopAfterEpochs: z
      .number()
      .int()
      .min(0)
      .nullable()
      .default(0)
      .describe("Epochs after which the validator stops setting weights; null = never stops. Default 0."),
    offlineProbability: probability().default(0).describe("Probability of skipping an epoch while active. Default 0."),
  }),
  z.strictObject({
    strategy: z.literal("copier").describe("Copies the consensus of `lagEpochs` epochs ago."),
    ...validatorCommon,
    lagEpochs: positiveInt().default(1).describe("Epochs of lag. Default 1."),
  }),
  z.strictObject({
    strategy: z.literal("cabal").describe("A coalition over-weighting its own miners."),
    ...validatorCommon,
    favours: label().default("cabal").describe("Label of the miner group(s) the cabal owns. Default \"cabal\"."),
    favourWeight: probability().default(0.8).describe("Fraction of each cabal validator's weight on its own miners. Default 0.8."),
  }),
  z.strictObject({
    strategy: z.literal("late").describe("Slow evaluator: commits honest weights formed revealDelayEpochs epochs earlier."),
    ...validatorCommon,
    revealDelayEpochs: positiveInt().default(1).describe("Epochs by which its weights lag the network (it commits the proposal formed that many epochs earlier). Default 1."),
  }),
]);

const minerCommon = {
  label: label().nullable().default(null).describe("Optional group label (cabal validators refer to it). Default null."),
  count: positiveInt().default(1).describe("Number of miners (for sybil: operators) in the group. Default 1."),
  quality: numberOrExpression(["i", "n", "uid", "u", "z"])
    .default("u")
    .describe("True quality (clamped to [0, 1]) of miner i of n with uid; variables i, n, uid, u, z. Default \"u\"."),
  drift: nonNegative().default(0).describe("Standard deviation of the per-epoch random walk of quality. Default 0."),
  sell: sellSchema,
  churn: z
    .strictObject({
      leaveProbability: probability().default(0).describe("Probability per epoch that a miner deregisters. Default 0."),
      joinWhenProfitable: z
        .boolean()
        .default(false)
        .describe("A departed miner re-registers when expected incentive exceeds the burn. Default false."),
    })
    .prefault({})
    .describe("Leave/join behaviour."),
};

export const minerGroupSchema = z.discriminatedUnion("strategy", [
  z.strictObject({
    strategy: z.literal("honest").default("honest").describe("One hotkey per miner. Default strategy."),
    ...minerCommon,
  }),
  z.strictObject({
    strategy: z.literal("sybil").describe("One operator with `hotkeys` hotkeys of equal quality."),
    ...minerCommon,
    hotkeys: positiveInt().default(4).describe("Hotkeys per operator. Default 4."),
  }),
]);

const stakerCommon = {
  label: label().nullable().default(null).describe("Optional group label. Default null."),
  count: positiveInt().default(1).describe("Number of stakers. Default 1."),
  budget: amount().default(100).describe("Free TAO per staker at the start. Default 100."),
};

export const stakerGroupSchema = z.discriminatedUnion("strategy", [
  z.strictObject({
    strategy: z.literal("yield-seeker").default("yield-seeker").describe("Delegates to the validator with the best observed yield net of take. Default strategy."),
    ...stakerCommon,
    rebalanceEveryEpochs: positiveInt().default(1).describe("Epochs between rebalances. Default 1."),
    minYieldGain: nonNegative().default(0.01).describe("Relative yield improvement needed to move stake. Default 0.01."),
    crossSubnet: z.boolean().default(false).describe("May move stake to other subnets. Default false."),
  }),
  z.strictObject({
    strategy: z.literal("price-mover").describe("Buys alpha below and sells above the moving price."),
    ...stakerCommon,
    threshold: nonNegative().default(0.05).describe("Relative deviation from the moving price that triggers a trade. Default 0.05."),
    tradeFraction: probability().default(0.1).describe("Fraction of the budget (or holding) per trade. Default 0.1."),
    everyBlocks: positiveInt().default(360).describe("Blocks between decisions. Default 360."),
  }),
]);

export const userGroupSchema = z.discriminatedUnion("strategy", [
  z.strictObject({
    strategy: z.literal("demand").default("demand").describe("Buys the subnet's alpha with TAO to pay for its service. Default strategy."),
    label: label().nullable().default(null).describe("Optional group label. Default null."),
    taoPerDay: numberOrExpression(["day", "u", "z"])
      .default(10)
      .describe("TAO spent per day buying alpha; variables day (0-based), u, z. Default 10."),
    everyBlocks: positiveInt().default(360).describe("Blocks between purchases (the daily amount is spread evenly). Default 360."),
  }),
]);

export type ValidatorGroup = z.output<typeof validatorGroupSchema>;
export type MinerGroup = z.output<typeof minerGroupSchema>;
export type StakerGroup = z.output<typeof stakerGroupSchema>;
export type UserGroup = z.output<typeof userGroupSchema>;
export type ValidatorStrategy = ValidatorGroup["strategy"];
export type MinerStrategy = MinerGroup["strategy"];

export type SellPolicy = z.output<typeof sellSchema>;
