// MinerBurned (run_coinbase.rs::distribute_dividends_and_incentives) and its use by get_shares
// (subnet_emissions.rs, 5c1b38081): withheld owner incentive / total incentive, recycled or burned,
// and share_i · (1 − min(MinerBurned_i, 1)) renormalised; hand-computed U64F64 values.
import { describe, expect, it } from "vitest";
import { addSubnet, registerUid } from "./chainEconomy.js";
import { distributeEmission } from "./distributeEmission.js";
import { ONE64, u96 } from "./fixedPoint.js";
import { ledger } from "./ledger.js";
import { subnetShares } from "./subnetShares.js";
import { addNetwork, epochOf, i96, mintDrained, mockNet } from "../../test/helpers/emissionTestNet.js";

function twoSubnets(rule: "price" | "priceEmaMinerBurned" | "priceEma" = "price") {
  const s = mockNet();
  s.params.shareRule = rule;
  for (const i of [1, 2]) {
    addSubnet(s, { netuid: i, mechanism: 1, firstEmissionBlock: 0 });
    s.movingPrice[i] = i96(1);
  }
  return s;
}
const shares = (s: ReturnType<typeof mockNet>): bigint[] => {
  const out = [0n, 0n];
  subnetShares(s, Int32Array.of(1, 2), 2, out, [0n, 0n]);
  return out;
};

describe("MinerBurned in the share rule", () => {
  it("get_shares_ignores_root_prop_storage_when_prices_and_burns_match: equal prices, no burn → 1/2 each", () => {
    expect(shares(twoSubnets())).toEqual([ONE64 / 2n, ONE64 / 2n]);
  });
  it("MinerBurned = 1/2 on subnet 1: weights 1/4 and 1/2 → shares ⌊2^64/3⌋ and ⌊2^65/3⌋", () => {
    const s = twoSubnets();
    s.minerBurned[1] = 1n << 31n; // 0.5 as U96F32
    expect(shares(s)).toEqual([ONE64 / 3n, (2n * ONE64) / 3n]);
    s.params.shareRule = "priceEmaMinerBurned"; // the older name of the same rule
    expect(shares(s)).toEqual([ONE64 / 3n, (2n * ONE64) / 3n]);
  });
  it("MinerBurned above 1 counts as 1; the plain price-EMA rule ignores MinerBurned", () => {
    const s = twoSubnets();
    s.minerBurned[1] = u96(2n);
    expect(shares(s)).toEqual([0n, ONE64]);
    s.params.shareRule = "priceEma";
    expect(shares(s)).toEqual([ONE64 / 2n, ONE64 / 2n]);
  });
});

describe("MinerBurned recorded at distribution", () => {
  function net() {
    const s = mockNet(2, 8);
    addNetwork(s, 1, 360);
    for (let u = 0; u < 4; u++) {
      registerUid(s, 1, u, u);
      s.keys.owner[u] = 100 + u;
    }
    s.subnetOwnerColdkey[1] = 100;
    s.subnetOwnerHotkey[1] = 0; // the owner's validator weights its own uid 0
    return s;
  }
  it("owner burn under Recycle counts as withheld too: 1/4 of the incentive → MinerBurned = 2^30", () => {
    const s = net();
    s.recycleOrBurn[1] = 1;
    mintDrained(s, 1, 40_000_000n);
    const rep = distributeEmission(s, 1, 40_000_000n, 0n, 0n, 0n, epochOf([10_000_000, 10_000_000, 10_000_000, 10_000_000], [0, 0, 0, 0]));
    expect(rep.withheld).toBe(10_000_000n);
    expect(rep.recycled).toBe(10_000_000n);
    expect(s.minerBurned[1]).toBe(1n << 30n);
    for (const a of ledger(s).alpha) expect(a.outstandingImbalance).toBe(0n);
  });
  it("no incentive at all (total 0): checked_div fails → MinerBurned = 0", () => {
    const s = net();
    s.minerBurned[1] = 1n << 31n;
    mintDrained(s, 1, 1_000n);
    s.keys.stake[1][1] = 0n;
    distributeEmission(s, 1, 0n, 1_000n, 0n, 0n, epochOf([0, 0, 0, 0], [0, 1_000, 0, 0]));
    expect(s.minerBurned[1]).toBe(0n);
  });
});
