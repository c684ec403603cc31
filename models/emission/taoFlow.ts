// SubnetTaoFlow and its per-block EMA as the chain kept them while the flow share rule ran
// (subtensor 196453867, coinbase/subnet_emissions.rs::{record_tao_inflow, record_tao_outflow,
// reset_tao_outflow, get_ema_flow}; recorded by staking/stake_utils.rs stake_into_subnet with the
// swap's amount_paid_in and unstake_from_subnet with amount_paid_out + the block author's fee swap).
// History: Nov–Dec 2025 (a3db8e34b) recorded min/max against the V3 protocol-liquidity delta; bfec73eca
// restored paid_in / paid_out; 0b346d274 (Feb 2026) added the author-fee swap to the outflow; from
// ea465d011 (May 2026) a protocol-cost "net flow" was subtracted (not ported). This is the 196453867 state.

/** FlowEmaSmoothingFactor default (u64, normalised by i64::MAX): a one-month half-life. */
export const DEFAULT_FLOW_EMA_SMOOTHING_FACTOR = 29_597_889_189_277n;
/** FlowNormExponent default (U64F64 raw): p = 1. */
export const DEFAULT_FLOW_NORM_EXPONENT = 1n << 64n;
/** TaoFlowCutoff default (I64F64 raw): 0. */
export const DEFAULT_TAO_FLOW_CUTOFF = 0n;

const I64_MAX = (1n << 63n) - 1n;
const I64_MIN = -(1n << 63n);
const I128_MAX = (1n << 127n) - 1n;
const I128_MIN = -(1n << 127n);
const ONE64 = 1n << 64n;
const satI64 = (x: bigint): bigint => (x > I64_MAX ? I64_MAX : x < I64_MIN ? I64_MIN : x);
/** I64F64 saturation. */
export const satI128 = (x: bigint): bigint => (x > I128_MAX ? I128_MAX : x < I128_MIN ? I128_MIN : x);

/** The flow storages, per netuid. */
export class TaoFlowState {
  readonly flow: BigInt64Array; // SubnetTaoFlow (i64), this block's net stake flow
  readonly ema: bigint[]; // SubnetEmaTaoFlow value (I64F64 raw)
  readonly emaBlock: Float64Array; // SubnetEmaTaoFlow block (−1 = None)
  /** The block get_shares runs in (get_current_block_as_u64); set by the coinbase each block. */
  currentBlock = 0;
  smoothingFactor = DEFAULT_FLOW_EMA_SMOOTHING_FACTOR; // FlowEmaSmoothingFactor
  normExponent = DEFAULT_FLOW_NORM_EXPONENT; // FlowNormExponent
  cutoff = DEFAULT_TAO_FLOW_CUTOFF; // TaoFlowCutoff

  constructor(netuids: number) {
    this.flow = new BigInt64Array(netuids);
    this.ema = new Array<bigint>(netuids).fill(0n);
    this.emaBlock = new Float64Array(netuids).fill(-1);
  }
}

/** record_tao_inflow: SubnetTaoFlow += tao (as i64, saturating). Stake: the swap's amount_paid_in. */
export function recordTaoInflow(f: TaoFlowState, netuid: number, tao: bigint): void {
  f.flow[netuid] = satI64(f.flow[netuid] + BigInt.asIntN(64, tao));
}

/** record_tao_outflow: SubnetTaoFlow −= tao. Unstake: amount_paid_out + the author's fee swap out. */
export function recordTaoOutflow(f: TaoFlowState, netuid: number, tao: bigint): void {
  f.flow[netuid] = satI64(f.flow[netuid] - BigInt.asIntN(64, tao));
}

/**
 * get_ema_flow: once per block, ema = (1 − α)·ema + α·flow with α = factor / i64::MAX (I64F64,
 * floor multiply, saturating), then SubnetTaoFlow is reset; an absent EMA starts at (0, 0).
 */
export function emaFlow(f: TaoFlowState, netuid: number): bigint {
  const block = f.currentBlock;
  const lastBlock = f.emaBlock[netuid] < 0 ? 0 : f.emaBlock[netuid];
  const last = f.emaBlock[netuid] < 0 ? 0n : f.ema[netuid];
  if (lastBlock === block) return last;
  const alpha = (f.smoothingFactor << 64n) / I64_MAX; // safe_div (I64F64)
  const blockFlow = BigInt(f.flow[netuid]) << 64n;
  const ema = satI128(satI128((satI128(ONE64 - alpha) * last) >> 64n) + satI128((alpha * blockFlow) >> 64n));
  f.ema[netuid] = ema;
  f.emaBlock[netuid] = block;
  f.flow[netuid] = 0n; // reset_tao_outflow
  return ema;
}
