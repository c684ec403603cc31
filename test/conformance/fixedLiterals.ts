// Test-literal encodings of the chain's tests (subtensor-vectors.md §0.2): I32F32::from_num of an f32 or
// f64 literal = round-to-nearest-even of the literal's exact binary value onto the 2^-32 grid.

import { TWO32 } from "../../models/chainConstants.js";

/** Round half to even of a double that is an exact binary value (|x| < 2^52 after scaling). */
function roundHalfEven(p: number): number {
  const f = Math.floor(p);
  const d = p - f; // exact for |p| < 2^52
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** I32F32::from_num(f32 literal) as a raw number. */
export function fromF32(x: number): number {
  return roundHalfEven(Math.fround(x) * TWO32);
}

/** I32F32::from_num(f64 literal) as a raw number. */
export function fromF64(x: number): number {
  return roundHalfEven(x * TWO32);
}

/** I32F32 from an integer. */
export function fromInt(x: number): number {
  return x * TWO32;
}
