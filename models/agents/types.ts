// The agent interface (architecture.md "Agents propose, the protocol disposes"): an agent reads a
// read-only view of its subnet and returns typed actions; the protocol (sim/world) applies them and
// may refuse. Agents never write chain state. Buffers inside actions belong to the agent and are
// only valid until its next call (the protocol copies what it keeps).

/** A uniform generator on [0, 1) (a named stream from sim/rng). */
export type Uniform = () => number;

/** Read-only view of one subnet, as an agent may observe it after an epoch. */
export interface SubnetView {
  readonly netuid: number;
  readonly block: number;
  /** Epochs this subnet has run so far (SubnetEpochIndex). */
  readonly epochIndex: number;
  /** UIDs in use (SubnetworkN). */
  readonly n: number;
  /** 1 where the uid is a serving miner hotkey. */
  readonly isMiner: ArrayLike<number>;
  /** True quality of each uid's service (0 for validators, the owner and departed miners). */
  readonly trueQuality: ArrayLike<number>;
  /** Miner group label index of each uid (−1: none); `labelIndex` maps a label to it. */
  readonly minerLabel: ArrayLike<number>;
  labelIndex(label: string): number;
  /** The subnet owner's uid (−1: none) and the fraction of weight the subnet's validator code burns to it. */
  readonly ownerUid: number;
  readonly ownerBurn: number;
  /** Consensus (u16) of the epoch `lag` epochs ago (1 = the last one), or null if not run yet. */
  consensusAgo(lag: number): ArrayLike<number> | null;
}

/** `set_weights` / `commit_timelocked_weights`: sparse float weights (quantised to u16 as the client does). */
export interface WeightsAction {
  kind: "set-weights";
  netuid: number;
  uid: number;
  /** Entries 0..len-1 of `uids` / `weights` are the proposal (weights ≥ 0, any scale). */
  uids: Int32Array;
  weights: Float64Array;
  len: number;
}

/** A stake operation of a staker or user (TAO in rao, alpha in rao). */
export type StakeAction =
  | { kind: "add-stake"; netuid: number; coldkey: number; hotkey: number; tao: bigint }
  | { kind: "remove-stake"; netuid: number; coldkey: number; hotkey: number; alpha: bigint }
  | { kind: "move-stake"; netuid: number; coldkey: number; fromHotkey: number; toHotkey: number; alpha: bigint };

export type AgentAction = WeightsAction | StakeAction;

/** What the protocol answers: applied, or refused with the chain's error name. */
export type ActionResult = { ok: true } | { ok: false; error: string };
