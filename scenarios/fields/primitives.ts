// Field types shared by the scenario schema. A message that starts with "expected " is used verbatim
// as the "expected …" part of a scenario error (see issueText.ts).
import * as z from "zod";
import { U64_MAX } from "../../models/chainConstants.js";
import { compileNumberOrExpression, ExpressionError } from "../expressions.js";

/** An integer in [min, max] (inclusive). */
export function intRange(min: number, max: number, what = "an integer") {
  const expected = max === Number.MAX_SAFE_INTEGER ? `expected ${what} ≥ ${min}` : `expected ${what} from ${min} to ${max}`;
  return z.number({ error: expected }).int({ error: expected }).min(min, { error: expected }).max(max, { error: expected });
}

/** u16 value (0..65535). */
export const u16 = () => intRange(0, 65_535, "a u16 integer");
/** Non-negative integer count below 2^53. */
export const count = () => intRange(0, Number.MAX_SAFE_INTEGER, "an integer");
/** Integer ≥ 1 below 2^53. */
export const positiveInt = () => intRange(1, Number.MAX_SAFE_INTEGER, "an integer");
/** A probability in [0, 1]. */
export const probability = () =>
  z.number({ error: "expected a number from 0 to 1" }).min(0, { error: "expected a number from 0 to 1" }).max(1, { error: "expected a number from 0 to 1" });
/** A non-negative finite amount (TAO or alpha, as a decimal number; the engine rounds to rao). */
export const amount = () =>
  z.number({ error: "expected a non-negative number" }).min(0, { error: "expected a non-negative number" }).max(21_000_000, { error: "expected an amount ≤ 21,000,000" });
/** A non-negative finite real number. */
export const nonNegative = () =>
  z.number({ error: "expected a non-negative number" }).min(0, { error: "expected a non-negative number" }).max(Number.MAX_VALUE, { error: "expected a finite number" });

/** A raw u64 as a decimal string ("971718665099567868"), as in the epoch I/O. */
export const u64String = () =>
  z.string({ error: "expected a decimal u64 string" }).superRefine((s, ctx) => {
    if (!/^(0|[1-9][0-9]*)$/.test(s) || BigInt(s) > U64_MAX) {
      ctx.addIssue({ code: "custom", message: `expected a decimal u64 string (0 to ${U64_MAX})` });
    }
  });

/**
 * A number, or a mathjs expression string over `variables` (compiled at load time, errors reported
 * at the field). Document the variables in the field's description.
 */
export function numberOrExpression(variables: readonly string[]) {
  const expression = z.string().superRefine((source, ctx) => {
    try {
      compileNumberOrExpression(source, variables); // plain arithmetic is checked without loading mathjs
    } catch (err) {
      if (!(err instanceof ExpressionError)) throw err;
      ctx.addIssue({ code: "custom", message: `expected ${err.expected}`, params: { found: err.found } });
    }
  });
  return z.union([z.number().min(-Number.MAX_VALUE).max(Number.MAX_VALUE), expression], {
    error: "expected a number or a mathjs expression string",
  });
}

/** A short identifier ("whales", "cabal-miners"). */
export const label = () =>
  z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, { error: "expected a label of letters, digits, _ and - (starting with a letter)" });
