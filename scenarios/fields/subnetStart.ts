// `subnets[].start` (a mature subnet's state at the run's first block) and `subnets[].holders` (the
// aggregate holders of a `detail: pools` subnet).
import * as z from "zod";
import { sellSchema } from "./populations.js";
import { amount, count, numberOrExpression, positiveInt, probability, u16 } from "./primitives.js";

export const subnetStartSchema = z
  .strictObject({
    age: count()
      .default(0)
      .describe("Blocks since the subnet's first emission: FirstEmissionBlockNumber = the run's first block − age. Default 0 (brand new)."),
    movingPrice: amount()
      .nullable()
      .default(null)
      .describe("SubnetMovingPrice at the start, in TAO per alpha. Default null = the pool price capped at 1."),
    quoteWeight: probability()
      .nullable()
      .default(null)
      .describe("The balancer pool's quote (TAO) weight at the start, in (0, 1). Default null = 0.5 (the chain's initial weight)."),
    lastEpochBlock: count()
      .nullable()
      .default(null)
      .describe("LastEpochBlock at the start. Default null = first block − (netuid mod tempo), init_new_network's stagger."),
    nominatorAlpha: amount()
      .default(0)
      .describe("Alpha staked by nominators to the subnet's validators (pro rata of their stake) beyond validatorStake. Default 0."),
    protocolAlpha: amount()
      .default(0)
      .describe("Outstanding alpha owned by nobody (held by the protocol). Default 0."),
    alphaOut: amount()
      .nullable()
      .default(null)
      .describe("SubnetAlphaOut at the start; when given it must equal validatorStake + nominatorAlpha + protocolAlpha. Default null = that sum."),
  })
  .prefault({})
  .describe("A mature subnet's start state. Default: a brand-new subnet.");

export const subnetHoldersSchema = z
  .strictObject({
    validators: z
      .strictObject({
        count: positiveInt().default(1).describe("Validator hotkeys standing for the subnet's validators (stake split equally). Validator k is the same hotkey on every pools subnet. Default 1."),
        rootStake: amount().default(0).describe("Root (TAO) stake of each, in TAO; a hotkey shared by several pools subnets holds the largest value given. Default 0."),
        take: u16().default(11_796).describe("Delegate take (u16). Default 11796 (18 %)."),
        sell: sellSchema,
      })
      .prefault({})
      .describe("The aggregate validators."),
    miners: z
      .strictObject({ sell: sellSchema })
      .prefault({})
      .describe("One hotkey standing for all the subnet's miners."),
    buyers: z
      .strictObject({
        taoPerDay: numberOrExpression(["day", "u", "z"])
          .default(0)
          .describe("TAO spent per day buying the subnet's alpha (add_stake to the owner's hotkey, TAO from outside the run); variables day (0-based), u, z. Default 0 (none)."),
        everyBlocks: positiveInt().default(360).describe("Blocks between purchases (the daily amount is spread evenly). Default 360."),
      })
      .prefault({})
      .describe("Outside buyers of the subnet's alpha (stakers and users of its service, in aggregate), as a full subnet's `users`."),
  })
  .prefault({})
  .describe("Aggregate holders of a `detail: pools` subnet (ignored otherwise): who receives the alpha paid at each drain and how they sell. Not chain entities: the chain pays individual neurons.");
