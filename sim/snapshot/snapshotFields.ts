// Field types of `taosim.snapshot/1` (interfaces.md "Chain state snapshots"): exact integers as the
// chain stores them. u64 amounts and fixed-point raw bits are decimal strings; u16 values, uids and
// block numbers are JSON numbers. A message that starts with "expected " is printed verbatim.
import * as z from "zod";
import { intRange, u16, u64String } from "../../scenarios/fields/primitives.js";

export { intRange, u16, u64String };

const I128_MIN = -(1n << 127n);
const I128_MAX = (1n << 127n) - 1n;
/** Perquintill::ACCURACY (1.0). */
export const PERQUINTILL_ONE = 1_000_000_000_000_000_000n;

/** A block number (u64 on chain; at most 2^53 − 1 here). */
export const blockNumber = () => intRange(0, Number.MAX_SAFE_INTEGER, "a block number (integer)");

/** An account id: an SS58 address as the chain's RPC prints it (any non-empty text is accepted). */
export const accountId = () =>
  z.string({ error: "expected an account id (SS58 address string)" }).min(1, { error: "expected a non-empty account id (SS58 address string)" });

/** Raw bits of a signed 128-bit fixed-point value (I96F32, …) as a decimal string. */
export const i128Bits = (type: string) => {
  const expected = `expected the raw bits of an ${type} as a decimal string (an integer from -2^127 to 2^127-1)`;
  return z.string({ error: expected }).superRefine((s, ctx) => {
    if (!/^-?(0|[1-9][0-9]{0,39})$/.test(s) || BigInt(s) < I128_MIN || BigInt(s) > I128_MAX) ctx.addIssue({ code: "custom", message: expected });
  });
};

/** A Perquintill as its parts of 1e18, in a decimal string. */
export const perquintill = () => {
  const expected = "expected a Perquintill as a decimal string of parts of 1e18 (0 to 1000000000000000000)";
  return z.string({ error: expected }).superRefine((s, ctx) => {
    if (!/^(0|[1-9][0-9]{0,18})$/.test(s) || BigInt(s) > PERQUINTILL_ONE) ctx.addIssue({ code: "custom", message: expected });
  });
};

/** One stored sparse entry `[uid, u16]` (Weights / Bonds rows). */
export const sparseEntry = () => z.tuple([u16(), u16()], { error: "expected a [uid, u16] entry" });

/**
 * A stored sparse row. For validation the entries are checked by hand (checkSparseRows.ts: a real
 * snapshot holds millions of them); the JSON Schema describes them in full.
 */
export type RowMode = "full" | "deferred";
export type SparseRowInput = readonly (readonly [number, number])[];
export const sparseRow = (mode: RowMode) =>
  mode === "full"
    ? z.array(sparseEntry(), { error: "expected a list of [uid, u16] entries" })
    : z.custom<SparseRowInput>((v) => Array.isArray(v), { error: "expected a list of [uid, u16] entries" });
