import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appendNeuron, createSubnetNeurons, rowsToCsr } from "../registration/subnetNeurons.js";
import {
  commitBlocksForEpoch, commitHash, commitTimelockedWeights, commitWeights, maskWeightsByCommitBlocks, newCommitRevealState,
  revealTimelockedCommits, revealWeights, type EpochClock,
} from "./commitReveal.js";
import { checkLength, checkSetWeights, DEFAULT_WEIGHTS_PARAMS, isSelfWeight, setWeights, type WeightsParams, type WeightsView } from "./setWeights.js";

/** A subnet with `n` neurons (hotkey = uid + 100, registered at block 0) and permits for `permits`. */
function view(n: number, over: Partial<WeightsParams> = {}, permits: number[] = [0]): WeightsView {
  const neurons = createSubnetNeurons(1, n);
  for (let u = 0; u < n; u++) appendNeuron(neurons, 100 + u, 0);
  for (const u of permits) neurons.validatorPermit[u] = 1;
  return { block: 0, netuid: 1, neurons, params: { ...DEFAULT_WEIGHTS_PARAMS, commitRevealEnabled: false, ...over }, ownerUid: null, stakeWeight: () => 1n };
}

describe("set_weights rules (spec §6)", () => {
  it("test_set_weights_commit_reveal_enabled_error / test_set_weights_is_root_error", () => {
    const v = view(3, { commitRevealEnabled: true });
    expect(setWeights(v, 100, [1, 2], [1, 2])).toEqual({ ok: false, error: "CommitRevealEnabled" });
    expect(checkSetWeights({ ...view(3), netuid: 0 }, 100, [1], [1], 0n)).toEqual({ ok: false, error: "CanNotSetRootNetworkWeights" });
  });

  it("test_weights_err_setting_weights_too_fast: limit 10, LastUpdate 0 counts as never set", () => {
    const v = view(3, { weightsSetRateLimit: 10, minAllowedWeights: 0 });
    expect(setWeights(v, 100, [1, 2], [1, 2]).ok).toBe(true); // block 0
    for (let i = 1; i < 100; i++) {
      v.block = i;
      const r = setWeights(v, 100, [1, 2], [1, 2]);
      if (i % 10 === 1) expect(r.ok).toBe(true);
      else expect(r).toEqual({ ok: false, error: "SettingWeightsTooFast" });
    }
  });

  it("test_weights_err_no_validator_permit / test_weights_err_weights_vec_not_equal_size / test_weights_err_has_duplicate_ids / test_set_weights_err_invalid_uid", () => {
    const v = view(3, {}, []);
    expect(setWeights(v, 100, [1, 2], [1, 2])).toEqual({ ok: false, error: "NeuronNoValidatorPermit" });
    expect(setWeights(v, 100, [0], [7]).ok).toBe(true); // self-weight needs no permit
    v.neurons.validatorPermit[0] = 1;
    expect(setWeights(v, 100, [1, 2], [1])).toEqual({ ok: false, error: "WeightVecNotEqualSize" });
    expect(setWeights(v, 100, [1, 1], [1, 2])).toEqual({ ok: false, error: "DuplicateUids" });
    expect(setWeights(v, 100, [1, 3], [1, 2])).toEqual({ ok: false, error: "UidVecContainInvalidOne" });
    expect(setWeights(v, 999, [1], [1])).toEqual({ ok: false, error: "HotKeyNotRegisteredInSubNet" });
  });

  it("test_set_weight_not_enough_values / test_set_weight_too_many_uids / test_check_length_*", () => {
    const v = view(2, { minAllowedWeights: 2 });
    expect(setWeights(v, 100, [1], [88])).toEqual({ ok: false, error: "WeightVecLengthIsLow" });
    expect(setWeights(v, 100, [0], [88]).ok).toBe(true);
    expect(setWeights({ ...v, block: 200 }, 100, [0, 1, 2, 3, 4], [88, 102, 303, 1212, 11])).toEqual({ ok: false, error: "UidsLengthExceedUidsInSubNet" });
    expect(setWeights({ ...v, block: 200 }, 100, [0, 1], [10, 10]).ok).toBe(true);
    expect(isSelfWeight(0, [0, 1], [1, 2])).toBe(false);
    expect(isSelfWeight(0, [1], [1])).toBe(false);
    expect(checkLength(view(5, { minAllowedWeights: 9 }), 0, [1, 2, 3, 4, 0], [1, 1, 1, 1, 1])).toBe(true); // min(9, n=5)
  });

  it("test_weights_version_key / test_set_stake_threshold_failed / test_subnet_owner_can_validate_without_stake_or_manual_permit", () => {
    const v = view(3, { weightsVersionKey: 5n, stakeThreshold: 10n }, []);
    v.stakeWeight = (hk) => (hk === 101 ? 10n : 9n);
    expect(setWeights(v, 100, [1, 2], [1, 2], 5n)).toEqual({ ok: false, error: "NotEnoughStakeToSetWeights" });
    v.neurons.validatorPermit[1] = 1;
    expect(setWeights(v, 101, [0, 2], [1, 2], 4n)).toEqual({ ok: false, error: "IncorrectWeightVersionKey" });
    expect(setWeights(v, 101, [0, 2], [1, 2], 6n).ok).toBe(true);
    v.ownerUid = 0; // owner hotkey: no stake, no permit needed
    expect(setWeights(v, 100, [1, 2], [1, 2], 5n).ok).toBe(true);
  });

  it("test_set_weights_sum_larger_than_u16_max and the stored row is max-upscaled; MaxWeightsLimit on the normalised row", () => {
    const v = view(3);
    expect(setWeights(v, 100, [0, 1], [65535, 65535]).ok).toBe(true);
    expect([...v.neurons.weights[0]!.values]).toEqual([65535, 65535]);
    v.block = 100;
    setWeights(v, 100, [1, 2], [1, 2]);
    expect([...v.neurons.weights[0]!.values]).toEqual([32768, 65535]); // round(1·65535/2)
    expect(v.neurons.lastUpdate[0]).toBe(100);
    const lim = view(3, { maxWeightLimit: 40_000 });
    expect(setWeights(lim, 100, [1, 2], [1, 2])).toEqual({ ok: false, error: "MaxWeightExceeded" }); // share 2/3 > 40000/65535
    expect(setWeights(lim, 100, [0, 1, 2], [5, 5, 5]).ok).toBe(true); // share 1/3 ≤ 40000/65535 (check_vec_max_limited normalises)
    expect(setWeights(lim, 100, [0], [9]).ok).toBe(true); // self-weight exempt
  });

  it("a refused set_weights changes nothing", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 6 }), fc.array(fc.integer({ min: 0, max: 65535 }), { maxLength: 6 }), fc.integer({ min: 0, max: 300 }), (uids, vals, block) => {
        const v = view(5, { weightsSetRateLimit: 100, minAllowedWeights: 2 });
        v.neurons.lastUpdate[0] = 50;
        v.block = block;
        const before = JSON.stringify([v.neurons.weights.map((r) => r && [...r.values]), [...v.neurons.lastUpdate]]);
        const r = setWeights(v, 100, uids, vals);
        if (!r.ok) expect(JSON.stringify([v.neurons.weights.map((x) => x && [...x.values]), [...v.neurons.lastUpdate]])).toBe(before);
        else expect(Math.max(...v.neurons.weights[0]!.values)).toBe(Math.max(...vals) === 0 ? 0 : 65535);
      }),
      { numRuns: 300 },
    );
  });
});

describe("commit-reveal timing (spec §6)", () => {
  const clock = (epochIndex: number, fires = false): EpochClock => ({ epochIndex, epochFiresThisBlock: fires });

  it("test_commit_reveal_order_enforcement: revealing B drops A; C still revealable; A then not found", () => {
    const v = view(2, { commitRevealEnabled: true, weightsSetRateLimit: 0 }, [0, 1]);
    const st = newCommitRevealState();
    const salts = [0, 1, 2].map((i) => Array(8).fill(i));
    for (const s of salts) expect(commitWeights(v, clock(0), st, 101, commitHash(101, 1, [0, 1], [10, 10], s, 0n)).ok).toBe(true);
    expect(revealWeights(v, clock(0), st, 101, [0, 1], [10, 10], salts[1])).toEqual({ ok: false, error: "RevealTooEarly" });
    expect(revealWeights(v, clock(1), st, 101, [0, 1], [10, 10], salts[1]).ok).toBe(true);
    expect(st.hashCommits.get(101)!.length).toBe(1);
    expect(revealWeights(v, clock(1), st, 101, [0, 1], [10, 10], salts[2]).ok).toBe(true);
    expect(revealWeights(v, clock(1), st, 101, [0, 1], [10, 10], salts[0])).toEqual({ ok: false, error: "NoWeightsCommitFound" });
  });

  it("test_reveal_at_exact_epoch / test_expired_commits_handling_in_commit_and_reveal: reveal only at commit epoch + period; later it is expired", () => {
    for (const period of [1, 2, 3]) {
      const v = view(2, { commitRevealEnabled: true, weightsSetRateLimit: 0, revealPeriodEpochs: period }, [0]);
      const st = newCommitRevealState();
      const h = commitHash(100, 1, [1], [5], [9], 0n);
      expect(commitWeights(v, clock(4, true), st, 100, h)).toEqual({ ok: true, commitEpoch: 5 }); // look-ahead
      expect(v.neurons.lastUpdate[0]).toBe(0);
      for (let e = 5; e < 5 + period; e++) expect(revealWeights(v, clock(e), st, 100, [1], [5], [9])).toEqual({ ok: false, error: "RevealTooEarly" });
      expect(revealWeights(v, clock(6 + period), st, 100, [1], [5], [9])).toEqual({ ok: false, error: "ExpiredWeightCommit" });
      expect(revealWeights(v, clock(5 + period), st, 100, [1], [5], [9]).ok).toBe(true);
      expect([...v.neurons.weights[0]!.values]).toEqual([65535]);
    }
  });

  it("test_commit_weights_rate_limit: LastUpdate = commit block; the next commit waits WeightsSetRateLimit", () => {
    const v = view(2, { commitRevealEnabled: true, weightsSetRateLimit: 10 });
    const st = newCommitRevealState();
    v.block = 5;
    expect(commitWeights(v, clock(0), st, 100, "a").ok).toBe(true);
    expect(v.neurons.lastUpdate[0]).toBe(5);
    v.block = 14;
    expect(commitWeights(v, clock(0), st, 100, "b")).toEqual({ ok: false, error: "CommittingWeightsTooFast" });
    v.block = 15;
    expect(commitWeights(v, clock(0), st, 100, "b").ok).toBe(true);
    expect(commitWeights(view(2, { commitRevealEnabled: false }), clock(0), st, 100, "c")).toEqual({ ok: false, error: "CommitRevealDisabled" });
  });

  it("test_do_commit_crv3_weights_too_many_unrevealed_commits / _disabled / _hotkey_not_registered / version", () => {
    const v = view(2, { commitRevealEnabled: true, weightsSetRateLimit: 0 });
    const st = newCommitRevealState();
    for (let i = 0; i < 10; i++) expect(commitTimelockedWeights(v, clock(0), st, 100, { uids: [1], values: [1] }, 7).ok).toBe(true);
    expect(commitTimelockedWeights(v, clock(0), st, 100, { uids: [1], values: [1] }, 7)).toEqual({ ok: false, error: "TooManyUnrevealedCommits" });
    expect(commitTimelockedWeights(v, clock(0), st, 101, { uids: [1], values: [1] }, 7).ok).toBe(true);
    expect(commitTimelockedWeights(v, clock(1), st, 100, { uids: [1], values: [1] }, 7).ok).toBe(true); // new epoch key
    expect(commitTimelockedWeights(v, clock(1), st, 100, { uids: [1], values: [1] }, 7, 3)).toEqual({ ok: false, error: "IncorrectCommitRevealVersion" });
    expect(commitTimelockedWeights(v, clock(1), st, 555, { uids: [1], values: [1] }, 7)).toEqual({ ok: false, error: "HotKeyNotRegisteredInSubNet" });
    expect(commitTimelockedWeights(view(2), clock(1), st, 100, { uids: [1], values: [1] }, 7)).toEqual({ ok: false, error: "CommitRevealDisabled" });
  });

  it("CRv4: committed in epoch e, revealed in the block whose look-ahead epoch is e + period (before that epoch runs); failures skipped; missing pulse retried", () => {
    const v = view(3, { commitRevealEnabled: true, weightsSetRateLimit: 0 }, [0]);
    const st = newCommitRevealState();
    commitTimelockedWeights(v, clock(3), st, 100, { uids: [1, 2], values: [1, 3] }, 11);
    commitTimelockedWeights(v, clock(3), st, 101, { uids: [0, 2], values: [1, 1] }, 11); // uid 1 has no permit
    commitTimelockedWeights(v, clock(3), st, 102, { uids: [0], values: [1] }, 12);
    expect(revealTimelockedCommits(v, clock(3), st)).toEqual([]); // still epoch 3
    expect(v.neurons.weights[0]).toBeUndefined();
    const out = revealTimelockedCommits(v, clock(3, true), st, (round) => round <= 11);
    expect(out).toEqual([{ hotkey: 100, ok: true }, { hotkey: 101, ok: false, error: "NeuronNoValidatorPermit" }]);
    expect([...v.neurons.weights[0]!.values]).toEqual([21845, 65535]);
    expect(st.timelocked.get(3)!.map((x) => x.hotkey)).toEqual([102]); // waits for its drand round
    expect(revealTimelockedCommits(v, clock(4), st).map((x) => x.hotkey)).toEqual([102]);
    commitTimelockedWeights(v, clock(1), st, 100, { uids: [1], values: [1] }, 1);
    revealTimelockedCommits(v, clock(4), st);
    expect(st.timelocked.has(1)).toBe(false); // test_reveal_crv3_commits_removes_past_epoch_commits
  });

  it("commit-reveal column mask: a live commit older than a uid's registration drops weights to that uid", () => {
    const v = view(3, { commitRevealEnabled: true, weightsSetRateLimit: 0 }, [0, 1]);
    const st = newCommitRevealState();
    v.block = 50;
    commitTimelockedWeights(v, clock(2), st, 100, { uids: [1, 2], values: [1, 1] }, 1);
    v.neurons.weights[0] = { uids: Uint16Array.of(1, 2), values: Uint16Array.of(7, 9) };
    v.neurons.weights[1] = { uids: Uint16Array.of(2), values: Uint16Array.of(5) };
    v.neurons.blockAtRegistration[2] = 60; // uid 2 re-registered after uid 0 committed
    const cb = commitBlocksForEpoch(v, clock(2), st);
    expect([...cb]).toEqual([50, Infinity, Infinity]);
    const m = maskWeightsByCommitBlocks(rowsToCsr(v.neurons.weights, 3), cb, v.neurons.blockAtRegistration);
    expect([[...m.rowPtr], [...m.col], [...m.val]]).toEqual([[0, 1, 2, 2], [1, 2], [7, 5]]);
    expect([...commitBlocksForEpoch(v, clock(4), st)]).toEqual([Infinity, Infinity, Infinity]); // expired
  });
});
