// Validator strategies (scenario `validators[].strategy`), each a small decision rule behind one
// interface. Called after every epoch of the validator's subnet; a proposal goes to the protocol,
// which quantises it as a client would, commits or sets it through the chain's checks and may refuse it.
import { observeQuality } from "./observedQuality.js";
import type { SubnetView, Uniform, WeightsAction } from "./types.js";
import { WeightBuffer } from "./weightBuffer.js";

export type ValidatorStrategyName = "honest" | "lazy" | "copier" | "cabal" | "late" | "replay";

/** The scenario parameters the strategies read (a superset of every group's fields). */
export interface ValidatorParams {
  strategy: ValidatorStrategyName;
  noiseSigma: number;
  stopAfterEpochs?: number | null;
  offlineProbability?: number;
  lagEpochs?: number;
  favours?: string;
  favourWeight?: number;
  revealDelayEpochs?: number;
}

export interface ValidatorAgent {
  readonly strategy: ValidatorStrategyName;
  readonly uid: number;
  /** A weight proposal for this epoch, or null (no extrinsic sent). */
  decide(view: SubnetView): WeightsAction | null;
}

export interface ValidatorContext {
  netuid: number;
  uid: number;
  capacity: number;
  /** Stream for measurement noise ("subnet/<netuid>/validator/<uid>/noise"). */
  noise: Uniform;
  /** Stream for availability draws ("subnet/<netuid>/validator/<uid>/offline"). */
  availability: Uniform;
}

/** Honest: weights follow observed quality (true quality + N(0, sigma)). */
function honest(p: ValidatorParams, ctx: ValidatorContext, buf: WeightBuffer): ValidatorAgent {
  return {
    strategy: "honest",
    uid: ctx.uid,
    decide(view) {
      buf.ensure(view.n);
      observeQuality(view, p.noiseSigma, ctx.noise, buf);
      return buf.action;
    },
  };
}

/** Lazy/offline: honest until `stopAfterEpochs`, then silent; skips an epoch with `offlineProbability`. */
function lazy(p: ValidatorParams, ctx: ValidatorContext, buf: WeightBuffer): ValidatorAgent {
  const base = honest(p, ctx, buf);
  let epochs = 0;
  return {
    strategy: "lazy",
    uid: ctx.uid,
    decide(view) {
      const stop = p.stopAfterEpochs ?? null;
      const offline = ctx.availability() < (p.offlineProbability ?? 0); // one draw per epoch
      if (stop !== null && epochs++ >= stop) return null;
      return offline ? null : base.decide(view);
    },
  };
}

/** Copier: submits the consensus of `lagEpochs` epochs ago (nothing until that exists). */
function copier(p: ValidatorParams, ctx: ValidatorContext, buf: WeightBuffer): ValidatorAgent {
  return {
    strategy: "copier",
    uid: ctx.uid,
    decide(view) {
      const c = view.consensusAgo(p.lagEpochs ?? 1);
      if (c === null) return null;
      buf.ensure(view.n);
      buf.clear();
      for (let uid = 0; uid < view.n; uid++) if (c[uid] > 0) buf.push(uid, c[uid]);
      return buf.action.len > 0 ? buf.action : null;
    },
  };
}

/** Cabal: `favourWeight` of its weight on the favoured miner group, the rest by observed quality. */
function cabal(p: ValidatorParams, ctx: ValidatorContext, buf: WeightBuffer): ValidatorAgent {
  return {
    strategy: "cabal",
    uid: ctx.uid,
    decide(view) {
      buf.ensure(view.n);
      observeQuality(view, p.noiseSigma, ctx.noise, buf);
      const own = view.labelIndex(p.favours ?? "cabal");
      const a = buf.action;
      let sumOwn = 0;
      let sumOther = 0;
      let countOwn = 0;
      for (let k = 0; k < a.len; k++) {
        if (view.minerLabel[a.uids[k]] === own) {
          sumOwn += a.weights[k];
          countOwn++;
        } else sumOther += a.weights[k];
      }
      const f = p.favourWeight ?? 0.8;
      for (let k = 0; k < a.len; k++) {
        const mine = view.minerLabel[a.uids[k]] === own;
        if (mine) a.weights[k] = sumOwn > 0 ? (f * a.weights[k]) / sumOwn : countOwn > 0 ? f / countOwn : 0;
        else a.weights[k] = sumOther > 0 ? ((1 - f) * a.weights[k]) / sumOther : 0;
      }
      return a;
    },
  };
}

/**
 * Late: honest weights that reach the chain `revealDelayEpochs` epochs after they were formed (a
 * validator that evaluates slowly), so its commits lag the network. The chain treats its extrinsics
 * like anyone's; until it has `revealDelayEpochs` older proposals it repeats its first one.
 */
function late(p: ValidatorParams, ctx: ValidatorContext, buf: WeightBuffer): ValidatorAgent {
  const base = honest(p, ctx, buf);
  const delay = Math.max(0, p.revealDelayEpochs ?? 1);
  const ring = Array.from({ length: delay + 1 }, () => new WeightBuffer(ctx.netuid, ctx.uid, ctx.capacity));
  let epochs = 0;
  return {
    strategy: "late",
    uid: ctx.uid,
    decide(view) {
      const fresh = base.decide(view) as WeightsAction;
      const slot = ring[epochs % ring.length];
      slot.copyFrom(fresh);
      epochs++;
      if (epochs <= delay) return ring[0].action;
      return ring[(epochs - 1 - delay) % ring.length].action;
    },
  };
}

/**
 * Replay: keeps sending the row it had when the run started (a validator imported from a snapshot,
 * whose evaluation the simulator does not know). Its stored u16 values as weights quantise back to
 * the same row.
 */
export function createReplayValidator(ctx: Pick<ValidatorContext, "netuid" | "uid">, uids: ArrayLike<number>, values: ArrayLike<number>): ValidatorAgent {
  const buf = new WeightBuffer(ctx.netuid, ctx.uid, uids.length);
  for (let k = 0; k < uids.length; k++) buf.push(uids[k], values[k]);
  return { strategy: "replay", uid: ctx.uid, decide: () => (buf.action.len > 0 ? buf.action : null) };
}

const FACTORIES: Record<Exclude<ValidatorStrategyName, "replay">, (p: ValidatorParams, c: ValidatorContext, b: WeightBuffer) => ValidatorAgent> = {
  honest,
  lazy,
  copier,
  cabal,
  late,
};

export function createValidatorAgent(p: ValidatorParams, ctx: ValidatorContext): ValidatorAgent {
  const factory = p.strategy === "replay" ? undefined : FACTORIES[p.strategy];
  if (factory === undefined) throw new Error(`unknown validator strategy ${String(p.strategy)}`);
  return factory(p, ctx, new WeightBuffer(ctx.netuid, ctx.uid, ctx.capacity));
}
