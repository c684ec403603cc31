// `chain`: network-wide state at the start and global parameters. Defaults are the chain's
// (spec/emission.md §7, spec/yuma.md §3, spec/pools-staking-registration.md §7).
import * as z from "zod";
import { DEFAULT_MIN_STAKE } from "../../models/chainConstants.js";
import { amount, count, intRange, u16, u64String } from "./primitives.js";

export const chainSchema = z
  .strictObject({
    totalIssuance: amount()
      .default(0)
      .describe("TotalIssuance at block 0, in TAO (drives the halving schedule). Default 0 (InitialIssuance)."),
    startBlock: count()
      .nullable()
      .default(null)
      .describe("The run's first block (at least every subnet's start.age). Default null = the largest start.age (0 when every subnet is new)."),
    defaultBlockEmission: amount()
      .default(1)
      .describe("DefaultBlockEmission, in TAO per block, before halvings. Default 1."),
    halving: z
      .boolean()
      .default(true)
      .describe("Apply the issuance-driven halving schedule (spec/emission.md §1.1). Default true."),
    taoWeight: z
      .union([z.number().min(0).max(1), u64String()], {
        error: "expected a fraction from 0 to 1 or a decimal u64 string",
      })
      .default("971718665099567868")
      .describe("TaoWeight: a fraction in [0,1] or the raw u64 (÷ u64::MAX) as a decimal string. Default the genesis 971718665099567868 (≈ 0.0527)."),
    stakeThreshold: amount()
      .default(0)
      .describe("StakeThreshold for validator permits and weight setting, in TAO of combined stake. Default 0."),
    shareRule: z
      .enum(["price", "flow"], { error: "expected price or flow" })
      .default("price")
      .describe("How TAO emission is split across subnets: price (the moving-price rule of the chain commit the specs follow) or flow (get_shares_flow, the TAO-flow rule the chain ran from November 2025 to June 2026). Default price."),
    subnetOwnerCut: u16()
      .default(11_796)
      .describe("SubnetOwnerCut, u16 fraction of alpha_out. Default 11796 (18 %)."),
    subnetLimit: intRange(1, 65_535)
      .default(128)
      .describe("SubnetLimit: maximum number of non-root subnets. Default 128."),
    networkMinLockCost: amount()
      .default(1_000)
      .describe("NetworkMinLockCost, in TAO (floor of the subnet registration lock). Default 1000."),
    minStake: amount()
      .default(Number(DEFAULT_MIN_STAKE) / 1e9)
      .describe("DefaultMinStake, in TAO. Default 0.002."),
  })
  .prefault({})
  .describe("Network-wide state at the start and global parameters; every field defaults to the chain's value.");

export type ChainInput = z.input<typeof chainSchema>;
export type Chain = z.output<typeof chainSchema>;
