// `taosim quote stake|unstake <amount> --tao-reserve R --alpha-reserve A [--quote-weight W] [--fee-rate F]
// [--limit-price P]`: one swap against a dynamic subnet pool with the chain's exact math (interfaces.md).
// Prints `{ amountIn, fee, amountOut, refund, priceBefore, priceAfter }` on stdout; a chain refusal prints
// `{ "error": "<chain error name>" }` on stdout, the name on stderr, and exits 3; bad input exits 2.
// The swap maths (models/pool) is imported when the command runs (quoteSwap.ts).

import type { Command } from "commander";
import { processContext, type CliContext } from "../context.js";
import type { QuoteArgs } from "../quoteSwap.js";

interface QuoteOptions {
  taoReserve?: string;
  alphaReserve?: string;
  quoteWeight?: string;
  feeRate?: string;
  limitPrice?: string;
}

export function register(program: Command, ctx: CliContext = processContext): void {
  program
    .command("quote")
    .description("one exact swap against a dynamic subnet pool: what a stake or unstake would do (amounts in rao)")
    .argument("<side>", "stake (TAO in, alpha out) or unstake (alpha in, TAO out)")
    .argument("<amount>", "input amount in rao (TAO for stake, alpha for unstake)")
    .option("--tao-reserve <R>", "SubnetTAO, rao")
    .option("--alpha-reserve <A>", "SubnetAlphaIn, rao")
    .option("--quote-weight <W>", "balancer quote (TAO) weight, Perquintill parts of 1e18", "500000000000000000")
    .option("--fee-rate <F>", "FeeRate u16 (fee = F/65535 of the input)", "33")
    .option("--limit-price <P>", "limit price in rao per alpha, as the chain's *_limit extrinsics take it (default: none)")
    .action(async (side: string, amount: string, options: QuoteOptions) => {
      const { runQuoteCommand } = await import("../quoteSwap.js");
      runQuoteCommand({ side, amount, taoReserve: options.taoReserve ?? "", alphaReserve: options.alphaReserve ?? "", ...pick(options) }, ctx);
    });
}

function pick(o: QuoteOptions): Partial<QuoteArgs> {
  const out: Partial<QuoteArgs> = {};
  if (o.quoteWeight !== undefined) out.quoteWeight = o.quoteWeight;
  if (o.feeRate !== undefined) out.feeRate = o.feeRate;
  if (o.limitPrice !== undefined) out.limitPrice = o.limitPrice;
  return out;
}

