// The two arithmetic modules of the epoch pipeline. Both work in raw I32F32 units (value × 2^32):
// `exact` floors and truncates like substrate-fixed, `float` is plain float64 on the same scale.

import { divFloor, fixedProportionToU16, mulFloor, mulFloorSigned, ONE } from "../fixed/i32f32.js";

export interface EpochArith {
  readonly name: "exact" | "float";
  /** a * b for non-negative raws. */
  mul(a: number, b: number): number;
  /** a * b for signed raws. */
  mulSigned(a: number, b: number): number;
  /** a / b for non-negative raws, b > 0. */
  div(a: number, b: number): number;
  /** x / s where x, s are integers in the same unit (u16 values, integer sums), result raw. */
  ratio(x: number, s: number): number;
  /** chain fixed_proportion_to_u16. */
  toU16(x: number): number;
  /** floor(x * rao / 2^32) as rao (I96F32 product then to u64), x raw in [0, 2^32], rao < 2^53. */
  toRao(x: number, rao: number): number;
}

const TWO32 = ONE;

export const exactArith: EpochArith = {
  name: "exact",
  mul: mulFloor,
  mulSigned: mulFloorSigned,
  div: divFloor,
  ratio: divFloor,
  toU16: fixedProportionToU16,
  toRao(x: number, rao: number): number {
    if (x <= 0) return 0;
    const rh = Math.floor(rao / TWO32);
    const rl = rao - rh * TWO32;
    return x * rh + mulFloor(x, rl);
  },
};

export const floatArith: EpochArith = {
  name: "float",
  mul: (a, b) => (a * b) / TWO32,
  mulSigned: (a, b) => (a * b) / TWO32,
  div: (a, b) => (a / b) * TWO32,
  ratio: (x, s) => (x / s) * TWO32,
  toU16(x: number): number {
    if (x <= 0) return 0;
    const v = Math.floor((x * 65535) / TWO32);
    return v > 65535 ? 65535 : v;
  },
  toRao(x: number, rao: number): number {
    if (x <= 0) return 0;
    return Math.floor((x / TWO32) * rao);
  },
};
