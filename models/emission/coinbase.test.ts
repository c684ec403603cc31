// Chain tests of pallets/subtensor/src/tests/coinbase.rs (CB) and subnet_emissions.rs (SE), spec/emission.md §8.
import { describe, expect, it } from "vitest";
import { addSubnet } from "./chainEconomy.js";
import { injectAndMaybeSwap, splitAlphaOut, subnetTerms } from "./emitToSubnets.js";
import { ONE64, U64_MAX, mul96, toU64From96, u16Proportion96, u96 } from "./fixedPoint.js";
import { balancerPool } from "./poolModel.js";
import { rootProportion, taoWeight96 } from "./rootProportion.js";
import { runCoinbase } from "./stepBlock.js";
import { rootSellFlag, subnetShares, subnetsToEmitTo } from "./subnetShares.js";
import { addNetwork, fullRoot, i96, mockNet, setReserves } from "../../test/helpers/emissionTestNet.js";

const pool = balancerPool;

/** mint_tao(E) then run_coinbase(credit), as the chain tests do. */
function mintAndRun(s: ReturnType<typeof mockNet>, e: bigint, block = 1): void {
  s.totalIssuance += e;
  runCoinbase(s, block, e, pool);
}

/** add_dynamic_network: dynamic pool at price 1, emission disabled, owner set, eligible. */
function addDynamic(s: ReturnType<typeof mockNet>, netuid: number): void {
  addSubnet(s, { netuid, mechanism: 1, tempo: 360, firstEmissionBlock: 0, emissionEnabled: false, ownerColdkey: 1, ownerHotkey: 2 });
  setReserves(s, netuid, 100_000_000_000n, 100_000_000_000n);
}

describe("coinbase TAO issuance (emission.md §2–§3)", () => {
  it("CB::test_coinbase_tao_issuance_base: ΔSubnetTAO = ΔTotalIssuance = ΔTotalStake = E exactly", () => {
    const s = mockNet();
    addDynamic(s, 1);
    s.emissionEnabled[1] = 1;
    s.movingPrice[1] = i96(1);
    fullRoot(s);
    const tao0 = s.subnetTao[1];
    const stake0 = s.totalStake;
    const ti0 = s.totalIssuance;
    mintAndRun(s, 1_234_567n);
    expect(s.subnetTao[1] - tao0).toBe(1_234_567n);
    expect(s.totalIssuance - ti0).toBe(1_234_567n);
    expect(s.totalStake - stake0).toBe(1_234_567n);
  });

  it("CB::test_coinbase_tao_issuance_base_low: E = 1 with no root stake is chain-bought 1:1", () => {
    const s = mockNet();
    addNetwork(s, 1);
    mintAndRun(s, 1n);
    expect(s.subnetTao[1]).toBe(1n);
    expect(s.totalIssuance).toBe(1n);
    expect(s.totalStake).toBe(1n);
  });

  it("CB::test_coinbase_tao_issuance_multiple: three equal subnets get E/3 each (±1), TI = E (±3)", () => {
    const s = mockNet();
    for (const i of [1, 2, 3]) addNetwork(s, i);
    mintAndRun(s, 3_333_333n);
    for (const i of [1, 2, 3]) expect(Math.abs(Number(s.subnetTao[i]) - 1_111_111)).toBeLessThanOrEqual(1);
    expect(Math.abs(Number(s.totalIssuance) - 3_333_333)).toBeLessThanOrEqual(3);
    expect(Math.abs(Number(s.totalStake) - 3_333_333)).toBeLessThanOrEqual(3);
  });

  it("CB::test_coinbase_disabled_subnet_emission_redistributes_tao_to_enabled_subnets", () => {
    const s = mockNet();
    for (const i of [1, 2, 3]) addNetwork(s, i);
    s.emissionEnabled[2] = 0;
    mintAndRun(s, 3_333_333n);
    for (const i of [1, 3]) expect(Math.abs(Number(s.subnetTao[i]) - 3_333_333 / 2)).toBeLessThanOrEqual(2);
    expect(s.subnetTao[2]).toBe(0n);
    expect(s.alphaInEmission[2]).toBe(0n);
    expect(s.excessTao[2]).toBe(0n);
    expect(s.alphaOutEmission[2] > 0n).toBe(true);
    expect(Math.abs(Number(s.totalIssuance) - 3_333_333)).toBeLessThanOrEqual(2);
  });

  it("CB::test_coinbase_tao_issuance_different_prices: moving prices 0.1 / 0.2 split E 1:2 (±10)", () => {
    const s = mockNet();
    addNetwork(s, 1);
    addNetwork(s, 2);
    setReserves(s, 1, 100_000n, 1_000_000n);
    setReserves(s, 2, 100_000n, 500_000n);
    s.mechanism[1] = 1;
    s.mechanism[2] = 1;
    s.movingPrice[1] = i96(0.1);
    s.movingPrice[2] = i96(0.2);
    fullRoot(s);
    mintAndRun(s, 100_000_000n);
    expect(Math.abs(Number(s.subnetTao[1]) - (100_000 + 100_000_000 / 3))).toBeLessThanOrEqual(10);
    expect(Math.abs(Number(s.subnetTao[2]) - (100_000 + (2 * 100_000_000) / 3))).toBeLessThanOrEqual(10);
    expect(Math.abs(Number(s.totalIssuance) - 100_000_000)).toBeLessThanOrEqual(10);
  });
});

describe("coinbase alpha issuance (emission.md §3)", () => {
  it("CB::test_coinbase_alpha_issuance_base: two price-1 subnets get alpha_in 500_000 each (exact)", () => {
    const s = mockNet();
    for (const i of [1, 2]) {
      addNetwork(s, i);
      setReserves(s, i, 1_000_000n, 1_000_000n);
    }
    fullRoot(s);
    mintAndRun(s, 1_000_000n);
    expect(s.alphaIn[1]).toBe(1_500_000n);
    expect(s.alphaIn[2]).toBe(1_500_000n);
  });

  it("CB::test_coinbase_alpha_issuance_different: prices 1 and 2 both get 333_333 alpha (exact)", () => {
    const s = mockNet();
    for (const i of [1, 2]) addNetwork(s, i);
    s.mechanism[1] = 1;
    s.mechanism[2] = 1;
    setReserves(s, 1, 1_000_000n, 1_000_000n);
    setReserves(s, 2, 2_000_000n, 1_000_000n);
    s.movingPrice[1] = i96(1);
    s.movingPrice[2] = i96(2);
    fullRoot(s);
    mintAndRun(s, 1_000_000n);
    expect(s.alphaIn[1]).toBe(1_333_333n);
    expect(s.alphaIn[2]).toBe(1_333_333n);
  });

  it("CB::test_coinbase_alpha_issuance_with_cap_trigger: alpha_in capped, alpha_out = full 1e9", () => {
    const s = mockNet();
    for (const i of [1, 2]) {
      addNetwork(s, i);
      s.mechanism[i] = 1;
      setReserves(s, i, 1_000n, 1_000_000_000n);
    }
    s.movingPrice[1] = i96(1);
    s.movingPrice[2] = i96(2);
    fullRoot(s);
    mintAndRun(s, 1_000_000n);
    for (const i of [1, 2]) {
      expect(s.alphaIn[i] < 1_000_000_000n + 1_000_000_000n).toBe(true);
      expect(s.alphaOutEmission[i]).toBe(1_000_000_000n);
    }
  });

  it("CB::test_coinbase_alpha_issuance_with_cap_trigger_and_block_emission: alpha_em 0 ⇒ all TAO chain-bought", () => {
    const s = mockNet();
    for (const i of [1, 2]) {
      addNetwork(s, i);
      s.mechanism[i] = 1;
      setReserves(s, i, 1_000n, 1_000_000_000n);
      s.alphaOut[i] = 21_000_000_000_000_000n;
    }
    s.movingPrice[1] = i96(1);
    s.movingPrice[2] = i96(2);
    fullRoot(s);
    const price0 = pool.currentPrice(s, 1);
    mintAndRun(s, 1_000_000n);
    for (const i of [1, 2]) {
      expect(s.alphaOutEmission[i]).toBe(0n);
      expect(s.alphaIn[i] < 1_000_000_000n).toBe(true);
      expect(s.alphaOut[i]).toBe(21_000_000_000_000_000n + s.protocolAlpha[i]);
    }
    expect(pool.currentPrice(s, 1) > price0).toBe(true);
  });

  it("CB::test_get_subnet_terms_alpha_emissions_cap: alpha_in = tao_em below the cap, = rp·alpha_em above", () => {
    const s = mockNet();
    addDynamic(s, 1);
    fullRoot(s);
    const w = taoWeight96(s);
    const cap = mul96(rootProportion(s, 1, w), u96(1_000_000_000n));
    const sc = s.scratch;
    sc.nEmit = subnetsToEmitTo(s, sc.emit);
    sc.taoEmission[0] = u96(100_000_000n);
    subnetTerms(s, pool, w);
    expect(sc.alphaIn[0]).toBe(u96(100_000_000n));
    sc.taoEmission[0] = u96(10_000_000_000n);
    subnetTerms(s, pool, w);
    expect(sc.alphaIn[0]).toBe(cap);
  });
});

describe("owner cut and pending buckets (emission.md §4.1)", () => {
  it("CB::test_owner_cut_base: cut 0 ⇒ PendingOwnerCut 0; cut 65535 ⇒ 1_000_000_000", () => {
    const s = mockNet();
    addNetwork(s, 1, 10_000);
    setReserves(s, 1, 1_000_000_000_000n, 1_000_000_000_000n);
    s.params.subnetOwnerCut = 0;
    mintAndRun(s, 0n);
    expect(s.pendingOwnerCut[1]).toBe(0n);
    s.params.subnetOwnerCut = 65_535;
    mintAndRun(s, 0n);
    expect(s.pendingOwnerCut[1]).toBe(1_000_000_000n);
  });

  it("CB::test_pending_emission: server 5e8, validator 3.75e8, root 1.25e8 (±1)", () => {
    const s = mockNet();
    addDynamic(s, 1);
    s.tempo[1] = 1;
    setReserves(s, 1, 1_000_000n, 1n);
    mintAndRun(s, 0n, 10);
    s.subnetTao[0] = 1_000_000_000n;
    mintAndRun(s, 0n, 12);
    s.tempo[1] = 10_000;
    s.params.taoWeight = U64_MAX;
    s.movingPrice[1] = i96(2);
    expect(rootSellFlag(s, Int32Array.of(1), 1)).toBe(true);
    mintAndRun(s, 0n, 12);
    expect(Math.abs(Number(s.pendingServer[1]) - 500_000_000)).toBeLessThanOrEqual(1);
    expect(Math.abs(Number(s.pendingValidator[1]) - 375_000_000)).toBeLessThanOrEqual(1);
    expect(Math.abs(Number(s.pendingRoot[1]) - 125_000_000)).toBeLessThanOrEqual(1);
  });

  for (const sell of [true, false]) {
    it(`CB::test_coinbase_emit_to_subnets_with${sell ? "" : "_no"}_root_sell: owner ≈ 0.1·alpha_em, halves of the rest (±200)`, () => {
      const s = mockNet();
      addDynamic(s, 1);
      s.params.subnetOwnerCut = 6553;
      setReserves(s, 1, 1_000_000_000_000_000n, 1_000_000_000_000_000n);
      const alphaEm = u96(1_000_000_000n);
      const sc = s.scratch;
      sc.nEmit = 1;
      sc.emit[0] = 1;
      sc.taoEmission[0] = u96(12_345_678n);
      const w = taoWeight96(s);
      subnetTerms(s, pool, w);
      injectAndMaybeSwap(s, pool, 12_345_678n);
      splitAlphaOut(s, sell, w);
      const oc = mul96(u16Proportion96(6553), alphaEm);
      const near = (a: bigint, b: bigint): void => expect(Math.abs(Number(a - b))).toBeLessThanOrEqual(200);
      near(s.pendingOwnerCut[1], toU64From96(oc));
      near(s.pendingRoot[1], 0n);
      near(s.pendingServer[1], toU64From96(alphaEm - oc) / 2n);
      near(s.pendingValidator[1], toU64From96(alphaEm - oc) / 2n);
    });
  }
});

describe("subnet shares (emission.md §2.2)", () => {
  it("SE::get_shares_ignores_root_prop_storage_when_prices_and_burns_match: 0.5 / 0.5", () => {
    const s = mockNet();
    for (const i of [1, 2]) {
      addSubnet(s, { netuid: i, mechanism: 1, firstEmissionBlock: 0 });
      s.movingPrice[i] = i96(1);
    }
    const shares = [0n, 0n];
    subnetShares(s, Int32Array.of(1, 2), 2, shares, [0n, 0n]);
    expect(shares).toEqual([ONE64 / 2n, ONE64 / 2n]);
  });

  it("MinerBurned = 1 on one subnet moves its whole share to the other; all burned falls back to price shares", () => {
    const s = mockNet();
    for (const i of [1, 2]) {
      addSubnet(s, { netuid: i, mechanism: 1, firstEmissionBlock: 0 });
      s.movingPrice[i] = i96(1);
    }
    s.minerBurned[1] = u96(1n);
    const shares = [0n, 0n];
    subnetShares(s, Int32Array.of(1, 2), 2, shares, [0n, 0n]);
    expect(shares).toEqual([0n, ONE64]);
    s.minerBurned[2] = u96(1n);
    subnetShares(s, Int32Array.of(1, 2), 2, shares, [0n, 0n]);
    expect(shares).toEqual([ONE64 / 2n, ONE64 / 2n]);
  });

  it("a subnet with zero moving price gets no TAO, but still mints alpha_out", () => {
    const s = mockNet();
    for (const i of [1, 2]) {
      addSubnet(s, { netuid: i, mechanism: 1, firstEmissionBlock: 0 });
      setReserves(s, i, 1_000_000_000n, 1_000_000_000n);
    }
    s.movingPrice[2] = i96(0.5);
    fullRoot(s);
    mintAndRun(s, 1_000_000n);
    expect(s.subnetTao[1]).toBe(1_000_000_000n);
    expect(s.alphaOutEmission[1]).toBe(1_000_000_000n);
    expect(s.subnetTao[2]).toBe(1_001_000_000n);
  });
});
