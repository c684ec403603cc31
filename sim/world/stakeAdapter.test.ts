import { describe, expect, it } from "vitest";
import { ledger } from "../../models/emission/ledger.js";
import { resolveScenario } from "../../scenarios/schema.js";
import { createRng } from "../rng/createRng.js";
import { buildWorld } from "./buildWorld.js";
import { addStake, moveStake, removeStake } from "./stakeAdapter.js";

const world = () =>
  buildWorld(resolveScenario({ name: "s", chain: { totalIssuance: 1000000 }, subnets: [{ validators: [{ count: 2 }], miners: [{ count: 2 }] }] }), createRng(1));

const econState = (w: ReturnType<typeof world>) =>
  JSON.stringify([w.econ.subnetTao, w.econ.alphaIn, w.econ.alphaOut, w.econ.keys.stake[1], w.econ.totalStake, w.econ.freeBalanceTotal, w.accounts.free], (_, v) =>
    typeof v === "bigint" ? v.toString() : ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<unknown>, String) : v);

describe("stake adapter", () => {
  it("add_stake refused for lack of balance changes nothing", () => {
    const w = world();
    const ck = w.nextColdkey++;
    w.accounts.fundFromOutside(ck, 1_000_000_000n);
    const before = econState(w);
    expect(addStake(w.econ, w.accounts, 1, ck, 1, 5_000_000_000n, 33)).toEqual({ ok: false, error: "NotEnoughBalanceToStake" });
    expect(addStake(w.econ, w.accounts, 1, ck, 1, 1_000n, 33)).toEqual({ ok: false, error: "AmountTooLow" });
    expect(econState(w)).toBe(before);
  });

  it("stake, move and unstake keep every rao of TAO and alpha accounted for", () => {
    const w = world();
    const ck = w.nextColdkey++;
    w.accounts.fundFromOutside(ck, 10_000_000_000n);
    const add = addStake(w.econ, w.accounts, 1, ck, 1, 10_000_000_000n, 33);
    expect(add.ok).toBe(true);
    if (!add.ok) return;
    expect(add.fee).toBe(5_035_477n); // floor(1e10 · 33/65535) = floor(5035477.23)
    expect(w.accounts.alphaOf(1, 1, ck)).toBe(add.amountOut);
    expect(moveStake(w.econ, w.accounts, 1, ck, 1, 2, add.amountOut / 2n, 1).ok).toBe(true);
    const rem = removeStake(w.econ, w.accounts, 1, ck, 2, add.amountOut / 2n, 33);
    expect(rem.ok).toBe(true);
    const l = ledger(w.econ);
    expect(l.tao.imbalance).toBe(0n);
    for (const a of l.alpha) {
      expect(a.issuanceImbalance).toBe(0n);
      expect(a.outstandingImbalance).toBe(0n);
    }
  });
});
