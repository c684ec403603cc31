// The float fast paths of mulFloor / mulFloorSigned / divFloor / divFloorRecip / u16ProportionToFixed agree with
// BigInt on random operands, including operands whose exact quotient is an integer or within 2^-20 of one.
import { describe, expect, it } from "vitest";
import { divFloor, divFloorRecip, mulFloor, mulFloorSigned, u16ProportionToFixed } from "./i32f32.js";
import { mulberry32 as rng } from "../../test/helpers/mulberry32.js";

const floorDiv = (a: bigint, b: bigint): bigint => (a >= 0n ? a / b : -((-a + b - 1n) / b));
const rnd = rng(12345);
const int = (bits: number): number => Math.floor(rnd() * 2 ** bits);

describe("fixed-point fast paths", () => {
  it("mulFloor and mulFloorSigned equal floor(a·b / 2^32)", () => {
    for (let k = 0; k < 200_000; k++) {
      const a = int(1 + (k % 35));
      let b = int(1 + ((k * 7) % 35));
      if (k % 5 === 0 && a > 0) b = 2 ** (k % 33); // products that are exact multiples of 2^32
      const want = Number(floorDiv(BigInt(a) * BigInt(b), 1n << 32n));
      expect(mulFloor(a, b)).toBe(want);
      const sa = k % 2 ? -a : a;
      const sb = k % 3 ? b : -b;
      expect(mulFloorSigned(sa, sb) + 0).toBe(Number(floorDiv(BigInt(sa) * BigInt(sb), 1n << 32n)));
    }
  });

  it("divFloor and divFloorRecip equal floor(a·2^32 / b)", () => {
    for (let k = 0; k < 200_000; k++) {
      const b = 1 + int(1 + (k % 44));
      let a = int(1 + ((k * 3) % 44));
      if (k % 4 === 0) a = Math.min(b * int(3), 2 ** 44); // a multiple of b: an integer quotient
      if (k % 4 === 1) a = Math.max(0, Math.floor((b * (1 + int(2))) / 65536) * 65536 - 1 + int(2)); // near-integers
      if (a >= b * 2 ** 20) a = a % (b * 2 ** 20); // quotients below 2^52
      const want = Number((BigInt(a) << 32n) / BigInt(b));
      expect(divFloor(a, b)).toBe(want);
      expect(divFloorRecip(a, b, 4294967296 / b)).toBe(want);
    }
  });

  it("u16ProportionToFixed is floor(u·2^32 / 65535) for every u16", () => {
    for (let u = 0; u <= 65535; u++) expect(u16ProportionToFixed(u)).toBe(Number((BigInt(u) << 32n) / 65535n));
  });
});
