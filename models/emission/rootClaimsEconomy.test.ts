// Root dividends credited by distribute_emission as a RootClaimable rate, then claimed through the
// ChainEconomy port (Keep and Swap): the ledger balances to the rao at every step.
import { describe, expect, it } from "vitest";
import { claimRoot, rootOwed, setRootClaimType } from "../staking/rootClaims.js";
import { addSubnet, registerUid, stakeRoot } from "./chainEconomy.js";
import { distributeEmission } from "./distributeEmission.js";
import { economyClaimPort, recordRootClaim } from "./economyClaimPort.js";
import { U64_MAX } from "./fixedPoint.js";
import { ledger } from "./ledger.js";
import { epochOf, mintDrained, mintStake, mockNet } from "../../test/helpers/emissionTestNet.js";

const balanced = (s: ReturnType<typeof mockNet>): void => {
  const l = ledger(s);
  expect(l.tao.imbalance).toBe(0n);
  for (const a of l.alpha) {
    expect(a.issuanceImbalance).toBe(0n);
    expect(a.outstandingImbalance).toBe(0n);
  }
};

describe("root claims on the coinbase state", () => {
  it("distribute_emission → RootClaimable rate; Keep and Swap claims keep TAO and alpha balanced", () => {
    const s = mockNet(2, 4);
    s.params.taoWeight = U64_MAX;
    addSubnet(s, { netuid: 1, mechanism: 1, taoReserve: 1_000_000_000_000n, alphaReserve: 2_000_000_000_000n, firstEmissionBlock: 0 });
    registerUid(s, 1, 0, 0);
    s.keys.owner[0] = 100;
    stakeRoot(s, 0, 40_000_000_000n); // coldkey 10 holds 10 TAO, coldkey 11 holds 30 TAO of it
    mintStake(s, 1, 0, 1_000_000_000n);
    const perColdkey: Record<number, bigint> = { 10: 10_000_000_000n, 11: 30_000_000_000n };
    balanced(s);

    const R = 10_000_000_000n;
    mintDrained(s, 1, R);
    const rep = distributeEmission(s, 1, 0n, 0n, R, 0n, epochOf([0], [Number(R)]));
    const x = rep.rootClaimable;
    expect(x).toBe(8_200_045_777n); // ⌊(R·2^32 − ⌊11796·2^32/65535⌋·R) / 2^32⌋; take 1_799_954_222
    expect(s.rootClaimableAlpha[1]).toBe(x);
    expect(s.rootClaims.claimableRate(0, 1)).toBe(((x << 32n) << 32n) / (40_000_000_000n << 32n));
    balanced(s);

    const port = economyClaimPort(s, { rootStake: (hk, ck) => (hk === 0 ? perColdkey[ck] ?? 0n : 0n), stakingHotkeys: () => [0] });
    setRootClaimType(s.rootClaims, 10, { kind: "Keep" });
    const owed10 = rootOwed(s.rootClaims, port, 0, 10, 1);
    const owed11 = rootOwed(s.rootClaims, port, 0, 11, 1);
    expect(owed10 + owed11).toBeLessThanOrEqual(x);
    expect(x - owed10 - owed11).toBeLessThanOrEqual(10n); // the rate truncates at 2^-32 per rao of root stake: ≤ 40e9 / 2^32

    const alphaStake = s.keys.stake[1][0];
    expect(claimRoot(s.rootClaims, port, 10, new Set([1]), (e) => recordRootClaim(s, e))).toEqual({ ok: true });
    expect(s.keys.stake[1][0]).toBe(alphaStake + owed10);
    balanced(s);

    const rootBefore = s.keys.stake[0][0];
    const taoBefore = s.subnetTao[1];
    expect(claimRoot(s.rootClaims, port, 11, new Set([1]), (e) => recordRootClaim(s, e))).toEqual({ ok: true });
    const sold = taoBefore - s.subnetTao[1];
    expect(sold).toBeGreaterThan(0n);
    expect(s.keys.stake[0][0]).toBe(rootBefore + sold);
    expect(s.rootClaims.subnetRootSellTao(1)).toBe(sold);
    expect(s.rootClaimableAlpha[1]).toBe(x - owed10 - owed11);
    balanced(s);
    // price 0.5 TAO/alpha: the sale returns a bit under half the alpha
    expect(Number(sold) / Number(owed11)).toBeGreaterThan(0.49);
    expect(Number(sold) / Number(owed11)).toBeLessThan(0.5);
  });

  it("a refused claim transaction undoes its stake writes on every subnet, nested transactions included", () => {
    const s = mockNet(2, 4);
    addSubnet(s, { netuid: 1, mechanism: 1, taoReserve: 1_000_000_000_000n, alphaReserve: 2_000_000_000_000n, firstEmissionBlock: 0 });
    stakeRoot(s, 0, 40_000_000_000n);
    const port = economyClaimPort(s, { rootStake: () => 0n, stakingHotkeys: () => [0] });
    const root0 = s.keys.stake[0][0];
    const alpha0 = s.keys.stake[1][0];
    const refused = port.atomic([1], () => {
      port.increaseStake(0, 100, 1, 5n);
      port.increaseStake(0, 100, 0, 7n); // a subnet the caller did not list
      return { ok: false };
    });
    expect(refused.ok).toBe(false);
    expect([s.keys.stake[0][0], s.keys.stake[1][0]]).toEqual([root0, alpha0]);
    // inner refused, outer kept: only the outer write stays
    port.atomic([1, 0], () => {
      port.increaseStake(0, 100, 1, 3n);
      port.atomic([0], () => (port.increaseStake(0, 100, 0, 11n), { ok: false }));
      return { ok: true };
    });
    expect([s.keys.stake[0][0], s.keys.stake[1][0]]).toEqual([root0, alpha0 + 3n]);
    // inner kept, outer refused: both undone
    port.atomic([1, 0], () => {
      port.atomic([0], () => (port.increaseStake(0, 100, 0, 13n), { ok: true }));
      port.increaseStake(0, 100, 1, 17n);
      return { ok: false };
    });
    expect([s.keys.stake[0][0], s.keys.stake[1][0]]).toEqual([root0, alpha0 + 3n]);
  });
});
