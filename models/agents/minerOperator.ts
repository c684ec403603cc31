// Miner strategies (scenario `miners[].strategy`): one operator per honest miner, or a sybil operator
// with k hotkeys of one quality. Per epoch the operator's quality may drift (random walk, clamped to
// [0, 1]) and it may leave (stop serving) or, when profitable, come back (registering again if it was
// pruned meanwhile). Draws per epoch are fixed in number: 2 for drift (when drift > 0), 1 for churn.
import { standardNormal } from "./normal.js";
import type { Uniform } from "./types.js";

export type MinerStrategyName = "honest" | "sybil";

export interface MinerParams {
  strategy: MinerStrategyName;
  drift: number;
  leaveProbability: number;
  joinWhenProfitable: boolean;
}

/** What the operator wants this epoch. */
export type MinerDecision = "stay" | "leave" | "rejoin";

export class MinerOperator {
  serving = true;

  constructor(
    readonly params: MinerParams,
    public quality: number,
    /** Run-wide hotkey ids of the operator (1 for honest, `hotkeys` for sybil). */
    readonly hotkeys: readonly number[],
    private readonly driftStream: Uniform,
    private readonly churnStream: Uniform,
  ) {}

  /** Random-walk step of the true quality. */
  drift(): void {
    if (this.params.drift <= 0) return;
    const q = this.quality + this.params.drift * standardNormal(this.driftStream);
    this.quality = q < 0 ? 0 : q > 1 ? 1 : q;
  }

  /**
   * Leave with `leaveProbability` while serving; while away, come back when the expected incentive
   * of one epoch (TAO) exceeds the registration burn (TAO), if `joinWhenProfitable`.
   */
  decide(expectedIncentiveTao: number, burnTao: number): MinerDecision {
    const u = this.churnStream();
    if (this.serving) return u < this.params.leaveProbability ? "leave" : "stay";
    if (this.params.joinWhenProfitable && expectedIncentiveTao > burnTao) return "rejoin";
    return "stay";
  }
}
