// `subnets[].hyperparameters`: per-subnet storage items, named as in the epoch I/O (interfaces.md).
// Defaults are what `init_new_network` writes for a newly registered subnet (spec/yuma.md §3,
// spec/pools-staking-registration.md §4.3, §5.2); where it writes nothing, the storage default.
import * as z from "zod";
import { amount, intRange, nonNegative, u16 } from "./primitives.js";

export const hyperparameterFields = {
  activityCutoffFactorMilli: intRange(1, 4_294_967_295, "a u32 integer")
    .default(13_889)
    .describe("ActivityCutoffFactorMilli: activity cutoff in per-mille of tempo. Default 13889 (5000 blocks at tempo 360)."),
  kappa: u16().default(32_767).describe("Kappa (u16): consensus majority threshold. Default 32767."),
  bondsPenalty: u16().default(65_535).describe("BondsPenalty (u16). Default 65535."),
  bondsMovingAverage: intRange(0, 1_000_000)
    .default(900_000)
    .describe("BondsMovingAverage (millionths): EMA weight of new bonds is 1 − bma/1e6. Default 900000."),
  yuma3: z.boolean().default(true).describe("Yuma3On. Default true (new subnets since 2026-03)."),
  liquidAlpha: z.boolean().default(false).describe("LiquidAlphaOn (Yuma3 path only). Default false."),
  alphaLow: u16().default(45_875).describe("AlphaValues low (u16). Default 45875."),
  alphaHigh: u16().default(58_982).describe("AlphaValues high (u16). Default 58982."),
  alphaSigmoidSteepness: intRange(-32_768, 32_767, "an i16 integer")
    .default(1_000)
    .describe("AlphaSigmoidSteepness (i16; slope = value/100). Default 1000."),
  maxAllowedValidators: u16().default(64).describe("MaxAllowedValidators (top-k permits). Default 64 (init_new_network)."),
  maxAllowedUids: intRange(1, 4_096).default(256).describe("MaxAllowedUids. Default 256."),
  immunityPeriod: u16().default(5_000).describe("ImmunityPeriod in blocks. Default 5000."),
  minAllowedWeights: u16().default(1).describe("MinAllowedWeights. Default 1."),
  maxWeightLimit: u16().default(65_535).describe("MaxWeightsLimit (u16) on the upscaled row; 65535 = no limit. Default 65535."),
  weightsVersionKey: intRange(0, Number.MAX_SAFE_INTEGER, "a non-negative integer")
    .default(0)
    .describe("WeightsVersionKey: validators send the current key, so it only matters for events that raise it. Default 0."),
  weightsSetRateLimit: intRange(0, Number.MAX_SAFE_INTEGER, "a non-negative integer")
    .default(100)
    .describe("WeightsSetRateLimit in blocks. Default 100."),
  commitReveal: z.boolean().default(true).describe("CommitRevealWeightsEnabled. Default true."),
  revealPeriodEpochs: intRange(1, 100).default(1).describe("RevealPeriodEpochs. Default 1."),
  feeRate: intRange(0, 10_000, "a u16 integer").default(33).describe("Swap FeeRate (u16, ≤ MaxFeeRate 10000). Default 33."),
  burn: amount().default(1).describe("Registration Burn at start, in TAO. Default 1 (init_new_network)."),
  minBurn: amount().default(0.0005).describe("MinBurn in TAO. Default 0.0005."),
  maxBurn: amount().default(100).describe("MaxBurn in TAO. Default 100."),
  burnHalfLife: intRange(0, 36_100).default(360).describe("BurnHalfLife in blocks (0 = no decay). Default 360."),
  burnIncreaseMult: nonNegative().default(1.26).describe("BurnIncreaseMult after each registration. Default 1.26."),
  registrationAllowed: z.boolean().default(true).describe("NetworkRegistrationAllowed. Default true."),
} as const;

export const hyperparametersSchema = z
  .strictObject(hyperparameterFields)
  .prefault({})
  .describe("Per-subnet hyperparameters, named as in the epoch I/O; defaults as init_new_network sets them.");

/** The same fields, all optional and without defaults: what a `hyperparameters` event may change. */
export const hyperparameterChangesSchema = z.strictObject(
  Object.fromEntries(
    Object.entries(hyperparameterFields).map(([k, v]) => [k, (v as unknown as z.ZodDefault<z.ZodType>).unwrap().optional()]),
  ) as { [K in keyof typeof hyperparameterFields]: z.ZodOptional<ReturnType<(typeof hyperparameterFields)[K]["unwrap"]>> },
);

export type HyperparametersInput = z.input<typeof hyperparametersSchema>;
export type Hyperparameters = z.output<typeof hyperparametersSchema>;
