// The `taosim.snapshot/1` document: the chain's state at one block, fields named after storage items.
// Every field not marked required takes the chain's storage default when absent (spec/yuma.md §3,
// spec/emission.md §7). `buildSnapshotSchema("full")` is the published JSON Schema's source;
// validation uses "deferred" rows (checked by checkSparseRows.ts) for speed.
import * as z from "zod";
import type { PackedRow } from "./packedRow.js";
import { DEFAULT_EPOCH_HYPERPARAMETERS as D } from "../../models/consensus/types.js";
import { DEFAULT_FEE_RATE, MAX_FEE_RATE } from "../../models/pool/pool.js";
import {
  accountId, blockNumber, i128Bits, intRange, perquintill, sparseRow, u16, u64String, type RowMode,
} from "./snapshotFields.js";

export const SNAPSHOT_FORMAT = "taosim.snapshot/1";

/** Per-subnet hyperparameters with the epoch I/O's names (tempo is `subnets[].tempo`; taoWeight and stakeThreshold are in `chain`). */
const hyperparametersSchema = z
  .strictObject({
    activityCutoffFactorMilli: intRange(0, 4_294_967_295, "a u32 integer").default(D.activityCutoffFactorMilli).describe("ActivityCutoffFactorMilli (u32)."),
    kappa: u16().default(D.kappa).describe("Kappa (u16)."),
    bondsPenalty: u16().default(D.bondsPenalty).describe("BondsPenalty (u16)."),
    bondsMovingAverage: intRange(0, Number.MAX_SAFE_INTEGER, "an integer").default(D.bondsMovingAverage).describe("BondsMovingAverage (u64, millionths)."),
    yuma3: z.boolean().default(D.yuma3).describe("Yuma3On."),
    liquidAlpha: z.boolean().default(D.liquidAlpha).describe("LiquidAlphaOn."),
    alphaLow: u16().default(D.alphaLow).describe("AlphaValues low (u16)."),
    alphaHigh: u16().default(D.alphaHigh).describe("AlphaValues high (u16)."),
    alphaSigmoidSteepness: intRange(-32_768, 32_767, "an i16 integer").default(D.alphaSigmoidSteepness).describe("AlphaSigmoidSteepness (i16)."),
    maxAllowedValidators: u16().default(D.maxAllowedValidators).describe("MaxAllowedValidators (u16)."),
    // Not read by the epoch; kept for a run that starts from the snapshot (absent = the scenario's value).
    maxAllowedUids: u16().optional().describe("MaxAllowedUids (u16)."),
    immunityPeriod: u16().optional().describe("ImmunityPeriod (u16, blocks)."),
    minAllowedWeights: u16().optional().describe("MinAllowedWeights (u16)."),
    weightsSetRateLimit: blockNumber().optional().describe("WeightsSetRateLimit (u64, blocks)."),
    commitReveal: z.boolean().optional().describe("CommitRevealWeightsEnabled."),
    revealPeriodEpochs: blockNumber().optional().describe("RevealPeriodEpochs (u64)."),
    burn: u64String().optional().describe("Burn (rao)."),
    minBurn: u64String().optional().describe("MinBurn (rao)."),
    maxBurn: u64String().optional().describe("MaxBurn (rao)."),
  })
  .prefault({})
  .describe("Hyperparameters, named as in the epoch I/O and scenario files; amounts in rao.");

const neuronSchema = (rows: RowMode) =>
  z.strictObject({
    uid: u16().describe("The neuron's uid (required); uids are 0..n-1 without gaps."),
    hotkey: accountId().describe("Keys[netuid][uid] (required)."),
    coldkey: accountId().nullable().default(null).describe("Owner[hotkey]; null = unknown."),
    alphaStake: u64String().default("0").describe("TotalHotkeyAlpha[hotkey][netuid], rao."),
    lastUpdate: blockNumber().default(0).describe("LastUpdate[netuid][uid]."),
    blockAtRegistration: blockNumber().default(0).describe("BlockAtRegistration[netuid][uid]."),
    validatorPermit: z.boolean().default(false).describe("ValidatorPermit[netuid][uid] (the last epoch's permits)."),
    weights: sparseRow(rows).default([]).describe("Weights[netuid][uid]: [uid, u16] entries in stored order."),
    bonds: sparseRow(rows).default([]).describe("Bonds[netuid][uid]: [uid, u16] entries in stored order."),
  });

const poolSchema = z
  .strictObject({
    taoReserve: u64String().describe("SubnetTAO, rao (required)."),
    alphaReserve: u64String().describe("SubnetAlphaIn, rao (required)."),
    quoteWeight: perquintill().default("500000000000000000").describe("SwapBalancer weight of the quote (TAO) side, Perquintill."),
    feeRate: intRange(0, MAX_FEE_RATE, "a u16 fee rate").default(DEFAULT_FEE_RATE).describe("FeeRate (u16, ≤ MaxFeeRate 10000)."),
  })
  .describe("The subnet's pool; absent for a pre-dTAO snapshot (a run must then give one).");

const subnetSchema = (rows: RowMode) =>
  z.strictObject({
    netuid: intRange(1, 65_535, "a netuid").describe("The subnet's netuid, 1..65535 (required; root stake is `rootStakes`)."),
    tempo: u16().default(D.tempo).describe("Tempo (u16)."),
    lastEpochBlock: blockNumber().default(0).describe("LastEpochBlock."),
    lastMechanismStepBlock: blockNumber().default(0).describe("LastMechansimStepBlock (sic)."),
    firstEmissionBlock: blockNumber().nullable().default(null).describe("FirstEmissionBlockNumber; null = emission not started."),
    registeredAt: blockNumber().default(0).describe("NetworkRegisteredAt."),
    ownerColdkey: accountId().nullable().default(null).describe("SubnetOwner; null = unset."),
    ownerHotkey: accountId().nullable().default(null).describe("SubnetOwnerHotkey; null = unset."),
    pool: poolSchema.optional(),
    alphaOut: u64String().default("0").describe("SubnetAlphaOut, rao."),
    movingPriceI96F32: i128Bits("I96F32").default("0").describe("SubnetMovingPrice, raw I96F32 bits."),
    pendingServerEmission: u64String().default("0").describe("PendingServerEmission, rao."),
    pendingValidatorEmission: u64String().default("0").describe("PendingValidatorEmission, rao."),
    pendingRootAlphaDivs: u64String().default("0").describe("PendingRootAlphaDivs, rao."),
    pendingOwnerCut: u64String().default("0").describe("PendingOwnerCut, rao."),
    emissionEnabled: z.boolean().default(true).describe("SubnetEmissionEnabled."),
    registrationAllowed: z.boolean().default(true).describe("NetworkRegistrationAllowed."),
    hyperparameters: hyperparametersSchema,
    neurons: z.array(neuronSchema(rows), { error: "expected a list of neurons" }).describe("One entry per uid (required)."),
  });

const chainSchema = z
  .strictObject({
    totalIssuance: u64String().describe("TotalIssuance, rao (required)."),
    taoWeight: u64String().default(D.taoWeight.toString()).describe("TaoWeight (raw u64; u64::MAX = 1.0)."),
    subnetOwnerCut: u16().default(11_796).describe("SubnetOwnerCut (u16)."),
    stakeThreshold: u64String().default("0").describe("StakeThreshold, rao."),
  })
  .describe("Network-wide storage items.");

const rootStakeSchema = z
  .strictObject({
    hotkey: accountId().describe("Hotkey (required)."),
    coldkey: accountId().describe("Coldkey (required)."),
    tao: u64String().describe("Root (netuid 0) stake of this (hotkey, coldkey), rao (required)."),
  })
  .describe("One root stake row.");

const sourceSchema = z
  .strictObject({
    network: z.string().optional().describe("finney, testnet, local, …"),
    block: blockNumber().nullable().default(null).describe("The block whose state this is."),
    blockHash: z.string().nullable().default(null).describe("That block's hash (hex)."),
    note: z.string().optional().describe("Free text: how the snapshot was made, what is assumed."),
  })
  .describe("Where the snapshot comes from.");

export function buildSnapshotSchema(rows: RowMode) {
  return z.strictObject({
    format: z.literal(SNAPSHOT_FORMAT, { error: `expected "${SNAPSHOT_FORMAT}"` }).describe("Required."),
    source: sourceSchema.optional(),
    chain: chainSchema,
    rootStakes: z.array(rootStakeSchema).default([]).describe("Root (netuid 0) stake, one row per (hotkey, coldkey)."),
    subnets: z.array(subnetSchema(rows), { error: "expected a list of subnets" }).min(1, { error: "expected a list of at least one subnet" }).describe("Required."),
  });
}

/** The schema validation runs (rows deferred to checkSparseRows.ts). */
export const snapshotSchema = buildSnapshotSchema("deferred");
/** The full schema (rows described entry by entry): the JSON Schema's source. */
export const snapshotDocumentSchema = buildSnapshotSchema("full");

type Parsed = z.output<typeof snapshotSchema>;
type ParsedSubnet = Parsed["subnets"][number];
type ParsedNeuron = ParsedSubnet["neurons"][number];

/** A validated snapshot with every default filled in; rows packed (validateSnapshotData). */
export type Snapshot = Omit<Parsed, "subnets"> & { subnets: SnapshotSubnet[] };
export type SnapshotSubnet = Omit<ParsedSubnet, "neurons"> & { neurons: SnapshotNeuron[] };
export type SnapshotNeuron = Omit<ParsedNeuron, "weights" | "bonds"> & { weights: PackedRow; bonds: PackedRow };
export type SnapshotInput = z.input<typeof snapshotDocumentSchema>;
