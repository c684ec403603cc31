// A scenario that starts from a snapshot (`start: { snapshot }`): its subnet list becomes the
// snapshot's subnets (each with the scenario's entry of the same netuid as overlay: populations,
// stakers, users, consensus) followed by the scenario's other subnets. The imported subnets' tempo and
// hyperparameters are the snapshot's where it gives them; the run starts at the snapshot's block.
// (Where the snapshot file is: snapshotPath.ts, which needs the scenario library; the engine does not.)
import { subnetSchema } from "../../scenarios/fields/subnet.js";
import type { ResolvedSubnet, Scenario } from "../../scenarios/schema.js";
import type { Snapshot, SnapshotSubnet } from "./snapshotSchema.js";

/** The block a run from this snapshot starts at: its source block, else the latest block it records. */
export function snapshotStartBlock(snapshot: Snapshot): number {
  const block = snapshot.source?.block ?? null;
  if (block !== null) return block;
  let b = 0;
  for (const s of snapshot.subnets) b = Math.max(b, s.lastEpochBlock, ...s.neurons.map((n) => n.lastUpdate));
  return b;
}

const rao = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(BigInt(s)) / 1e9);

function importedSubnet(snap: SnapshotSubnet, overlay: ResolvedSubnet | undefined): ResolvedSubnet {
  const base: ResolvedSubnet = overlay ?? { ...subnetSchema.parse({ validators: [], miners: [] }), netuid: snap.netuid, pool: { taoReserve: 0, alphaReserve: 0 } };
  const h = snap.hyperparameters;
  const defined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
  return {
    ...base,
    netuid: snap.netuid,
    tempo: snap.tempo,
    emissionEnabled: snap.emissionEnabled,
    hyperparameters: {
      ...base.hyperparameters,
      ...defined({
        activityCutoffFactorMilli: h.activityCutoffFactorMilli, kappa: h.kappa, bondsPenalty: h.bondsPenalty, bondsMovingAverage: h.bondsMovingAverage,
        yuma3: h.yuma3, liquidAlpha: h.liquidAlpha, alphaLow: h.alphaLow, alphaHigh: h.alphaHigh, alphaSigmoidSteepness: h.alphaSigmoidSteepness,
        maxAllowedValidators: h.maxAllowedValidators, immunityPeriod: h.immunityPeriod, minAllowedWeights: h.minAllowedWeights,
        weightsSetRateLimit: h.weightsSetRateLimit, commitReveal: h.commitReveal, revealPeriodEpochs: h.revealPeriodEpochs,
        burn: rao(h.burn), minBurn: rao(h.minBurn), maxBurn: rao(h.maxBurn),
        feeRate: snap.pool?.feeRate, registrationAllowed: snap.registrationAllowed,
      }),
      maxAllowedUids: Math.max(h.maxAllowedUids ?? base.hyperparameters.maxAllowedUids, snap.neurons.length),
    },
  };
}

/** The scenario as the engine runs it from `snapshot` (see the header). */
export function scenarioFromSnapshot(scenario: Scenario, snapshot: Snapshot): Scenario {
  const imported = new Set(snapshot.subnets.map((s) => s.netuid));
  const subnets = [
    ...snapshot.subnets.map((s) => importedSubnet(s, scenario.subnets.find((o) => o.netuid === s.netuid))),
    ...scenario.subnets.filter((s) => !imported.has(s.netuid)),
  ];
  return { ...scenario, subnets };
}

