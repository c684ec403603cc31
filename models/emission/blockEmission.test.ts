import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  TOTAL_SUPPLY, blockEmissionForIssuance, blockEmissionForIssuanceExact, halvingThresholds, mintableTao,
} from "./blockEmission.js";
import { emissionVectors } from "../../test/helpers/emissionTestNet.js";

describe("get_block_emission_for_issuance (emission.md §1.1)", () => {
  it("[emu] get_block_emission_for_issuance: spec vector #1", () => {
    for (const [issuance, expected] of emissionVectors.blockEmissionForIssuance as [string, string][]) {
      expect(blockEmissionForIssuanceExact(BigInt(issuance))).toBe(BigInt(expected));
      expect(blockEmissionForIssuance(BigInt(issuance))).toBe(BigInt(expected));
    }
  });

  it("halves at 10.5M TAO inclusive and floors 1e9·2^-10 to 976_562", () => {
    expect(blockEmissionForIssuance(10_500_000_000_000_000n - 1n)).toBe(1_000_000_000n);
    expect(blockEmissionForIssuance(10_500_000_000_000_000n)).toBe(500_000_000n);
    const th = halvingThresholds();
    expect(blockEmissionForIssuance(th[10])).toBe(976_562n);
    expect(blockEmissionForIssuance(th[10] - 1n)).toBe(1_953_125n);
  });

  it("the threshold table equals the exact log2 port around every threshold", () => {
    for (const t of halvingThresholds()) {
      for (const d of [-2n, -1n, 0n, 1n, 2n]) {
        const x = t + d;
        if (x < 0n) continue;
        expect(blockEmissionForIssuance(x)).toBe(blockEmissionForIssuanceExact(x));
      }
    }
  });

  it("table lookup equals the exact port and never increases with issuance (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: TOTAL_SUPPLY + 10n }), fc.bigInt({ min: 0n, max: 10n ** 15n }), (a, d) => {
        const e = blockEmissionForIssuance(a);
        expect(e).toBe(blockEmissionForIssuanceExact(a));
        expect(blockEmissionForIssuance(a + d) <= e).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("mint_tao never mints past the 21M cap", () => {
    expect(mintableTao(1_000_000_000n, TOTAL_SUPPLY - 5n)).toBe(5n);
    expect(mintableTao(1_000_000_000n, TOTAL_SUPPLY)).toBe(0n);
    expect(mintableTao(7n, 0n)).toBe(7n);
  });
});
