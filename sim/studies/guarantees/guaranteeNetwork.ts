// One sampled honest/cabal network and its chain-exact epoch for any (W_H, W_C), as the chain's
// map_consensus_guarantees runs it (tests/consensus.rs::init_run_epochs with sparse = true):
// register all N uids with their stake at block 0, run one epoch to issue validator permits (top V by
// stake), set weights at block 1, run one measured epoch of 1e9 rao and compare the major set's
// emission (validators + servers) with the total.
//
// Departures, none of which changes the measured epoch: servers' self-weights are not stored (the
// epoch masks self-weights and rows without a permit anyway); the permit epoch runs once per network
// instead of once per grid point (its inputs do not depend on the self-weights).
import { runEpoch } from "../../../models/consensus/runEpoch.js";
import { EpochScratch } from "../../../models/consensus/scratch.js";
import { DEFAULT_EPOCH_HYPERPARAMETERS, type EpochHyperparameters, type EpochInput } from "../../../models/consensus/types.js";
import { vecU16MaxUpscaleToU16InPlace } from "../../../models/fixed/vecMaxUpscaleToU16.js";
import { sampleStakes, splitSizes, weightShares, type GraphNoise, type GraphShape, type SplitSizes } from "./splitGraph.js";

/** Rao emitted by the measured epoch (init_run_epochs: `epoch(netuid, 1_000_000_000)`). */
export const GUARANTEE_EPOCH_RAO = 1_000_000_000;

/**
 * The study's bonds penalty (a proportion) as the chain's test stores it: `(β · (u16::MAX − 1)) as u16`,
 * so β = 1 gives 65534, not 65535.
 */
export function bondsPenaltyU16(beta: number): number {
  return Math.trunc(Math.fround(Math.fround(beta) * 65534));
}

/**
 * Hyperparameters of the mock network (tests/mock.rs storage defaults: kappa 32767, bonds moving
 * average 900000, Yuma3 off, liquid alpha off, stake threshold 0) with the test's settings: tempo
 * u16::MAX − 1, max allowed validators V, the study's bonds penalty.
 */
export function guaranteeHyperparameters(validators: number, bondsPenalty: number): EpochHyperparameters {
  return {
    ...DEFAULT_EPOCH_HYPERPARAMETERS,
    tempo: 65534,
    maxAllowedValidators: validators,
    bondsPenalty: bondsPenaltyU16(bondsPenalty),
    yuma3: false,
    liquidAlpha: false,
    stakeThreshold: 0n,
  };
}

export class GuaranteeNetwork {
  readonly sizes: SplitSizes;
  private readonly shares: Float64Array;
  private readonly input: EpochInput;
  private readonly scratch = new EpochScratch();

  constructor(
    readonly shape: GraphShape,
    readonly honestStake: number,
    weightSigma: number,
    bondsPenalty: number,
    noise: GraphNoise,
  ) {
    const n = shape.neurons;
    const nV = shape.validators;
    this.sizes = splitSizes(honestStake, shape);
    this.shares = weightShares(weightSigma, shape, this.sizes, noise);
    const hyperparameters = guaranteeHyperparameters(nV, bondsPenalty);
    const noWeights = { rowPtr: new Int32Array(n + 1), col: new Int32Array(0), val: new Uint16Array(0) };
    const base: EpochInput = {
      n, block: 0, raoEmission: GUARANTEE_EPOCH_RAO, ownerUid: null, lastMechanismStepBlock: 0, hyperparameters,
      alphaStake: sampleStakes(honestStake, shape, this.sizes, noise), taoStake: new BigUint64Array(n),
      lastUpdate: new Float64Array(n), blockAtRegistration: new Float64Array(n),
      validatorPermit: new Uint8Array(n), weights: noWeights, bonds: noWeights,
    };
    const permitEpoch = runEpoch(base, "exact", this.scratch);
    const nS = this.sizes.servers;
    const rowPtr = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) rowPtr[i + 1] = rowPtr[i] + (i < nV ? nS : 0);
    const col = new Int32Array(nV * nS);
    for (let e = 0; e < col.length; e++) col[e] = nV + (e % nS); // servers in uid order, major set first
    this.input = {
      ...base,
      block: 1,
      lastUpdate: new Float64Array(n).fill(1),
      validatorPermit: permitEpoch.validatorPermit,
      bonds: permitEpoch.storedBonds,
      weights: { rowPtr, col, val: new Uint16Array(nV * nS) },
    };
  }

  /**
   * Stores the weights for honest self-weight `wH` and cabal self-weight `wC` (split_graph): a major
   * validator puts wH on the major servers and 1 − wH on the minor ones, a minor validator 1 − wC and
   * wC; each side spread by its noise shares; u16 = floor(w · share · 65535), then max-upscaled.
   */
  setSelfWeights(wH: number, wC: number): void {
    const { validators: nV } = this.shape;
    const { majorValidators, majorServers, servers: nS } = this.sizes;
    const val = this.input.weights.val;
    for (let i = 0; i < nV; i++) {
      const major = i < majorValidators;
      const onMajor = major ? wH : 1 - wC;
      const onMinor = major ? 1 - wH : wC;
      const row = i * nS;
      for (let k = 0; k < nS; k++) {
        const w = k < majorServers ? onMajor : onMinor;
        val[row + k] = Math.floor(w * this.shares[row + k] * 65535);
      }
      vecU16MaxUpscaleToU16InPlace(val, row, row + nS);
    }
  }

  /** Major-set share of the measured epoch's emission, for the given self-weights. */
  honestEmissionRatio(wH: number, wC: number): number {
    this.setSelfWeights(wH, wC);
    const out = runEpoch(this.input, "exact", this.scratch);
    const { validators: nV, neurons: n } = this.shape;
    const { majorValidators, majorServers } = this.sizes;
    let honest = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const e = out.emission[i];
      total += e;
      if (i < majorValidators || (i >= nV && i < nV + majorServers)) honest += e;
    }
    return total === 0 ? 0 : honest / total;
  }

  /** The epoch input of the last `setSelfWeights` (shared, overwritten by the next call). */
  get epochInput(): Readonly<EpochInput> {
    return this.input;
  }
}
