/**
 * Commit-reveal timing (subtensor HEAD 14bc6f9f, `subnets/weights.rs` and
 * `coinbase/reveal_commits.rs`), one mechanism:
 *  - epoch key of a commit = `current_epoch_with_lookahead` = SubnetEpochIndex (+1 if the epoch
 *    fires this block); LastUpdate[uid] = commit block (the rate limit applies to commits);
 *  - hash commits (CR v2, `commit_weights`/`reveal_weights`): a per-hotkey queue of
 *    (hash, commitEpoch, commitBlock), < 10 live entries; reveal only when
 *    current epoch == commitEpoch + RevealPeriodEpochs (`RevealTooEarly` before), expired when
 *    current epoch > commitEpoch + RevealPeriodEpochs (`ExpiredWeightCommit`);
 *  - time-locked commits (CR v4, `commit_timelocked_weights`, the default): keyed by epoch; the
 *    chain decrypts them in `block_step` (before the coinbase runs epochs) at the first block whose
 *    look-ahead epoch is commitEpoch + RevealPeriodEpochs, so with period 1 they feed the next
 *    epoch that runs. The simulator holds the payload in clear; `pulseAvailable` stands for drand.
 * Weights become visible to the epoch only when revealed (written to `Weights` by the
 * internal set-weights path, which under CR neither rate-limits nor touches LastUpdate).
 */
import type { SparseU16 } from "../consensus/types.js";
import { applyWeights, checkRateLimit, checkSetWeights, type WeightsError, type WeightsView } from "./setWeights.js";

/** One hash commit (`WeightCommits` entry). `hash` is any injective key (the chain: BlakeTwo256 of the SCALE tuple). */
export interface HashCommit { hash: string; commitEpoch: number; commitBlock: number }

/** One time-locked commit (`TimelockedWeightCommits[epoch]` entry), payload in clear. */
export interface TimelockedCommit { hotkey: number; commitBlock: number; uids: number[]; values: number[]; versionKey: bigint; revealRound: number }

/** Commit-reveal storage of one subnet. */
export interface CommitRevealState {
  /** `WeightCommits[hotkey]`, oldest first. */
  hashCommits: Map<number, HashCommit[]>;
  /** `TimelockedWeightCommits[epoch]`, submission order. */
  timelocked: Map<number, TimelockedCommit[]>;
}

export const newCommitRevealState = (): CommitRevealState => ({ hashCommits: new Map(), timelocked: new Map() });

/** Where the subnet's epoch counter stands at the current block. */
export interface EpochClock {
  /** `SubnetEpochIndex`. */
  epochIndex: number;
  /** `should_run_epoch(netuid, block)`. */
  epochFiresThisBlock: boolean;
}

export type CommitError = "CommitRevealDisabled" | "IncorrectCommitRevealVersion" | "HotKeyNotRegisteredInSubNet" | "CommittingWeightsTooFast" | "TooManyUnrevealedCommits";
export type RevealError = "CommitRevealDisabled" | "NoWeightsCommitFound" | "ExpiredWeightCommit" | "RevealTooEarly" | "InvalidRevealCommitHashNotMatch" | WeightsError;

/** `current_epoch_with_lookahead`. */
export const currentEpochWithLookahead = (c: EpochClock): number => c.epochIndex + (c.epochFiresThisBlock ? 1 : 0);
/** `is_commit_expired`: current epoch > commitEpoch + RevealPeriodEpochs. */
export const isCommitExpired = (v: WeightsView, c: EpochClock, commitEpoch: number): boolean => currentEpochWithLookahead(c) > commitEpoch + v.params.revealPeriodEpochs;
/** `is_reveal_block_range`: current epoch == commitEpoch + RevealPeriodEpochs. */
export const isRevealEpoch = (v: WeightsView, c: EpochClock, commitEpoch: number): boolean => currentEpochWithLookahead(c) === commitEpoch + v.params.revealPeriodEpochs;

/** A deterministic stand-in for `get_commit_hash(who, netuid_index, uids, values, salt, version_key)`. */
export function commitHash(hotkey: number, netuid: number, uids: ArrayLike<number>, values: ArrayLike<number>, salt: ArrayLike<number>, versionKey: bigint): string {
  return `${hotkey}|${netuid}|${Array.from(uids).join(",")}|${Array.from(values).join(",")}|${Array.from(salt).join(",")}|${versionKey}`;
}

function commitPrecheck(v: WeightsView, hotkey: number): { ok: true; uid: number } | { ok: false; error: CommitError } {
  const uid = v.neurons.uidOf.get(hotkey);
  if (uid === undefined) return { ok: false, error: "HotKeyNotRegisteredInSubNet" };
  if (!checkRateLimit(v, uid)) return { ok: false, error: "CommittingWeightsTooFast" };
  return { ok: true, uid };
}

/** chain: weights.rs::internal_commit_weights (CR v2 hash commit). */
export function commitWeights(v: WeightsView, c: EpochClock, st: CommitRevealState, hotkey: number, hash: string): { ok: true; commitEpoch: number } | { ok: false; error: CommitError } {
  if (!v.params.commitRevealEnabled) return { ok: false, error: "CommitRevealDisabled" };
  const pre = commitPrecheck(v, hotkey);
  if (!pre.ok) return pre;
  const commitEpoch = currentEpochWithLookahead(c);
  const queue = [...(st.hashCommits.get(hotkey) ?? [])];
  while (queue.length > 0 && isCommitExpired(v, c, queue[0].commitEpoch)) queue.shift();
  if (queue.length >= 10) return { ok: false, error: "TooManyUnrevealedCommits" };
  queue.push({ hash, commitEpoch, commitBlock: v.block });
  st.hashCommits.set(hotkey, queue);
  v.neurons.lastUpdate[pre.uid] = v.block;
  return { ok: true, commitEpoch };
}

/** chain: weights.rs::internal_reveal_weights (CR v2). The whole call reverts on any error. */
export function revealWeights(v: WeightsView, c: EpochClock, st: CommitRevealState, hotkey: number, uids: number[], values: number[], salt: number[], versionKey = 0n): { ok: true; uid: number } | { ok: false; error: RevealError } {
  if (!v.params.commitRevealEnabled) return { ok: false, error: "CommitRevealDisabled" };
  const stored = st.hashCommits.get(hotkey);
  if (stored === undefined) return { ok: false, error: "NoWeightsCommitFound" };
  const queue = [...stored];
  const expired: string[] = [];
  while (queue.length > 0 && isCommitExpired(v, c, queue[0].commitEpoch)) expired.push(queue.shift()!.hash);
  const hash = commitHash(hotkey, v.netuid, uids, values, salt, versionKey);
  if (queue.length === 0) return { ok: false, error: expired.includes(hash) ? "ExpiredWeightCommit" : "NoWeightsCommitFound" };
  const pos = queue.findIndex((q) => q.hash === hash);
  if (pos < 0) return { ok: false, error: expired.includes(hash) ? "ExpiredWeightCommit" : "InvalidRevealCommitHashNotMatch" };
  if (!isRevealEpoch(v, c, queue[pos].commitEpoch)) return { ok: false, error: "RevealTooEarly" };
  const checked = checkSetWeights(v, hotkey, uids, values, versionKey);
  if (!checked.ok) return checked;
  const rest = queue.slice(pos + 1);
  if (rest.length === 0) st.hashCommits.delete(hotkey);
  else st.hashCommits.set(hotkey, rest);
  applyWeights(v, checked);
  return { ok: true, uid: checked.uid };
}

/** The payload as the commit stores it (a plain copy: the caller's buffers are reused). */
function copyOf(a: ArrayLike<number>): number[] {
  const out = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i];
  return out;
}

/** chain: weights.rs::internal_commit_timelocked_weights (CR v4). */
export function commitTimelockedWeights(v: WeightsView, c: EpochClock, st: CommitRevealState, hotkey: number, payload: { uids: ArrayLike<number>; values: ArrayLike<number>; versionKey?: bigint }, revealRound: number, version = v.params.commitRevealVersion): { ok: true; commitEpoch: number } | { ok: false; error: CommitError } {
  if (!v.params.commitRevealEnabled) return { ok: false, error: "CommitRevealDisabled" };
  if (version !== v.params.commitRevealVersion) return { ok: false, error: "IncorrectCommitRevealVersion" };
  const pre = commitPrecheck(v, hotkey);
  if (!pre.ok) return pre;
  const commitEpoch = currentEpochWithLookahead(c);
  const list = st.timelocked.get(commitEpoch) ?? [];
  let mine = 0;
  for (const x of list) if (x.hotkey === hotkey) mine++;
  if (mine >= 10) return { ok: false, error: "TooManyUnrevealedCommits" };
  list.push({ hotkey, commitBlock: v.block, uids: copyOf(payload.uids), values: copyOf(payload.values), versionKey: payload.versionKey ?? 0n, revealRound });
  st.timelocked.set(commitEpoch, list);
  v.neurons.lastUpdate[pre.uid] = v.block;
  return { ok: true, commitEpoch };
}

export interface RevealOutcome { hotkey: number; ok: boolean; error?: WeightsError }

/**
 * chain: reveal_commits.rs::reveal_crv3_commits_for_subnet, run each block before the coinbase
 * (skip it for subnets whose epoch is deferred this block). Drops commits of epochs before the
 * reveal epoch, applies the reveal epoch's commits in order (failures are skipped, as on chain),
 * keeps those whose drand round is not yet available for a later block of the same epoch.
 */
export function revealTimelockedCommits(v: WeightsView, c: EpochClock, st: CommitRevealState, pulseAvailable: (round: number) => boolean = () => true): RevealOutcome[] {
  const period = v.params.revealPeriodEpochs;
  const cur = currentEpochWithLookahead(c);
  const revealEpoch = Math.max(cur - period, 0);
  for (const e of [...st.timelocked.keys()]) if (e < revealEpoch) st.timelocked.delete(e);
  if (cur < period) return [];
  const entries = st.timelocked.get(revealEpoch) ?? [];
  st.timelocked.delete(revealEpoch);
  const waiting: TimelockedCommit[] = [];
  const out: RevealOutcome[] = [];
  for (const e of entries) {
    if (!pulseAvailable(e.revealRound)) { waiting.push(e); continue; }
    const r = checkSetWeights(v, e.hotkey, e.uids, e.values, e.versionKey);
    if (r.ok) applyWeights(v, r);
    out.push(r.ok ? { hotkey: e.hotkey, ok: true } : { hotkey: e.hotkey, ok: false, error: r.error });
  }
  if (waiting.length > 0) st.timelocked.set(revealEpoch, waiting);
  return out;
}

/**
 * run_epoch.rs (commit-reveal column mask): per uid, the earliest commit block among its live
 * (unexpired) commits, or +∞. Hash queues contribute their first live entry; time-locked lists all
 * live entries. Evaluated at the epoch's block with the same look-ahead clock.
 */
export function commitBlocksForEpoch(v: WeightsView, c: EpochClock, st: CommitRevealState): Float64Array {
  const out = new Float64Array(v.neurons.n).fill(Infinity);
  const put = (hk: number, b: number) => {
    const uid = v.neurons.uidOf.get(hk);
    if (uid !== undefined && uid < out.length) out[uid] = Math.min(out[uid], b);
  };
  for (const [hk, q] of st.hashCommits) {
    const live = q.find((x) => !isCommitExpired(v, c, x.commitEpoch));
    if (live) put(hk, live.commitBlock);
  }
  for (const [epoch, list] of st.timelocked) if (!isCommitExpired(v, c, epoch)) for (const x of list) put(x.hotkey, x.commitBlock);
  return out;
}

/**
 * The mask `vec_mask_sparse_matrix(weights, commit_blocks, block_at_registration, cb < reg)`:
 * drops entry (i, j) when i's earliest live commit predates j's registration. The chain applies it
 * after the other entry masks and before row normalisation, so filtering the stored rows first is
 * equivalent (all masks are entry filters). Only under commit-reveal.
 */
export function maskWeightsByCommitBlocks(w: SparseU16, commitBlocks: Float64Array, blockAtRegistration: ArrayLike<number>): SparseU16 {
  const n = w.rowPtr.length - 1;
  const rowPtr = new Int32Array(n + 1);
  const col = new Int32Array(w.col.length);
  const val = new Uint16Array(w.val.length);
  let k = 0;
  for (let i = 0; i < n; i++) {
    rowPtr[i] = k;
    const cb = commitBlocks[i] ?? Infinity;
    for (let e = w.rowPtr[i]; e < w.rowPtr[i + 1]; e++) {
      if (cb < (blockAtRegistration[w.col[e]] ?? 0)) continue;
      col[k] = w.col[e];
      val[k++] = w.val[e];
    }
  }
  rowPtr[n] = k;
  return { rowPtr, col: col.slice(0, k), val: val.slice(0, k) };
}
