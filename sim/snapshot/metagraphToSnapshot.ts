// Converts an archived float metagraph (stake S in TAO and row-normalised float weight rows W, as
// the bittensor SDK's `metagraph(netuid, block, lite=False)` reports them) into a taosim.snapshot/1.
// Only stake, weights and hotkeys are real; everything else is a stated assumption (docs/snapshots.md
// "From a float metagraph"). Weights are quantised the chain's way: each row max-upscaled to u16.
import { EpochScratch } from "../../models/consensus/scratch.js";
import { isTopkNonzero } from "../../models/consensus/validatorPermits.js";
import { vecMaxUpscaleToU16 } from "../../models/fixed/vecMaxUpscaleToU16.js";
import { SNAPSHOT_FORMAT, type SnapshotInput } from "./snapshotSchema.js";

/** The fields of a converted metagraph JSON (see test/vectors/metagraphs/README.md). */
export interface FloatMetagraph {
  source: string;
  netuid: number;
  block: number;
  hotkeys: string[];
  S: number[];
  W: [number, number][][];
}

const RAO_PER_TAO = 1_000_000_000;
const TEMPO = 360;
const MAX_VALIDATORS = 64;
/** Assumed pool: price 1.0 with 1000 TAO each side (NetworkMinLockCost; a pre-dTAO subnet has none). */
const POOL_RESERVE_RAO = "100000000000000"; // 100,000 TAO and alpha: assumed (pre-dTAO); large enough that a few days of emission move the price by tens of percent, not ×100
/** Assumed pending buckets: one tempo of 1 alpha/block after the 18 % owner cut, half to miners, half to validators. */
const PENDING_HALF_RAO = String(TEMPO * 410_000_000);
const PENDING_OWNER_CUT_RAO = String(TEMPO * 180_000_000);
/** Assumed TotalIssuance near block 4.77M (≈ 8.1M TAO); the epoch does not read it. */
const TOTAL_ISSUANCE_RAO = "8100000000000000";

/** The legacy schedule's last epoch at or before `block`: (b + netuid + 1) % (tempo + 1) == 0 (spec/emission.md §4.4). */
export function legacyLastEpochBlock(block: number, netuid: number, tempo: number): number {
  return block - ((block + netuid + 1) % (tempo + 1));
}

/** Float weights → I32F32 raws → the stored u16 row (chain: set_weights stores vec_u16_max_upscale_to_u16 of the submitted row). */
export function quantiseRow(row: readonly [number, number][]): [number, number][] {
  const q = vecMaxUpscaleToU16(row.map(([, w]) => Math.round(w * 2 ** 32)));
  return row.map(([uid], j) => [uid, q[j]]);
}

export function metagraphToSnapshot(m: FloatMetagraph): SnapshotInput {
  const n = m.hotkeys.length;
  const rao = m.S.map((s) => Math.round(s * RAO_PER_TAO));
  const permits = new Uint8Array(n);
  isTopkNonzero(Float64Array.from(rao), n, MAX_VALIDATORS, permits, new EpochScratch().ensure(n));
  const lastEpochBlock = legacyLastEpochBlock(m.block, m.netuid, TEMPO);
  // SubnetAlphaOut holds the staked alpha and the minted alpha still waiting in the pending buckets
  const alphaOut = rao.reduce((a, r) => a + BigInt(r), 0n) + 2n * BigInt(PENDING_HALF_RAO) + BigInt(PENDING_OWNER_CUT_RAO);
  return {
    format: SNAPSHOT_FORMAT,
    source: {
      network: "finney",
      block: m.block,
      blockHash: null,
      note:
        `Converted from ${m.source} by sim/snapshot/convertMetagraph.ts. Real: hotkeys, stake (float TAO → rao, as alphaStake), ` +
        "weights (max-upscaled to u16). Assumed (docs/snapshots.md): pool, alphaOut, moving price, pending emission, " +
        "totalIssuance, hyperparameters, lastEpochBlock (legacy schedule), lastUpdate = block, blockAtRegistration = 0, " +
        "permits = top 64 by stake, no bonds, no root stake, no owner.",
    },
    chain: { totalIssuance: TOTAL_ISSUANCE_RAO, taoWeight: "971718665099567868", subnetOwnerCut: 11_796, stakeThreshold: "0" },
    rootStakes: [],
    subnets: [
      {
        netuid: m.netuid,
        tempo: TEMPO,
        lastEpochBlock,
        lastMechanismStepBlock: lastEpochBlock,
        firstEmissionBlock: 1,
        registeredAt: 0,
        ownerColdkey: null,
        ownerHotkey: null,
        pool: { taoReserve: POOL_RESERVE_RAO, alphaReserve: POOL_RESERVE_RAO, quoteWeight: "500000000000000000", feeRate: 33 },
        alphaOut: alphaOut.toString(),
        movingPriceI96F32: String(2 ** 32),
        pendingServerEmission: PENDING_HALF_RAO,
        pendingValidatorEmission: PENDING_HALF_RAO,
        pendingRootAlphaDivs: "0",
        pendingOwnerCut: PENDING_OWNER_CUT_RAO,
        emissionEnabled: true,
        registrationAllowed: true,
        hyperparameters: {
          activityCutoffFactorMilli: 13_889, kappa: 32_767, bondsPenalty: 65_535, bondsMovingAverage: 900_000,
          yuma3: false, liquidAlpha: false, alphaLow: 45_875, alphaHigh: 58_982, alphaSigmoidSteepness: 1_000,
          maxAllowedValidators: MAX_VALIDATORS, maxAllowedUids: 256,
        },
        neurons: m.hotkeys.map((hotkey, uid) => ({
          uid,
          hotkey,
          coldkey: null,
          alphaStake: String(rao[uid]),
          lastUpdate: m.block,
          blockAtRegistration: 0,
          validatorPermit: permits[uid] === 1,
          weights: quantiseRow(m.W[uid]),
          bonds: [],
        })),
      },
    ],
  };
}
