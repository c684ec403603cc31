// One subnet's chain state beyond what models/emission keeps, held in the models' own types: the
// neurons (models/registration SubnetNeurons: Keys, BlockAtRegistration — the same columns as
// ChainEconomy's — LastUpdate, ValidatorPermit, Emission, Weights and Bonds rows), the commit-reveal
// storage (models/weights), the registration storage (Burn, counters); plus the epoch kernel's scratch
// and input buffers and the agents' bookkeeping (roles, true quality), which is not chain state.
import { EpochScratch } from "../../models/consensus/scratch.js";
import type { EpochHyperparameters, EpochInput, EpochOutput, SparseU16 } from "../../models/consensus/types.js";
import { createSubnetNeurons, type SubnetNeurons } from "../../models/registration/subnetNeurons.js";
import { newSubnetRegistrationState, type SubnetRegistrationState } from "../../models/registration/registerNeuron.js";
import { newCommitRevealState, type CommitRevealState } from "../../models/weights/commitReveal.js";
import { Role } from "./roles.js";
import type { SaleBook } from "./holderSales.js";
import type { VariantEpochState } from "./variantEpochAdapter.js";

export interface SubnetParams {
  maxAllowedUids: number;
  immunityPeriod: number;
  minAllowedWeights: number;
  maxWeightLimit: number;
  weightsVersionKey: bigint;
  weightsSetRateLimit: number;
  commitReveal: boolean;
  revealPeriodEpochs: number;
  feeRate: number;
  minBurn: bigint;
  maxBurn: bigint;
  burnHalfLife: number;
  burnIncreaseMult: number;
  registrationAllowed: boolean;
}

const emptySparse = (n: number): SparseU16 => ({ rowPtr: new Int32Array(n + 1), col: new Int32Array(0), val: new Uint16Array(0) });

export class SubnetWorld {
  /** The scenario's netuid (`netuid` is the dense internal slot used by the models). */
  publicNetuid = 0;
  /** Per-uid chain state (models/registration); `hotkey` and `blockAtRegistration` are ChainEconomy's columns. */
  readonly neurons: SubnetNeurons;
  /** WeightCommits / TimelockedWeightCommits of this subnet. */
  readonly commits: CommitRevealState = newCommitRevealState();
  /** Burn and registration counters (models/registration). */
  readonly reg: SubnetRegistrationState;
  // agents' bookkeeping (not chain state)
  /** Operator index (into the world's miner operators) of each uid, −1 none. */
  readonly operatorOfUid: Int32Array;
  readonly role: Uint8Array;
  readonly strategy: string[]; // per uid, e.g. "honest" (validators), "honest"/"sybil" (miners), "" otherwise
  readonly group: Int16Array; // population group index (−1 none)
  readonly minerLabel: Int16Array; // index into labels (−1 none)
  readonly trueQuality: Float64Array;
  readonly isMiner: Uint8Array; // 1 = a miner hotkey that is serving
  readonly labels: string[] = [];
  // consensus history for copiers (ring of the last `historyDepth` epochs)
  readonly consensusHistory: Uint16Array[];
  historyCount = 0;
  lastOutput: EpochOutput | null = null;
  lastEpochBlock = -1;
  registrationsTotal = 0;
  demandFactor = 1;
  /** Fraction of honest weight the subnet's validator code gives to the owner's uid (scenario `owner.burn`). */
  ownerBurn = 0;
  /** Sellers' bookkeeping per uid (holderSales.ts), and the owner's. */
  readonly sales: (SaleBook | undefined)[] = [];
  ownerSales: SaleBook | undefined = undefined;
  /** The research Yuma variant this subnet runs instead of the chain epoch (null: the chain epoch). */
  variantEpoch: VariantEpochState | null = null;
  /** A `detail: pools` subnet: aggregate holders instead of neurons, paid by poolsEpoch.ts. */
  aggregate = false;
  // epoch kernel buffers
  readonly scratch = new EpochScratch();
  readonly input: EpochInput;
  /** u16 buffers a quantised weight proposal is written into before the chain's checks. */
  readonly proposalUids: Uint16Array;
  readonly proposalValues: Uint16Array;

  constructor(
    readonly netuid: number,
    readonly hyper: EpochHyperparameters,
    readonly params: SubnetParams,
    historyDepth: number,
    /** ChainEconomy's Keys[netuid] and BlockAtRegistration[netuid] columns (shared, one source). */
    hotkeyColumn: Int32Array,
    registeredAtColumn: Float64Array,
    burn: bigint,
  ) {
    const m = hotkeyColumn.length;
    this.neurons = createSubnetNeurons(netuid, m);
    this.neurons.hotkey = hotkeyColumn;
    this.neurons.blockAtRegistration = registeredAtColumn;
    this.reg = newSubnetRegistrationState(burn, 0);
    this.role = new Uint8Array(m);
    this.operatorOfUid = new Int32Array(m).fill(-1);
    this.strategy = new Array<string>(m).fill("");
    this.group = new Int16Array(m).fill(-1);
    this.minerLabel = new Int16Array(m).fill(-1);
    this.trueQuality = new Float64Array(m);
    this.isMiner = new Uint8Array(m);
    this.proposalUids = new Uint16Array(m);
    this.proposalValues = new Uint16Array(m);
    this.consensusHistory = Array.from({ length: Math.max(1, historyDepth) }, () => new Uint16Array(m));
    this.input = {
      n: 0,
      block: 0,
      raoEmission: 0,
      ownerUid: null,
      lastMechanismStepBlock: 0,
      hyperparameters: hyper,
      alphaStake: new BigUint64Array(m),
      taoStake: new BigUint64Array(m),
      lastUpdate: new Float64Array(m),
      blockAtRegistration: new Float64Array(m),
      validatorPermit: new Uint8Array(m),
      weights: emptySparse(m),
      bonds: emptySparse(m),
    };
  }

  /** SubnetworkN: uids 0..n-1 are in use. */
  get n(): number {
    return this.neurons.n;
  }

  labelIndex(label: string): number {
    return this.labels.indexOf(label);
  }

  /** Consensus of `lag` epochs ago (1 = last), or null. */
  consensusAgo(lag: number): Uint16Array | null {
    if (lag < 1 || lag > this.historyCount || lag > this.consensusHistory.length) return null;
    const depth = this.consensusHistory.length;
    return this.consensusHistory[(this.historyCount - lag) % depth];
  }

  /** Records the last epoch's consensus into the history ring. */
  pushConsensus(consensus: Uint16Array, n: number): void {
    const slot = this.consensusHistory[this.historyCount % this.consensusHistory.length];
    slot.fill(0);
    slot.set(consensus.subarray(0, n));
    this.historyCount++;
  }

  /** Forgets the agent that held `uid` (its hotkey was replaced or removed). Not chain state. */
  clearAgentSlot(uid: number): void {
    this.role[uid] = Role.empty;
    this.operatorOfUid[uid] = -1;
    this.strategy[uid] = "";
    this.group[uid] = -1;
    this.minerLabel[uid] = -1;
    this.trueQuality[uid] = 0;
    this.isMiner[uid] = 0;
    this.sales[uid] = undefined;
  }
}
