// Typed readers for the scalar and vector fields of a `taosim.epoch/1` state. Each checks one JSON
// value and returns it converted, or throws a TaosimInputError at the value's own line:col.
// Paths are built only on failure, so the per-element loops allocate nothing.

import type { TaosimInputError } from "./errors.js";
import type { JsonDocument } from "./jsonPositions.js";
import type { JsonPath, JsonPathSegment } from "./jsonPath.js";

import { U16_MAX, U32_MAX, U64_MAX } from "../../models/chainConstants.js";

export { U16_MAX, U32_MAX, U64_MAX };
export const I16_MIN = -32_768;
export const I16_MAX = 32_767;

/** What each kind of field must be, as printed after "expected". */
export const EXPECTED = {
  u16: "an integer 0..65535 (u16)",
  i16: "an integer -32768..32767 (i16)",
  u32: "an integer 0..4294967295 (u32)",
  u53: "an integer 0..9007199254740991 (at most 2^53-1)",
  raoU64: `a decimal string of an integer 0..${U64_MAX} (u64)`,
  raoU53: "a decimal string of an integer 0..9007199254740991 (u64, at most 2^53-1 here)",
  bool: "true or false",
} as const;

const DECIMAL = /^[0-9]{1,40}$/;

export class EpochFieldReader {
  /** @param base path of the state inside the document (`[4]` for the fifth state of an array). */
  constructor(
    readonly doc: JsonDocument,
    readonly base: JsonPath,
  ) {}

  /** An error at base + rel; `found` defaults to the source text of that value. */
  error(rel: JsonPath, expected: string, found?: string, at: "value" | "key" = "value"): TaosimInputError {
    return this.doc.error([...this.base, ...rel], expected, found, { at, code: "epoch-input" });
  }

  integer(key: JsonPathSegment, value: unknown, min: number, max: number, expected: string): number {
    if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) return value + 0; // -0 → 0
    throw this.error([key], expected);
  }

  u16(key: JsonPathSegment, value: unknown): number {
    return this.integer(key, value, 0, U16_MAX, EXPECTED.u16);
  }

  u53(key: JsonPathSegment, value: unknown): number {
    return this.integer(key, value, 0, Number.MAX_SAFE_INTEGER, EXPECTED.u53);
  }

  bool(key: JsonPathSegment, value: unknown): boolean {
    if (typeof value === "boolean") return value;
    throw this.error([key], EXPECTED.bool);
  }

  /** A u64 rao amount (decimal string) at rel, at most `max`. */
  raoAt(rel: JsonPath, value: unknown, max: bigint, expected: string): bigint {
    const v = parseRaoDecimal(value, max);
    if (v === undefined) throw this.error(rel, expected);
    return v;
  }

  raoU64(key: JsonPathSegment, value: unknown): bigint {
    return this.raoAt([key], value, U64_MAX, EXPECTED.raoU64);
  }

  /** `value` must be an array of exactly n elements. */
  vector(key: string, value: unknown, n: number, what: string): unknown[] {
    const expected = `an array of n = ${n} ${what}`;
    if (!Array.isArray(value)) throw this.error([key], expected);
    if (value.length !== n) throw this.error([key], expected, `an array of ${value.length}`);
    return value;
  }

  raoVector(key: string, value: unknown, n: number): BigUint64Array {
    const items = this.vector(key, value, n, "rao amounts (decimal strings)");
    const out = new BigUint64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.raoAt([key, i], items[i], U64_MAX, EXPECTED.raoU64);
    return out;
  }

  blockVector(key: string, value: unknown, n: number): Float64Array {
    const items = this.vector(key, value, n, "block numbers");
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = items[i];
      if (!(typeof v === "number" && Number.isSafeInteger(v) && v >= 0)) throw this.error([key, i], EXPECTED.u53);
      out[i] = v + 0;
    }
    return out;
  }

  boolVector(key: string, value: unknown, n: number): Uint8Array {
    const items = this.vector(key, value, n, "booleans");
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const v = items[i];
      if (typeof v !== "boolean") throw this.error([key, i], EXPECTED.bool);
      out[i] = v ? 1 : 0;
    }
    return out;
  }

  /** Rejects keys outside `known`, pointing at the first unknown key, with a spelling suggestion. */
  knownKeys(obj: object, known: readonly string[], rel: JsonPath, what: string): void {
    for (const key of Object.keys(obj)) {
      if (known.includes(key)) continue;
      const guess = closestName(key, known);
      const hint = guess === undefined ? "" : ` (did you mean "${guess}"?)`;
      throw this.error([...rel, key], `${what}: ${known.join(", ")}`, `unknown key ${JSON.stringify(key)}${hint}`, "key");
    }
  }
}

/** A rao amount given as a decimal string of digits (at most 40), if it is one and does not exceed max. */
export function parseRaoDecimal(value: unknown, max: bigint): bigint | undefined {
  if (typeof value !== "string" || !DECIMAL.test(value)) return undefined;
  const v = BigInt(value);
  return v <= max ? v : undefined;
}

/** The known name within edit distance 2 of `name` (case-insensitive), if any. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
