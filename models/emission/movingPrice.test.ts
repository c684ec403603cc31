// CB::test_update_moving_price_*, CB::test_coinbase_moving_prices, CB::test_root_proportion (emission.md §2.3, §4.2).
import { describe, expect, it } from "vitest";
import { addSubnet } from "./chainEconomy.js";
import { updateMovingPrice } from "./movingPrice.js";
import { balancerPool } from "./poolModel.js";
import { rootProportion, taoWeight96 } from "./rootProportion.js";
import { emissionVectors, i96, mockNet, setReserves } from "../../test/helpers/emissionTestNet.js";

function priced(movingAlpha: number, first: number) {
  const s = mockNet();
  addSubnet(s, { netuid: 1, mechanism: 1, firstEmissionBlock: first });
  setReserves(s, 1, 1_000_000_000n, 1_000_000_000n); // spot price 1
  s.params.subnetMovingAlpha = i96(movingAlpha);
  return s;
}

describe("update_moving_price (emission.md §2.3)", () => {
  it("CB::test_update_moving_price_after_time: |new − 0.5| < 0.001, [emu] raw exact", () => {
    const v = emissionVectors.movingPriceAfterTime;
    const s = priced(v.movingAlpha, v.firstEmission);
    updateMovingPrice(s, 1, v.block, balancerPool);
    expect(s.movingPrice[1]).toBe(BigInt(v.u64f64Raw) >> 32n);
    expect(Math.abs(Number(s.movingPrice[1]) / 2 ** 32 - 0.5)).toBeLessThan(0.001);
  });

  it("CB::test_update_moving_price_initial: new < 0.001, [emu] raw exact", () => {
    const v = emissionVectors.movingPriceInitial;
    const s = priced(v.movingAlpha, v.firstEmission);
    updateMovingPrice(s, 1, v.block, balancerPool);
    expect(s.movingPrice[1]).toBe(BigInt(v.u64f64Raw) >> 32n);
    expect(Number(s.movingPrice[1]) / 2 ** 32).toBeLessThan(0.001);
  });

  it("CB::test_coinbase_moving_prices: 14 updates from 0 reach 0.512325 (±0.001), [emu] raw exact", () => {
    const v = emissionVectors.movingPrices14;
    const s = priced(v.movingAlpha, v.firstEmission);
    for (let k = 0; k < v.updates; k++) updateMovingPrice(s, 1, v.block, balancerPool);
    expect(s.movingPrice[1]).toBe(BigInt(v.u64f64Raw) >> 32n);
    expect(Math.abs(Number(s.movingPrice[1]) / 2 ** 32 - 0.512325)).toBeLessThan(0.001);
  });

  it("the EMA caps the spot price at 1", () => {
    const s = priced(0.5, 1);
    setReserves(s, 1, 5_000_000_000n, 1_000_000_000n); // spot 5
    for (let k = 0; k < 200; k++) updateMovingPrice(s, 1, 10_000_000, balancerPool);
    expect(s.movingPrice[1] <= 1n << 32n).toBe(true);
  });
});

describe("root_proportion (emission.md §4.2)", () => {
  it("CB::test_root_proportion: w_tao raw 773_094_113, rp raw 2_761_050_404 [emu]", () => {
    const v = emissionVectors.rootProportion;
    const s = mockNet();
    addSubnet(s, { netuid: 1, mechanism: 1 });
    s.subnetTao[0] = BigInt(v.rootTao);
    s.params.taoWeight = BigInt(v.taoWeight);
    setReserves(s, 1, 0n, BigInt(v.alphaIn));
    const w = taoWeight96(s);
    expect(w).toBe(BigInt(v.wTaoRaw));
    expect(rootProportion(s, 1, w)).toBe(BigInt(v.rpRaw));
  });
});
