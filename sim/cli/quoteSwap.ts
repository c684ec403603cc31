// The pure part of `taosim quote` (commands/quote.ts): arguments checked, one swap quoted against a
// dynamic pool with the chain's exact math, and the printing of the result. Loaded only by `quote`.
import { ACCURACY, checkConstraints } from "../../models/pool/balancer.js";
import { makePool } from "../../models/pool/pool.js";
import { currentPrice, doSwap, limitPriceFromRao, type SwapError, type SwapSide } from "../../models/pool/swap.js";
import { U128_MAX, U64_MAX } from "../../models/chainConstants.js";
import { toDecimalString } from "../../models/pool/u64f64.js";
import type { CliContext } from "./context.js";
import { CommandExit, TaosimInputError } from "./errors.js";

/** Exit code when the chain would refuse the swap. */
export const REFUSED_EXIT_CODE = 3;

export interface QuoteArgs {
  side: string;
  amount: string;
  taoReserve: string;
  alphaReserve: string;
  quoteWeight?: string;
  feeRate?: string;
  limitPrice?: string;
}

/** Amounts in rao and prices in TAO per alpha, all decimal strings (exact). */
export interface QuoteOk {
  ok: true;
  /** `amount_paid_in`: input that entered the pool, net of the fee. */
  amountIn: string;
  /** `fee_paid`, in the input token. */
  fee: string;
  /** `amount_paid_out`. */
  amountOut: string;
  /** Input left unswapped because the limit price was reached: amount − amountIn − fee. */
  refund: string;
  priceBefore: string;
  /** Price on the reserves after the swap, same weights. */
  priceAfter: string;
}
export type QuoteResult = QuoteOk | { ok: false; error: SwapError };

function parseUint(value: string | undefined, path: string, max: bigint, what: string): bigint {
  if (value === undefined || !/^[0-9]+$/.test(value) || BigInt(value) > max) {
    throw new TaosimInputError({ path, expected: what, found: value === undefined ? "nothing" : JSON.stringify(value), code: "cli-option" });
  }
  return BigInt(value);
}

/** The pure command: validates arguments (throws TaosimInputError) and quotes one swap. */
export function quote(args: QuoteArgs): QuoteResult {
  if (args.side !== "stake" && args.side !== "unstake") {
    throw new TaosimInputError({ path: "<side>", expected: "stake or unstake", found: JSON.stringify(args.side), code: "cli-option" });
  }
  const u64 = `an integer number of rao from 0 to ${U64_MAX}`;
  const amount = parseUint(args.amount, "<amount>", U64_MAX, u64);
  const y = parseUint(args.taoReserve, "--tao-reserve", U64_MAX, u64);
  const x = parseUint(args.alphaReserve, "--alpha-reserve", U64_MAX, u64);
  const w = parseUint(args.quoteWeight ?? "500000000000000000", "--quote-weight", ACCURACY, "a Perquintill in parts of 1e18 within [1e16, 99e16]");
  if (!checkConstraints(w)) {
    throw new TaosimInputError({ path: "--quote-weight", expected: "a Perquintill in parts of 1e18 within [1e16, 99e16]", found: JSON.stringify(args.quoteWeight), code: "cli-option" });
  }
  const fee = parseUint(args.feeRate ?? "33", "--fee-rate", 65535n, "a u16 fee rate from 0 to 65535 (parts of 65535)");
  const side: SwapSide = args.side === "stake" ? "buy" : "sell";
  // No --limit-price: no limit at all (U64F64::MAX for a buy, 0 for a sell).
  const limit = args.limitPrice === undefined ? (side === "buy" ? U128_MAX : 0n) : limitPriceFromRao(parseUint(args.limitPrice, "--limit-price", U64_MAX, "a limit price in rao per alpha (u64)"));
  const pool = makePool(y, x, { quoteWeight: w, feeRate: Number(fee) });
  const priceBefore = currentPrice(pool);
  const r = doSwap(pool, side, amount, limit, false);
  if (!r.ok) return r;
  if (side === "buy") {
    pool.taoReserve += r.amountPaidIn;
    pool.alphaReserve -= r.amountPaidOut;
  } else {
    pool.alphaReserve += r.amountPaidIn;
    pool.taoReserve -= r.amountPaidOut;
  }
  const refund = amount - r.amountPaidIn - r.feePaid;
  return {
    ok: true,
    amountIn: r.amountPaidIn.toString(),
    fee: r.feePaid.toString(),
    amountOut: r.amountPaidOut.toString(),
    refund: (refund > 0n ? refund : 0n).toString(),
    priceBefore: toDecimalString(priceBefore),
    priceAfter: toDecimalString(currentPrice(pool)),
  };
}

/** Runs the command: prints the quote, or on refusal the error (stdout JSON + stderr) and exit code 3. */
export function runQuoteCommand(args: QuoteArgs, ctx: CliContext): number {
  if (args.taoReserve === "") throw new TaosimInputError({ path: "--tao-reserve", expected: "the TAO reserve in rao", found: "nothing", code: "cli-option" });
  if (args.alphaReserve === "") throw new TaosimInputError({ path: "--alpha-reserve", expected: "the alpha reserve in rao", found: "nothing", code: "cli-option" });
  const r = quote(args);
  if (!r.ok) {
    ctx.io.writeOut(`${JSON.stringify({ error: r.error })}\n`);
    ctx.io.writeErr(`taosim: refused by the chain: ${r.error}\n`);
    throw new CommandExit(REFUSED_EXIT_CODE);
  }
  const { ok: _ok, ...out } = r;
  ctx.io.writeOut(`${JSON.stringify(out, null, 2)}\n`);
  return 0;
}
