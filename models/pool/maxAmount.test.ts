import { describe, expect, it } from "vitest";
import { getMaxAmountAdd, getMaxAmountMove, getMaxAmountRemove } from "./maxAmount.js";
import { makePool } from "./pool.js";
import { U64_MAX } from "./u64f64.js";

// subtensor's test mock uses MinimumReserve = 100 (pallets/subtensor/src/tests/mock.rs); the runtime 1e6.
const mockPool = (y: bigint, x: bigint) => makePool(y, x);
type Row = [bigint, bigint, bigint, bigint | string];
const within = (got: bigint, want: bigint, eps: bigint) => expect(got > want ? got - want : want - got).toBeLessThanOrEqual(eps);

describe("get_max_amount_add", () => {
  it("test_max_amount_add_dynamic (chain tolerance v/10000) with the calc values exact", () => {
    const rows: Row[] = [
      [1_000_000_000n, 1_000_000_000n, 0n, "PriceLimitExceeded"],
      [1_000_000n, 1_000_000n, 4_000_000_000n, 1_000_500n],
      [1_000_000n, 1_000_000n, 9_000_000_000n, 2_001_000n],
      [1_000_000n, 1_000_000n, 16_000_000_000n, 3_001_500n],
      [10n ** 12n, 10n ** 12n, 16_000_000_000n, 3_001_500_000_000n],
      [150_000_000_000n, 100_000_000_000n, 0n, "PriceLimitExceeded"],
      [150_000_000_000n, 100_000_000_000n, 100_000_000n, "PriceLimitExceeded"],
      [150_000_000_000n, 100_000_000_000n, 500_000_000n, "PriceLimitExceeded"],
      [150_000_000_000n, 100_000_000_000n, 1_499_999_999n, "PriceLimitExceeded"],
      [150_000_000_000n, 100_000_000_000n, 1_500_000_000n, "PriceLimitExceeded"],
      [150_000_000_000n, 100_000_000_000n, 1_500_000_001n, 49n],
      [150_000_000_000n, 100_000_000_000n, 6_000_000_000n, 150_075_000_000n],
    ];
    for (const [y, x, limit, want] of rows) {
      const r = getMaxAmountAdd(1, mockPool(y, x), limit);
      if (typeof want === "string") expect(r).toEqual({ ok: false, error: want });
      else if (!r.ok) throw new Error(r.error);
      else within(r.amount, want, want / 10_000n);
    }
    const calc: [bigint, bigint, bigint, bigint][] = [
      [1_000_000n, 1_000_000n, 4_000_000_000n, 1_000_503n],
      [1_000_000n, 1_000_000n, 9_000_000_000n, 2_001_007n],
      [1_000_000n, 1_000_000n, 16_000_000_000n, 3_001_511n],
      [10n ** 12n, 10n ** 12n, 16_000_000_000n, 3_001_511_404_231n],
      [150_000_000_000n, 100_000_000_000n, 6_000_000_000n, 150_075_570_211n],
      [150_000_000_000n, 100_000_000_000n, 1_500_000_001n, 49n],
    ];
    for (const [y, x, limit, want] of calc) {
      const r = getMaxAmountAdd(1, mockPool(y, x), limit);
      expect(r.ok && r.amount).toBe(want);
    }
  });

  it("root / stable: u64::MAX at limit ≥ 1e9 rao, else 0", () => {
    expect(getMaxAmountAdd(0, makePool(1n, 1n, { mechanism: 0 }), 1_000_000_000n)).toEqual({ ok: true, amount: U64_MAX });
    expect(getMaxAmountAdd(0, makePool(1n, 1n, { mechanism: 0 }), 999_999_999n)).toEqual({ ok: true, amount: 0n });
  });
});

describe("get_max_amount_remove", () => {
  it("test_max_amount_remove_dynamic (chain tolerance 1%) with the calc values exact", () => {
    const rows: Row[] = [
      [0n, 1_000_000_000n, 100n, "ReservesTooLow"],
      [10_000_000_000n, 10_000_000_000n, 0n, 10_000_000_000_000n],
      [1_000_000n, 1_000_000n, 250_000_000n, 1_010_000n],
      [1_000_000n, 1_000_000n, 62_500_000n, 3_030_000n],
      [10n ** 12n, 10n ** 12n, 62_500_000n, 3_030_000_000_000n],
      [200_000_000_000n, 100_000_000_000n, 0n, 100_000_000_000_000n],
      [200_000_000_000n, 100_000_000_000n, 500_000_000n, 101_000_000_000n],
      [200_000_000_000n, 100_000_000_000n, 125_000_000n, 303_000_000_000n],
      [200_000_000_000n, 100_000_000_000n, 2_000_000_000n, "PriceLimitExceeded"],
      [200_000_000_000n, 100_000_000_000n, 2_000_000_001n, "PriceLimitExceeded"],
      [200_000_000_000n, 100_000_000_000n, 1_999_999_999n, 24n],
      [200_000_000_000n, 100_000_000_000n, 1_999_999_990n, 250n],
      [21_000_000_000_000_000n, 1_000_000_000_000_000_000n, 20_000_000n, 24_700_000_000_000_000n],
      [21_000_000_000_000_000n, 21_000_000_000_000_000n, 999_999_999n, 10_605_000n],
    ];
    for (const [y, x, limit, want] of rows) {
      const r = getMaxAmountRemove(1, mockPool(y, x), limit);
      if (typeof want === "string") expect(r).toEqual({ ok: false, error: want });
      else if (!r.ok) throw new Error(`${y} ${x} ${limit}: ${r.error}`);
      else within(r.amount, want, want / 100n);
    }
    const calc: [bigint, bigint, bigint, bigint][] = [
      [1_000_000n, 1_000_000n, 250_000_000n, 1_000_503n],
      [200_000_000_000n, 100_000_000_000n, 500_000_000n, 100_050_380_141n],
      [200_000_000_000n, 100_000_000_000n, 125_000_000n, 300_151_140_423n],
    ];
    for (const [y, x, limit, want] of calc) {
      const r = getMaxAmountRemove(1, mockPool(y, x), limit);
      expect(r.ok && r.amount).toBe(want);
    }
  });
});

describe("get_max_amount_move", () => {
  it("test_max_amount_move_dynamic_dynamic (closed form)", () => {
    const rows: [bigint, bigint, bigint, bigint, bigint, bigint, bigint][] = [
      [0n, 1_000_000_000n, 1_000_000_000n, 1_000_000_000n, 100n, 0n, 1n],
      [1_000_000_000n, 0n, 1_000_000_000n, 1_000_000_000n, 100n, 0n, 1n],
      [1_000_000_000n, 1_000_000_000n, 0n, 1_000_000_000n, 100n, 0n, 1n],
      [1_000_000_000n, 1_000_000_000n, 1_000_000_000n, 0n, 100n, 0n, 1n],
      [1n, 1n, 1n, 1n, 0n, U64_MAX, 1n],
      [1n, 1n, 1n, 1n, 1n, 500_000_000n, 1n],
      [1n, 1n, 1n, 1n, 2n, 250_000_000n, 1n],
      [1n, 1n, 1n, 1n, 3n, 166_666_666n, 1n],
      [1n, 1n, 1n, 1n, 4n, 125_000_000n, 1n],
      [1n, 1n, 1n, 1n, 1_000n, 500_000n, 1n],
      [1_000n, 1_000n, 1_000n, 1_000n, 500_000_000n, 500n, 1n],
      [1_000n, 1_000n, 1_000n, 1_000n, 100_000_000n, 4_500n, 1n],
      [150_000_000_000n, 100_000_000_000n, 100_000_000_000n, 100_000_000_000n, 100_000_000n, 560_000_000_000n, 1_000_000n],
      [150_000_000_000n, 100_000_000_000n, 100_000_000_000n, 100_000_000_000n, 500_000_000n, 80_000_000_000n, 1_000_000n],
      [150_000_000_000n, 100_000_000_000n, 100_000_000_000n, 100_000_000_000n, 750_000_000n, 40_000_000_000n, 1_000_000n],
      [150_000_000_000n, 100_000_000_000n, 100_000_000_000n, 100_000_000_000n, 1_000_000_000n, 20_000_000_000n, 1_000n],
      [150_000_000_000n, 100_000_000_000n, 100_000_000_000n, 100_000_000_000n, 1_250_000_000n, 8_000_000_000n, 1_000n],
    ];
    for (const [t1, a1, t2, a2, limit, want, eps] of rows) {
      const r = getMaxAmountMove(1, makePool(t1, a1), 2, makePool(t2, a2), limit);
      if (!r.ok) throw new Error(r.error);
      within(r.amount, want, eps);
    }
  });
});
