import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_BURN_PARAMS, bumpBurn, decayBurn, decayFactorQ32, u64f64FromF64, type BurnParams } from "./burn.js";

const U64_MAX = (1n << 64n) - 1n;
const ONE = 1n << 64n;

describe("registration burn (spec §4.3)", () => {
  it("test_burn_halves_every_half_life: 1024 → 724, 511, 361, 255", () => {
    const p: BurnParams = { halfLife: 2, increaseMult: ONE, minBurn: 0n, maxBurn: U64_MAX };
    expect(decayFactorQ32(2)).toBe(3_037_000_500n);
    let b = 1024n;
    const seen: bigint[] = [];
    for (let blk = 2; blk < 6; blk++) seen.push((b = decayBurn(b, blk, p)));
    expect(seen).toEqual([724n, 511n, 361n, 255n]);
  });

  it("test_burn_decay: burn 1000, half-life 1000, mult 2 → 2000 on registration, 1998 the next block", () => {
    const p: BurnParams = { halfLife: 1000, increaseMult: 2n * ONE, minBurn: 0n, maxBurn: U64_MAX };
    expect(decayFactorQ32(1000)).toBe(4_291_991_283n);
    const b = bumpBurn(1000n, p);
    expect(b).toBe(2000n);
    expect(decayBurn(b, 10, p)).toBe(1998n);
  });

  it("test_burn_min_and_max_clamps_prevent_zero_stuck_and_cap_bump", () => {
    const p: BurnParams = { halfLife: 1, increaseMult: 2n * ONE, minBurn: 100_000n, maxBurn: 150_000n };
    let b = decayBurn(1n, 10, p);
    expect(b).toBe(100_000n);
    b = bumpBurn(b, p);
    expect(b).toBe(150_000n);
    b = decayBurn(b, 11, p);
    expect(b).toBe(100_000n);
    expect(decayBurn(b, 12, p)).toBe(100_000n);
  });

  it("default parameters (calc): decay_factor_q32(360) = 4_286_705_684; 1e9 → 998_076_443 → … 499_999_865 after 360 blocks; ×1.26 bumps", () => {
    const p = DEFAULT_BURN_PARAMS;
    expect(decayFactorQ32(360)).toBe(4_286_705_684n);
    let b = 1_000_000_000n;
    b = decayBurn(b, 2, p);
    expect(b).toBe(998_076_443n);
    for (let i = 1; i < 360; i++) b = decayBurn(b, 3 + i, p);
    expect(b).toBe(499_999_865n);
    expect(bumpBurn(1_000_000_000n, p)).toBe(1_260_000_000n);
    expect(bumpBurn(1_260_000_000n, p)).toBe(1_587_600_000n);
    expect(bumpBurn(500_000n, p)).toBe(630_000n);
    expect(u64f64FromF64(1.26)).toBe(23_242_897_532_874_035_200n); // round(f64(1.26)·2^64)
  });

  it("burn stays within [MinBurn, MaxBurn] under any sequence of blocks and registrations", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.array(fc.boolean(), { maxLength: 200 }), (b0, regs) => {
        const p = DEFAULT_BURN_PARAMS;
        let b = b0;
        let blk = 2;
        const f = decayFactorQ32(p.halfLife);
        for (const r of regs) {
          b = r ? bumpBurn(b, p) : decayBurn(b, blk++, p, f);
          expect(b >= p.minBurn && b <= p.maxBurn).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
