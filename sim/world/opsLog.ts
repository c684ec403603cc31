// The operations log (ops.csv; docs/interfaces.md): every chain operation the engine applies, in
// application order, with its amounts, fee, the pool of `netuid` just before and after its swap,
// and the result (`ok` or the chain's error name). Off unless the run asks for it (`--ops`,
// `sample.ops: true`); when off the world holds `null` and call sites skip building records.
export interface OpRecord {
  block: number;
  /** The chain's extrinsic or hook name in snake case (`add_stake`, `chain_buy`, `set_weights`, …). */
  op: string;
  coldkey: number; // −1 when none
  hotkey: number; // −1 when none
  /** Internal subnet slot (world.subnets[netuid − 1]); the writer maps it to the public netuid. */
  netuid: number;
  originNetuid: number; // −1 when the operation has no origin subnet
  amountIn: bigint; // what the operation spends (TAO for a buy, alpha for a sell), rao
  amountOut: bigint; // what it receives, rao
  fee: bigint; // in the unit of amountIn
  taoBefore: bigint | null; // SubnetTAO of `netuid` before the swap (null: no swap)
  alphaBefore: bigint | null; // SubnetAlphaIn before
  taoAfter: bigint | null;
  alphaAfter: bigint | null;
  quoteWeight: bigint | null; // the pool's TAO-side weight, Perquintill parts
  result: string; // "ok" or the chain's error name
}

export class OpsLog {
  readonly rows: OpRecord[] = [];

  record(r: OpRecord): void {
    this.rows.push(r);
  }
}
