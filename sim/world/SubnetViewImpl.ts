// The read-only view agents get of a subnet (models/agents SubnetView) over the world's columns.
import type { SubnetView } from "../../models/agents/types.js";
import type { ChainEconomy } from "../../models/emission/chainEconomy.js";
import type { SubnetWorld } from "./SubnetWorld.js";

export class SubnetViewImpl implements SubnetView {
  block = 0;

  constructor(
    private readonly sub: SubnetWorld,
    private readonly econ: ChainEconomy,
  ) {}

  get netuid(): number {
    return this.sub.publicNetuid;
  }
  get epochIndex(): number {
    return this.econ.epochIndex[this.sub.netuid];
  }
  get n(): number {
    return this.sub.n;
  }
  get isMiner(): ArrayLike<number> {
    return this.sub.isMiner;
  }
  get trueQuality(): ArrayLike<number> {
    return this.sub.trueQuality;
  }
  get minerLabel(): ArrayLike<number> {
    return this.sub.minerLabel;
  }
  get ownerUid(): number {
    const hk = this.econ.subnetOwnerHotkey[this.sub.netuid];
    return hk < 0 ? -1 : (this.sub.neurons.uidOf.get(hk) ?? -1);
  }
  get ownerBurn(): number {
    return this.sub.ownerBurn;
  }
  labelIndex(label: string): number {
    return this.sub.labelIndex(label);
  }
  consensusAgo(lag: number): ArrayLike<number> | null {
    return this.sub.consensusAgo(lag);
  }
}
