import { describe, expect, it } from "vitest";
import { ledger } from "../../models/emission/ledger.js";
import { resolveScenario } from "../../scenarios/schema.js";
import { createRng } from "../rng/createRng.js";
import { buildWorld } from "./buildWorld.js";
import { OpsLog } from "./opsLog.js";
import { applyStakeCall } from "./stakeCalls.js";

const TAO = 1_000_000_000n;
const world = () =>
  buildWorld(
    resolveScenario({ name: "s", chain: { totalIssuance: 1000000 }, subnets: [{ validators: [{ count: 2 }], miners: [{ count: 2 }] }, { validators: [{ count: 2 }], miners: [{ count: 2 }] }] }),
    createRng(1),
  );

const econState = (w: ReturnType<typeof world>) =>
  JSON.stringify([w.econ.subnetTao, w.econ.alphaIn, w.econ.alphaOut, w.econ.keys.stake, w.econ.totalStake, w.econ.freeBalanceTotal, w.econ.burnedTaoTotal, w.econ.burnedAlphaTotal, w.accounts.free], (_, v) =>
    typeof v === "bigint" ? v.toString() : ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<unknown>, String) : v);

function conserved(w: ReturnType<typeof world>): void {
  const l = ledger(w.econ);
  expect(l.tao.imbalance).toBe(0n);
  for (const a of l.alpha) {
    expect(a.issuanceImbalance).toBe(0n);
    expect(a.outstandingImbalance).toBe(0n);
  }
}

describe("engine staking calls (models/staking on the world's columns)", () => {
  it("refusals carry the chain's error names and change nothing; min stake is amount vs DefaultMinStake + fee", () => {
    const w = world();
    const ck = w.nextColdkey++;
    w.accounts.fundFromOutside(ck, TAO);
    const before = econState(w);
    expect(applyStakeCall(w, { op: "add_stake", coldkey: ck, hotkey: 1, netuid: 1, tao: 5n * TAO })).toEqual({ ok: false, error: "NotEnoughBalanceToStake" });
    // pool 1:1 (scenario default), fee floor(2e6·33/65535) = 1007: 2_001_006 is too low, as on chain
    expect(applyStakeCall(w, { op: "add_stake", coldkey: ck, hotkey: 1, netuid: 1, tao: 2_001_006n })).toEqual({ ok: false, error: "AmountTooLow" });
    expect(applyStakeCall(w, { op: "remove_stake", coldkey: ck, hotkey: 1, netuid: 1, alpha: TAO })).toEqual({ ok: false, error: "AmountTooLow" });
    expect(econState(w)).toBe(before);
  });

  it("remove_stake caps at the stake; the fee with no block author is burned (TAO and alpha), and every rao is accounted for", () => {
    const w = world();
    const ck = w.nextColdkey++;
    w.accounts.fundFromOutside(ck, 10n * TAO);
    const add = applyStakeCall(w, { op: "add_stake", coldkey: ck, hotkey: 1, netuid: 1, tao: 10n * TAO });
    expect(add.ok && add.fee).toBe(5_035_477n); // floor(1e10 · 33/65535)
    expect(w.econ.burnedTaoTotal).toBe(5_035_477n);
    expect(w.econ.accountTao[1]).toBe(0n);
    conserved(w);
    const staked = w.accounts.alphaOf(1, 1, ck);
    const rem = applyStakeCall(w, { op: "remove_stake", coldkey: ck, hotkey: 1, netuid: 1, alpha: 2n * staked });
    expect(rem.ok).toBe(true);
    if (!rem.ok) return;
    expect(rem.amountIn).toBe(staked);
    expect(rem.fee).toBe((staked * 33n) / 65535n);
    expect(w.econ.burnedAlphaTotal[1]).toBe(rem.fee);
    expect(w.accounts.alphaOf(1, 1, ck)).toBe(0n);
    conserved(w);
  });

  it("move_stake across subnets is one transaction with one fee (on the sell); a same-subnet move is a share move", () => {
    const w = world();
    const ck = w.nextColdkey++;
    w.accounts.fundFromOutside(ck, 10n * TAO);
    applyStakeCall(w, { op: "add_stake", coldkey: ck, hotkey: 1, netuid: 1, tao: 10n * TAO });
    const staked = w.accounts.alphaOf(1, 1, ck);
    const burnedTao = w.econ.burnedTaoTotal;
    const hk2 = w.econ.uidHotkey[2][0];
    const mv = applyStakeCall(w, { op: "move_stake", coldkey: ck, originHotkey: 1, destinationHotkey: hk2, originNetuid: 1, destinationNetuid: 2, alpha: staked });
    expect(mv.ok).toBe(true);
    if (!mv.ok) return;
    expect(mv.fee).toBe((staked * 33n) / 65535n); // the buy on subnet 2 drops its fee
    expect(w.econ.burnedTaoTotal).toBe(burnedTao);
    expect(w.accounts.alphaOf(2, hk2, ck)).toBe(mv.amountOut);
    expect(w.accounts.balance(ck)).toBe(0n);
    conserved(w);
    const same = applyStakeCall(w, { op: "move_stake", coldkey: ck, originHotkey: hk2, destinationHotkey: 1, originNetuid: 2, destinationNetuid: 2, alpha: mv.amountOut });
    expect(same).toEqual({ ok: true, amountIn: mv.amountOut, amountOut: mv.amountOut, fee: 0n });
    expect(w.econ.keys.stake[2][1]).toBe(mv.amountOut);
    conserved(w);
  });

  it("records one ops row per call when the world keeps a log, none when it does not", () => {
    const w = world();
    const ck = w.nextColdkey++;
    w.accounts.fundFromOutside(ck, 10n * TAO);
    applyStakeCall(w, { op: "add_stake", coldkey: ck, hotkey: 1, netuid: 1, tao: TAO });
    w.ops = new OpsLog();
    const tao0 = w.econ.subnetTao[1];
    const alpha0 = w.econ.alphaIn[1];
    const r = applyStakeCall(w, { op: "add_stake", coldkey: ck, hotkey: 1, netuid: 1, tao: TAO });
    applyStakeCall(w, { op: "remove_stake", coldkey: ck, hotkey: 1, netuid: 1, alpha: 1n });
    expect(w.ops.rows).toHaveLength(2);
    expect(w.ops.rows[0]).toMatchObject({ op: "add_stake", coldkey: ck, hotkey: 1, netuid: 1, originNetuid: -1, amountIn: TAO, fee: 503_547n, taoBefore: tao0, alphaBefore: alpha0, result: "ok" });
    expect(r.ok && w.ops.rows[0].amountOut).toBe(alpha0 - w.econ.alphaIn[1]);
    expect(w.ops.rows[0].taoAfter).toBe(tao0 + TAO - 503_547n);
    expect(w.ops.rows[1]).toMatchObject({ op: "remove_stake", amountIn: 1n, result: "AmountTooLow", taoBefore: null });
  });
});
