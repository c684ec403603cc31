// `subnets[]`: one subnet, its pool at the start, hyperparameters and agent populations.
import * as z from "zod";
import { consensusSchema } from "./consensus.js";
import { hyperparametersSchema } from "./hyperparameters.js";
import { minerGroupSchema, sellSchema, stakerGroupSchema, userGroupSchema, validatorGroupSchema } from "./populations.js";
import { amount, intRange, probability } from "./primitives.js";
import { subnetHoldersSchema, subnetStartSchema } from "./subnetStart.js";

export const subnetSchema = z.strictObject({
  netuid: intRange(1, 65_535)
    .nullable()
    .default(null)
    .describe("Subnet id (1..65535; 0 is root). Default null = 1 + the subnet's position in the list."),
  detail: z
    .enum(["full", "pools"], { error: "expected full or pools" })
    .default("full")
    .describe("full: neurons, epochs and agents; pools: the chain-exact coinbase, pool, moving price and root dividends with the alpha paid to aggregate holders (no per-neuron epoch, no populations). Default full."),
  tempo: intRange(1, 65_535).default(360).describe("Tempo in blocks (epoch period). Default 360."),
  emissionEnabled: z.boolean().default(true).describe("SubnetEmissionEnabled (TAO side of emission). Default true."),
  pool: z
    .strictObject({
      taoReserve: amount().default(1_000).describe("SubnetTAO at the start, in TAO. Default 1000 (NetworkMinLockCost)."),
      alphaReserve: amount()
        .nullable()
        .default(null)
        .describe("SubnetAlphaIn at the start, in alpha. Default null = taoReserve (price 1)."),
    })
    .prefault({})
    .describe("Initial pool reserves."),
  validatorStake: amount()
    .default(10_000)
    .describe("Alpha staked to the subnet's validators at the start, split by the groups' stakeShare and stakeWeight. Default 10000."),
  start: subnetStartSchema,
  holders: subnetHoldersSchema,
  hyperparameters: hyperparametersSchema,
  consensus: consensusSchema,
  validators: z
    .array(validatorGroupSchema)
    .prefault([{ count: 8 }])
    .describe("Validator groups. Default one group of 8 honest validators (detail: pools: none, whatever is written here must be left out)."),
  miners: z
    .array(minerGroupSchema)
    .prefault([{ count: 24 }])
    .describe("Miner groups. Default one group of 24 honest miners (detail: pools: none, whatever is written here must be left out)."),
  imported: z
    .array(
      z.strictObject({
        uids: z.array(intRange(0, 65_535)).optional().describe("These uids of the imported subnet."),
        hotkeys: z.array(z.string().min(1)).optional().describe("The uids holding these hotkeys (SS58 as in the snapshot)."),
        topStake: intRange(1, 65_535).optional().describe("The N uids with the most alpha stake (ties: lower uid)."),
        as: validatorGroupSchema.describe("The validator strategy and parameters they follow instead of replaying their rows (count, stake and take are the snapshot's)."),
      }),
    )
    .default([])
    .describe("With start.snapshot: strategies for imported validators, selected by uid list, hotkey or stake rank (the first matching entry wins). Default: every imported validator keeps sending the row it had."),
  owner: z
    .strictObject({
      sell: sellSchema,
      burn: probability()
        .default(0)
        .describe("Owner burn: the fraction of their weight the subnet's validators (honest, lazy, late, cabal) give to the owner's uid, whose incentive the chain withholds (MinerBurned) and which lowers the subnet's emission share. Default 0."),
    })
    .prefault({})
    .describe("The subnet owner (its hotkey receives the owner cut). Default: holds everything."),
  stakers: z.array(stakerGroupSchema).default([]).describe("Staker (nominator) groups. Default none."),
  users: z.array(userGroupSchema).default([]).describe("Service users buying alpha. Default none."),
});

export type SubnetInput = z.input<typeof subnetSchema>;

/** The populations a subnet gets when it names none. */
export const DEFAULT_VALIDATORS = () => z.array(validatorGroupSchema).parse([{ count: 8 }]);
export const DEFAULT_MINERS = () => z.array(minerGroupSchema).parse([{ count: 24 }]);
