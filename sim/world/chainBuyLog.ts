// ops.csv rows for the coinbase's own swaps (`chain_buy`: inject_and_maybe_swap buying alpha with the
// excess TAO). The coinbase runs inside models/emission; this reads what it left: SubnetExcessTao is
// the TAO the buy paid in, the bought alpha went to SubnetProtocolAlpha, and the pool just after the
// buy is the pool after the block less this block's injection (nothing else touches reserves between).
import type { ChainEconomy } from "../../models/emission/chainEconomy.js";
import type { OpsLog } from "./opsLog.js";

export class ChainBuyLog {
  private readonly tao: BigUint64Array;
  private readonly alpha: BigUint64Array;
  private readonly protocol: BigUint64Array;

  constructor(private readonly econ: ChainEconomy) {
    this.tao = new BigUint64Array(econ.netuids);
    this.alpha = new BigUint64Array(econ.netuids);
    this.protocol = new BigUint64Array(econ.netuids);
  }

  /** Before the block's coinbase. */
  before(): void {
    this.tao.set(this.econ.subnetTao);
    this.alpha.set(this.econ.alphaIn);
    this.protocol.set(this.econ.protocolAlpha);
  }

  /** After it: one row per subnet whose excess TAO bought alpha this block. */
  after(block: number, ops: OpsLog): void {
    const e = this.econ;
    for (let i = 1; i < e.netuids; i++) {
      const paid = e.excessTao[i];
      if (e.added[i] !== 1 || paid === 0n || e.protocolAlpha[i] === this.protocol[i]) continue;
      ops.record({
        block, op: "chain_buy", coldkey: -1, hotkey: -1, netuid: i, originNetuid: -1,
        amountIn: paid, amountOut: e.protocolAlpha[i] - this.protocol[i], fee: 0n,
        taoBefore: this.tao[i], alphaBefore: this.alpha[i],
        taoAfter: e.subnetTao[i] - e.taoInEmission[i], alphaAfter: e.alphaIn[i] - e.alphaInEmission[i],
        quoteWeight: e.quoteWeight[i], result: "ok",
      });
    }
  }
}
