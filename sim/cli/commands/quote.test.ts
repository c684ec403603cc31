import { readFileSync } from "node:fs";
import { Command } from "commander";
import { afterEach, describe, expect, it } from "vitest";
import { TaosimInputError } from "../errors.js";
import { register } from "./quote.js";
import { quote, runQuoteCommand } from "../quoteSwap.js";
import { CommandExit } from "../errors.js";
import { main } from "../main.js";

const lines = readFileSync(new URL("../../../test/vectors/swap/swap-quotes.jsonl", import.meta.url), "utf8").trim().split("\n");

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, ctx: { io: { writeOut: (t: string) => void out.push(t), writeErr: (t: string) => void err.push(t), readStdin: async () => "" } } };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe("taosim quote", () => {
  it("matches every line of swap-quotes.jsonl", () => {
    for (const line of lines) {
      const v = JSON.parse(line);
      const r = quote({ side: v.side, amount: v.amount, taoReserve: v.taoReserve, alphaReserve: v.alphaReserve, quoteWeight: v.quoteWeight, feeRate: String(v.feeRate) });
      if (v.error) expect(r).toEqual({ ok: false, error: v.error });
      else expect(r).toMatchObject({ ok: true, fee: v.fee, amountOut: v.amountOut });
    }
  });

  it("prints amounts and exact prices for a stake on y=1e9, x=4e9", () => {
    const r = quote({ side: "stake", amount: "1000000000", taoReserve: "1000000000", alphaReserve: "4000000000" });
    expect(r).toEqual({
      ok: true,
      amountIn: "999496453",
      fee: "503547",
      amountOut: "1999496326",
      refund: "0",
      priceBefore: "0.25",
      priceAfter: "0.9994965162958256081442154350469309065374545753002166748046875", // (y+Δy)/(x−Δx), U64F64 exact
    });
  });

  it("a limit price leaves a refund", () => {
    const r = quote({ side: "stake", amount: "1000000000000", taoReserve: "1000000000000", alphaReserve: "1000000000000", limitPrice: "1210000000" });
    expect(r).toMatchObject({ ok: true, amountIn: "99999999999", fee: "50380141", refund: String(10n ** 12n - 99_999_999_999n - 50_380_141n) });
  });

  it("a refusal prints the chain error name and exits 3", async () => {
    const c = capture();
    expect(() => runQuoteCommand({ side: "stake", amount: "1000", taoReserve: "1000000000", alphaReserve: "999999" }, c.ctx)).toThrow(CommandExit);
    const viaMain = capture();
    expect(await main(["quote", "stake", "1000", "--tao-reserve", "1000000000", "--alpha-reserve", "999999"], viaMain.ctx)).toBe(3);
    expect(c.out.join("")).toBe('{"error":"ReservesTooLow"}\n');
    expect(c.err.join("")).toContain("ReservesTooLow");
  });

  it("bad input throws TaosimInputError naming the flag", () => {
    const base = { side: "stake", amount: "1000", taoReserve: "1000000000", alphaReserve: "1000000000" };
    expect(() => quote({ ...base, side: "buy" })).toThrow(TaosimInputError);
    expect(() => quote({ ...base, amount: "-5" })).toThrow(/<amount>/);
    expect(() => quote({ ...base, amount: "18446744073709551616" })).toThrow(/<amount>/);
    expect(() => quote({ ...base, quoteWeight: "5000000000000000" })).toThrow(/--quote-weight/);
    expect(() => quote({ ...base, feeRate: "65536" })).toThrow(/--fee-rate/);
    expect(() => quote({ ...base, limitPrice: "1.5" })).toThrow(/--limit-price/);
    expect(() => runQuoteCommand({ ...base, taoReserve: "" }, capture().ctx)).toThrow(/--tao-reserve/);
  });

  it("registers on a commander program and prints JSON", async () => {
    const c = capture();
    const program = new Command("taosim").exitOverride();
    register(program, c.ctx);
    await program.parseAsync(["quote", "unstake", "1000", "--tao-reserve", "1000000000", "--alpha-reserve", "4000000000"], { from: "user" });
    expect(JSON.parse(c.out.join(""))).toMatchObject({ amountIn: "1000", fee: "0", amountOut: "249", refund: "0", priceBefore: "0.25" });
  });
});
