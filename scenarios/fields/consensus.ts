// `subnets[].consensus`: which epoch the subnet runs. "chain" (default) is the chain-exact Yuma epoch
// (models/consensus) driven by `hyperparameters`; the others are the research variants of
// models/variants (spec/yuma-variants.md), in float64, with their own `params` (the chain
// hyperparameters kappa, bondsPenalty, … do not apply to them).
import * as z from "zod";
import { probability } from "./primitives.js";

/** `chain` and models/variants VARIANT_NAMES (a test keeps the two lists in step). */
export const CONSENSUS_VARIANTS = ["chain", "yuma1", "yuma2", "yuma2b", "yuma2c", "yuma3", "yuma3-liquid"] as const;
export type ConsensusVariant = (typeof CONSENSUS_VARIANTS)[number];

const oneOf = (values: readonly string[]) => `expected one of ${values.join(", ")}`;
const finite = () =>
  z.number({ error: "expected a finite number" }).min(-Number.MAX_VALUE, { error: "expected a finite number" }).max(Number.MAX_VALUE, { error: "expected a finite number" });
const positive = () =>
  z.number({ error: "expected a positive number" }).gt(0, { error: "expected a positive number" }).max(Number.MAX_VALUE, { error: "expected a finite number" });

/** A partial models/variants VariantParams; an absent field takes the variant's default (params.ts). */
export const variantParamsSchema = z
  .strictObject({
    kappa: probability().optional().describe("κ, the consensus majority threshold (0..1). Package default 0.5."),
    bondPenalty: probability().optional().describe("β, the bond penalty (0..1). Default 1."),
    bondMovingAvg: probability().optional().describe("Bond EMA: new bonds weigh 1 − bondMovingAvg. Default 0.1 (Yuma 1: 0; Yuma 3: 0.975)."),
    liquidAlpha: z.boolean({ error: "expected true or false" }).optional().describe("Liquid alpha (always on for yuma3-liquid). Default false."),
    alphaHigh: probability().optional().describe("Liquid alpha upper bound (0..1). Default 0.3."),
    alphaLow: probability().optional().describe("Liquid alpha lower bound (0..1). Default 0.1."),
    alphaSigmoidSteepness: finite().optional().describe("Liquid alpha sigmoid steepness. Default 10."),
    liquidAlphaConsensusMode: z
      .enum(["CURRENT", "PREVIOUS", "MIXED"], { error: oneOf(["CURRENT", "PREVIOUS", "MIXED"]) })
      .optional()
      .describe("Which consensus liquid alpha reads. Default CURRENT (yuma3-liquid: MIXED)."),
    decayRate: probability().optional().describe("Yuma 2C bond decay per epoch (0..1). Default 0.1."),
    capacityAlpha: probability().optional().describe("Yuma 2C purchase share of capacity (0..1). Default 0.1."),
    maxint: positive().optional().describe("Yuma 2C capacity scale. Default 2^64."),
    winnerTakesAll: z.boolean({ error: "expected true or false" }).optional().describe("Incentive to the top server(s) only. Default false."),
    consensusImpl: z
      .enum(["optimized", "bisection"], { error: oneOf(["optimized", "bisection"]) })
      .optional()
      .describe("Consensus algorithm: optimized (exact) or the package's legacy bisection. Default optimized."),
    consensusPrecision: positive().optional().describe("Bisection only: stop below 1/consensusPrecision. Default 100000."),
  })
  .default({})
  .describe("Research-variant hyperparameters (ignored by chain). Default {} (the variant's own defaults).");

export const consensusSchema = z
  .strictObject({
    variant: z
      .enum(CONSENSUS_VARIANTS, { error: oneOf(CONSENSUS_VARIANTS) })
      .default("chain")
      .describe("chain (the chain-exact epoch) or a research Yuma variant: yuma1, yuma2, yuma2b, yuma2c, yuma3, yuma3-liquid. Default chain."),
    params: variantParamsSchema,
  })
  .prefault({})
  .describe("The subnet's consensus: the chain epoch or a research Yuma variant (sweepable: subnets[0].consensus.variant).");

export type ConsensusOptions = z.output<typeof consensusSchema>;
