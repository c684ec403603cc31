// chain: epoch/math.rs::vec_u16_max_upscale_to_u16 (what set_weights stores), in `number` arithmetic
// for the study's hot loop. Same results as models/fixed/vecU16MaxUpscaleToU16 (BigInt), which a test
// checks; every intermediate stays below 2^50, so doubles are exact (floor of a quotient is safe: the
// true quotient is at least 1/m ≥ 2^-16 away from the next integer, above the double's ulp there).

const TWO32 = 4294967296;
const HALF = 2147483648;

/** Max-upscales the u16 integers `vals[from..to)` in place so that the row maximum becomes 65535. */
export function maxUpscaleU16InPlace(vals: Uint16Array, from: number, to: number): void {
  let m = 0;
  for (let e = from; e < to; e++) if (vals[e] > m) m = vals[e];
  if (m === 0) return; // every entry is 0 and stays 0
  if (m > 32768) {
    const scale = Math.floor((65535 * TWO32) / m); // safe_div(I32F32(65535), I32F32(m)), raw
    for (let e = from; e < to; e++) vals[e] = roundRaw(vals[e] * scale);
  } else {
    for (let e = from; e < to; e++) {
      const q = vals[e] * 65535; // (v · 65535) as an integer; raw of the product is q · 2^32
      const hi = Math.floor(q / m);
      const lo = q - hi * m;
      vals[e] = roundRaw(hi * TWO32 + Math.floor((lo * TWO32) / m)); // safe_div raw = floor(q · 2^32 / m)
    }
  }
}

/** I32F32 raw → round() (ties away from zero) → saturating u16. */
function roundRaw(raw: number): number {
  const r = Math.floor((raw + HALF) / TWO32);
  return r > 65535 ? 65535 : r;
}
