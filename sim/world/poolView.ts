// A models/pool `Pool` whose fields are ChainEconomy's columns for one netuid (SubnetTAO, SubnetAlphaIn,
// SubnetAlphaOut, SubnetMechanism, the balancer's quote weight), so the models' swap and registration
// functions read and write the engine's state directly. `feeRate` is the subnet's FeeRate.
import type { ChainEconomy } from "../../models/emission/chainEconomy.js";
import type { Pool } from "../../models/pool/pool.js";

export class ColumnPool implements Pool {
  balancerInitialized = true; // every engine subnet's balancer is initialised at creation

  constructor(
    private readonly econ: ChainEconomy,
    readonly netuid: number,
    public feeRate: number,
  ) {}

  get mechanism(): 0 | 1 {
    return this.econ.mechanism[this.netuid] === 1 ? 1 : 0;
  }
  set mechanism(m: 0 | 1) {
    this.econ.mechanism[this.netuid] = m;
  }
  get taoReserve(): bigint {
    return this.econ.subnetTao[this.netuid];
  }
  set taoReserve(v: bigint) {
    this.econ.subnetTao[this.netuid] = v;
  }
  get alphaReserve(): bigint {
    return this.econ.alphaIn[this.netuid];
  }
  set alphaReserve(v: bigint) {
    this.econ.alphaIn[this.netuid] = v;
  }
  get alphaOut(): bigint {
    return this.econ.alphaOut[this.netuid];
  }
  set alphaOut(v: bigint) {
    this.econ.alphaOut[this.netuid] = v;
  }
  get quoteWeight(): bigint {
    return this.econ.quoteWeight[this.netuid];
  }
  set quoteWeight(v: bigint) {
    this.econ.quoteWeight[this.netuid] = v;
  }
}
