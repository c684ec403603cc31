// Field types of `taosim.snapshot/1` (interfaces.md "Chain state snapshots"): exact integers as the
// chain stores them. u64 amounts and fixed-point raw bits are decimal strings; u16 values, uids and
// block numbers are JSON numbers. A message that starts with "expected " is printed verbatim.
import * as z from "zod";
import { intRange, u16 } from "../../scenarios/fields/primitives.js";
import { PackedRow } from "./packedRow.js";
import { U64_MAX } from "../../models/chainConstants.js";

export { intRange, u16 };

const I128_MIN = -(1n << 127n);
const I128_MAX = (1n << 127n) - 1n;
/** Perquintill::ACCURACY (1.0). */
export const PERQUINTILL_ONE = 1_000_000_000_000_000_000n;

/** A block number (u64 on chain; at most 2^53 − 1 here). */
export const blockNumber = () => intRange(0, Number.MAX_SAFE_INTEGER, "a block number (integer)");

/** An account id: an SS58 address as the chain's RPC prints it (any non-empty text is accepted). */
export const accountId = () =>
  z.string({ error: "expected an account id (SS58 address string)" }).min(1, { error: "expected a non-empty account id (SS58 address string)" });

/**
 * A decimal integer string within [min, max]: the pattern goes into the JSON Schema; the range is
 * checked only on strings that match it (so a bad string gives one problem, not two).
 */
function decimalString(pattern: RegExp, min: bigint, max: bigint, expected: string) {
  return z
    .string({ error: expected })
    .regex(pattern, { error: expected })
    .superRefine((s, ctx) => {
      if (pattern.test(s) && (BigInt(s) < min || BigInt(s) > max)) ctx.addIssue({ code: "custom", message: expected });
    });
}

const UNSIGNED = /^(0|[1-9][0-9]{0,39})$/;

/** A u64 (rao amount, raw u64) as a decimal string. */
export const u64String = () => decimalString(UNSIGNED, 0n, U64_MAX, "expected a decimal u64 string (0 to 18446744073709551615)");

/** Raw bits of a signed 128-bit fixed-point value (I96F32, …) as a decimal string. */
export const i128Bits = (type: string) =>
  decimalString(/^-?(0|[1-9][0-9]{0,39})$/, I128_MIN, I128_MAX, `expected the raw bits of an ${type} as a decimal string (an integer from -2^127 to 2^127-1)`);

/** A Perquintill as its parts of 1e18, in a decimal string. */
export const perquintill = () =>
  decimalString(UNSIGNED, 0n, PERQUINTILL_ONE, "expected a Perquintill as a decimal string of parts of 1e18 (0 to 1000000000000000000)");

/** One stored sparse entry `[uid, u16]` (Weights / Bonds rows). */
export const sparseEntry = () => z.tuple([u16(), u16()], { error: "expected a [uid, u16] entry" });

/**
 * A stored sparse row. For validation the entries are checked by hand (checkSparseRows.ts: a real
 * snapshot holds millions of them, and the loader's fast path hands them over packed, extractRows.ts);
 * the JSON Schema describes them in full.
 */
export type RowMode = "full" | "deferred";
export type SparseRowInput = readonly (readonly [number, number])[];
export const sparseRow = (mode: RowMode) =>
  mode === "full"
    ? z.array(sparseEntry(), { error: "expected a list of [uid, u16] entries" })
    : z.custom<SparseRowInput | PackedRow>((v) => Array.isArray(v) || v instanceof PackedRow, { error: "expected a list of [uid, u16] entries" });
