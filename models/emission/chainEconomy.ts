// ChainEconomy: the chain state the coinbase reads and writes, as structure-of-arrays columns
// indexed by netuid (0 = root) and by a run-wide hotkey id. Amounts are u64 rao / alpha-rao in
// BigUint64Array; fixed-point storage keeps its raw bits (SubnetMovingPrice I96F32, MinerBurned U96F32).
// Chain storage names are given beside each column (pallets/subtensor/src/lib.rs).

import { DEFAULT_EPOCH_HYPERPARAMETERS } from "../consensus/types.js";
import { RootClaimsState } from "../staking/rootClaimsState.js";
import { TaoFlowState } from "./taoFlow.js";

/**
 * Subnet share rule: "price" the moving-price rule with MinerBurned weighting (the commit the specs
 * follow), "flow" the TAO-flow rule of Nov 2025 – Jun 2026 (flowShares.ts). Older names kept:
 * "priceEmaMinerBurned" = "price"; "priceEma" = price without the MinerBurned weighting.
 */
export type ShareRule = "price" | "flow" | "priceEmaMinerBurned" | "priceEma";
export const SHARE_RULES: readonly ShareRule[] = ["price", "flow", "priceEmaMinerBurned", "priceEma"];

/** Network-wide parameters of the coinbase (runtime defaults, spec/emission.md §7). */
export interface EconomyParams {
  taoWeight: bigint; // TaoWeight u64 (w = x / u64::MAX)
  subnetOwnerCut: number; // SubnetOwnerCut u16
  maxEpochsPerBlock: number; // MaxEpochsPerBlock u8
  subnetMovingAlpha: bigint; // SubnetMovingAlpha I96F32 raw
  ckBurn: bigint; // CKBurn u64 (÷ u64::MAX)
  minChildkeyTake: number; // MinChildkeyTake u16
  maxTempo: number; // MAX_TEMPO
  shareRule: ShareRule;
}

export const DEFAULT_ECONOMY_PARAMS: Readonly<EconomyParams> = Object.freeze({
  taoWeight: DEFAULT_EPOCH_HYPERPARAMETERS.taoWeight,
  subnetOwnerCut: 11_796,
  maxEpochsPerBlock: 2,
  subnetMovingAlpha: 12_885n,
  ckBurn: 0n,
  minChildkeyTake: 0,
  maxTempo: 50_400,
  shareRule: "price",
});

/** A parent/child link: `proportion` is a u64 fraction of u64::MAX (ParentKeys / ChildKeys). */
export interface KeyLink {
  proportion: bigint;
  hotkey: number;
}

/** Hotkeys of the run: owner coldkey, delegate take, stake per netuid, links per netuid. */
export interface HotkeyTable {
  count: number;
  owner: Int32Array; // Owner[hk] (coldkey id)
  take: Uint16Array; // Delegates[hk]
  stake: BigUint64Array[]; // stake[netuid][hk] = TotalHotkeyAlpha[hk][netuid]
  childkeyTake: Uint16Array[]; // ChildkeyTake[hk][netuid]
  parents: Map<number, KeyLink[]>[]; // ParentKeys[hk][netuid], storage order
  children: Map<number, KeyLink[]>[]; // ChildKeys[hk][netuid]
}

/** Per-block working buffers of the coinbase (index k = k-th emitting subnet), reused every block. */
export interface CoinbaseScratch {
  emit: Int32Array; // emitting netuids, ascending
  nEmit: number;
  shares: bigint[]; // U64F64
  taoEmission: bigint[]; // U96F32
  taoIn: bigint[]; // U96F32
  alphaIn: bigint[]; // U96F32
  alphaOut: bigint[]; // U96F32
  excess: bigint[]; // U96F32
  drained: Int32Array; // netuids drained this block
  nDrained: number;
  drainedServer: bigint[];
  drainedValidator: bigint[];
  drainedRoot: bigint[];
  drainedOwnerCut: bigint[];
}

/** The coinbase state of a whole network. */
export interface ChainEconomy {
  params: EconomyParams;
  netuids: number; // number of netuid slots (0 = root)
  // chain-wide
  totalIssuance: bigint; // TotalIssuance
  totalStake: bigint; // TotalStake
  blockEmission: bigint; // TAO minted by the last block (rao)
  freeBalanceTotal: bigint; // Σ coldkey free balances (engine-owned; the coinbase never moves it)
  otherTao: bigint; // TAO held outside pools and free balances (locks …); ledger place
  recycledTaoTotal: bigint; // credit recycled by the coinbase (computed but never minted), cumulative
  burnedTaoTotal: bigint; // swap fees burned for want of a block author (left circulation; ledger place), cumulative
  // per netuid: registration and emission switches
  added: Uint8Array; // NetworksAdded
  mechanism: Uint8Array; // SubnetMechanism (0 stable, 1 dynamic)
  firstEmissionBlock: Float64Array; // FirstEmissionBlockNumber (−1 = None)
  subtokenEnabled: Uint8Array; // SubtokenEnabled
  registrationAllowed: Uint8Array; // NetworkRegistrationAllowed
  emissionEnabled: Uint8Array; // SubnetEmissionEnabled
  ownerCutEnabled: Uint8Array; // OwnerCutEnabled
  recycleOrBurn: Uint8Array; // RecycleOrBurn: 0 unset/Burn, 1 Recycle
  epochInputConsistent: Uint8Array; // is_epoch_input_state_consistent (engine clears on duplicate hotkeys)
  subnetOwnerColdkey: Int32Array; // SubnetOwner (−1 = none)
  subnetOwnerHotkey: Int32Array; // SubnetOwnerHotkey (−1 = none)
  // pool
  subnetTao: BigUint64Array; // SubnetTAO
  alphaIn: BigUint64Array; // SubnetAlphaIn
  alphaOut: BigUint64Array; // SubnetAlphaOut
  protocolAlpha: BigUint64Array; // SubnetProtocolAlpha
  quoteWeight: BigUint64Array; // SwapBalancer quote weight, Perquintill parts (1e18 = 1)
  balancerInitialized: Uint8Array; // PalSwapInitialized (1 for a live subnet; 0: the next swap resets w to 0.5)
  accountTao: BigUint64Array; // TAO spent into the subnet account whose chain buy failed
  alphaIssuance: BigUint64Array; // TotalAlphaIssuance (pallet_alpha_assets)
  // prices and shares
  movingPrice: BigUint64Array; // SubnetMovingPrice (I96F32 raw, ∈ [0, 2^32])
  emaPriceHalvingBlocks: Float64Array; // EMAPriceHalvingBlocks
  minerBurned: BigUint64Array; // MinerBurned (U96F32 raw)
  // pending buckets
  pendingServer: BigUint64Array; // PendingServerEmission
  pendingValidator: BigUint64Array; // PendingValidatorEmission
  pendingRoot: BigUint64Array; // PendingRootAlphaDivs
  pendingOwnerCut: BigUint64Array; // PendingOwnerCut
  // scheduler
  tempo: Uint16Array; // Tempo
  lastEpochBlock: Float64Array; // LastEpochBlock
  pendingEpochAt: Float64Array; // PendingEpochAt (0 = none)
  blocksSinceLastStep: Float64Array; // BlocksSinceLastStep
  epochIndex: Float64Array; // SubnetEpochIndex
  lastMechanismStepBlock: Float64Array; // LastMechansimStepBlock
  // last block's per-subnet values
  taoInEmission: BigUint64Array; // SubnetTaoInEmission
  alphaInEmission: BigUint64Array; // SubnetAlphaInEmission
  alphaOutEmission: BigUint64Array; // SubnetAlphaOutEmission
  excessTao: BigUint64Array; // SubnetExcessTao
  // cumulative since the run's start (subnets.csv `_total` columns and the ledger)
  taoInTotal: BigUint64Array; // Σ t' injected into SubnetTAO
  excessTaoTotal: BigUint64Array; // Σ TAO paid into chain buys
  alphaInTotal: BigUint64Array; // Σ a' injected into SubnetAlphaIn
  alphaOutTotal: BigUint64Array; // Σ floor(alpha_em) minted to SubnetAlphaOut
  ownerAlphaTotal: BigUint64Array; // owner cut paid to the owner hotkey
  minerAlphaTotal: BigUint64Array; // incentives paid to miners (not to owner hotkeys)
  validatorAlphaTotal: BigUint64Array; // alpha dividends (take + nominators)
  rootAlphaTotal: BigUint64Array; // root alpha dividends (take + root claimable + fallback)
  recycledAlphaTotal: BigUint64Array; // recycle_subnet_alpha (root alpha w/o sell, CK burn, owner incentive)
  burnedAlphaTotal: BigUint64Array; // AlphaBurned (stays in SubnetAlphaOut)
  rootClaimableAlpha: BigUint64Array; // alpha owed to root stakers, not yet claimed (in SubnetAlphaOut)
  unownedAlpha: BigUint64Array; // minted alpha owned by nobody: flooring dust, unpaid buckets (§9.2)
  // hotkeys and UIDs
  keys: HotkeyTable;
  uidHotkey: Int32Array[]; // Keys[netuid][uid] → hotkey id (−1 empty)
  blockAtRegistration: Float64Array[]; // BlockAtRegistration[netuid][uid]
  rootClaims: RootClaimsState; // RootClaimable (rate per root stake), RootClaimed, claim types, coldkey index
  taoFlow: TaoFlowState; // SubnetTaoFlow and its EMA (read by the "flow" share rule)
  scratch: CoinbaseScratch;
}

export interface ChainEconomyOptions {
  netuids: number; // slots including root
  hotkeys: number;
  maxUids?: number; // per subnet (default 256)
  params?: Partial<EconomyParams>;
}

const u64col = (n: number): BigUint64Array => new BigUint64Array(n);

/** An empty network: root plus `netuids − 1` subnet slots, none added, all storage at chain defaults. */
export function createChainEconomy(opts: ChainEconomyOptions): ChainEconomy {
  const n = opts.netuids;
  const h = opts.hotkeys;
  const maxUids = opts.maxUids ?? 256;
  const filled = (len: number, v: number): Float64Array => new Float64Array(len).fill(v);
  const keys: HotkeyTable = {
    count: h,
    owner: new Int32Array(h).map((_, i) => i),
    take: new Uint16Array(h).fill(11_796),
    stake: Array.from({ length: n }, () => u64col(h)),
    childkeyTake: Array.from({ length: n }, () => new Uint16Array(h)),
    parents: Array.from({ length: n }, () => new Map<number, KeyLink[]>()),
    children: Array.from({ length: n }, () => new Map<number, KeyLink[]>()),
  };
  const state: ChainEconomy = {
    params: { ...DEFAULT_ECONOMY_PARAMS, ...opts.params },
    netuids: n,
    totalIssuance: 0n,
    totalStake: 0n,
    blockEmission: 0n,
    freeBalanceTotal: 0n,
    otherTao: 0n,
    recycledTaoTotal: 0n,
    burnedTaoTotal: 0n,
    added: new Uint8Array(n),
    mechanism: new Uint8Array(n),
    firstEmissionBlock: filled(n, -1),
    subtokenEnabled: new Uint8Array(n),
    registrationAllowed: new Uint8Array(n).fill(1),
    emissionEnabled: new Uint8Array(n).fill(1),
    ownerCutEnabled: new Uint8Array(n).fill(1),
    recycleOrBurn: new Uint8Array(n),
    epochInputConsistent: new Uint8Array(n).fill(1),
    subnetOwnerColdkey: new Int32Array(n).fill(-1),
    subnetOwnerHotkey: new Int32Array(n).fill(-1),
    subnetTao: u64col(n),
    alphaIn: u64col(n),
    alphaOut: u64col(n),
    protocolAlpha: u64col(n),
    quoteWeight: new BigUint64Array(n).fill(500_000_000_000_000_000n),
    balancerInitialized: new Uint8Array(n).fill(1),
    accountTao: u64col(n),
    alphaIssuance: u64col(n),
    movingPrice: u64col(n),
    emaPriceHalvingBlocks: filled(n, 201_600),
    minerBurned: u64col(n),
    pendingServer: u64col(n),
    pendingValidator: u64col(n),
    pendingRoot: u64col(n),
    pendingOwnerCut: u64col(n),
    tempo: new Uint16Array(n).fill(360),
    lastEpochBlock: filled(n, 0),
    pendingEpochAt: filled(n, 0),
    blocksSinceLastStep: filled(n, 0),
    epochIndex: filled(n, 0),
    lastMechanismStepBlock: filled(n, 0),
    taoInEmission: u64col(n),
    alphaInEmission: u64col(n),
    alphaOutEmission: u64col(n),
    excessTao: u64col(n),
    taoInTotal: u64col(n),
    excessTaoTotal: u64col(n),
    alphaInTotal: u64col(n),
    alphaOutTotal: u64col(n),
    ownerAlphaTotal: u64col(n),
    minerAlphaTotal: u64col(n),
    validatorAlphaTotal: u64col(n),
    rootAlphaTotal: u64col(n),
    recycledAlphaTotal: u64col(n),
    burnedAlphaTotal: u64col(n),
    rootClaimableAlpha: u64col(n),
    unownedAlpha: u64col(n),
    keys,
    uidHotkey: Array.from({ length: n }, () => new Int32Array(maxUids).fill(-1)),
    blockAtRegistration: Array.from({ length: n }, () => new Float64Array(maxUids)),
    rootClaims: new RootClaimsState(),
    taoFlow: new TaoFlowState(n),
    scratch: createScratch(n),
  };
  state.added[0] = 1; // root always exists
  return state;
}

function createScratch(n: number): CoinbaseScratch {
  const b = (): bigint[] => new Array<bigint>(n).fill(0n);
  return {
    emit: new Int32Array(n),
    nEmit: 0,
    shares: b(),
    taoEmission: b(),
    taoIn: b(),
    alphaIn: b(),
    alphaOut: b(),
    excess: b(),
    drained: new Int32Array(n),
    nDrained: 0,
    drainedServer: b(),
    drainedValidator: b(),
    drainedRoot: b(),
    drainedOwnerCut: b(),
  };
}

/** Initial pool and switches of one subnet (what register_network + start_call leave behind). */
export interface SubnetSetup {
  netuid: number;
  mechanism?: 0 | 1; // default 1 (dynamic)
  taoReserve?: bigint;
  alphaReserve?: bigint;
  alphaOutstanding?: bigint; // must be backed by stake: assigned to `unownedAlpha` unless staked via stakeAlpha
  tempo?: number;
  firstEmissionBlock?: number; // default 0 (emitting); −1 = start_call not made
  emissionEnabled?: boolean; // default true
  movingPrice?: bigint; // I96F32 raw, default 0
  ownerColdkey?: number;
  ownerHotkey?: number;
  lastEpochBlock?: number;
}

/** Adds a subnet with the given pool; issuance, total stake and alpha issuance stay consistent. */
export function addSubnet(state: ChainEconomy, s: SubnetSetup): void {
  const i = s.netuid;
  state.added[i] = 1;
  state.mechanism[i] = s.mechanism ?? 1;
  const tao = s.taoReserve ?? 0n;
  const aIn = s.alphaReserve ?? 0n;
  const aOut = s.alphaOutstanding ?? 0n;
  state.subnetTao[i] = tao;
  state.alphaIn[i] = aIn;
  state.alphaOut[i] = aOut;
  state.unownedAlpha[i] = aOut;
  state.alphaIssuance[i] = aIn + aOut;
  state.totalIssuance += tao;
  state.totalStake += tao;
  state.tempo[i] = s.tempo ?? 360;
  state.firstEmissionBlock[i] = s.firstEmissionBlock ?? 0;
  state.subtokenEnabled[i] = state.firstEmissionBlock[i] >= 0 ? 1 : 0;
  state.emissionEnabled[i] = s.emissionEnabled === false ? 0 : 1;
  state.movingPrice[i] = s.movingPrice ?? 0n;
  state.subnetOwnerColdkey[i] = s.ownerColdkey ?? -1;
  state.subnetOwnerHotkey[i] = s.ownerHotkey ?? -1;
  state.lastEpochBlock[i] = s.lastEpochBlock ?? 0;
}

/** Stakes `amount` of alpha that already sits in `unownedAlpha` (e.g. initial outstanding) to a hotkey. */
export function assignAlphaStake(state: ChainEconomy, netuid: number, hotkey: number, amount: bigint): void {
  if (state.unownedAlpha[netuid] < amount) throw new RangeError("assignAlphaStake: not enough unowned alpha");
  state.unownedAlpha[netuid] -= amount;
  state.keys.stake[netuid][hotkey] += amount;
}

/** Root stake (TAO on netuid 0) of a hotkey, moved from free balances; keeps the ledger balanced. */
export function stakeRoot(state: ChainEconomy, hotkey: number, tao: bigint, fromFree = false): void {
  state.keys.stake[0][hotkey] += tao;
  state.subnetTao[0] += tao;
  state.alphaOut[0] += tao;
  state.totalStake += tao;
  if (fromFree) state.freeBalanceTotal -= tao;
  else state.totalIssuance += tao;
}

/** Registers a hotkey at a UID (Keys, BlockAtRegistration). */
export function registerUid(state: ChainEconomy, netuid: number, uid: number, hotkey: number, block = 0): void {
  state.uidHotkey[netuid][uid] = hotkey;
  state.blockAtRegistration[netuid][uid] = block;
}
