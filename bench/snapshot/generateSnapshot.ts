// A synthetic but mainnet-shaped taosim.snapshot/1 for load benchmarks: `subnets` subnets of `uids`
// neurons, the first `validators` uids of each with a full weight row and a full bond row, a pool,
// and root stake rows for the validators' hotkeys (shared across subnets, as on mainnet).
// Deterministic: values come from uid/netuid arithmetic, no randomness.
import type { SnapshotInput } from "../../sim/snapshot/snapshotSchema.js";

export interface SnapshotShape {
  subnets: number;
  uids: number;
  validators: number;
}

export function generateSnapshot({ subnets, uids, validators }: SnapshotShape): SnapshotInput {
  const rootStakes = Array.from({ length: validators }, (_, v) => ({ hotkey: `5Validator${v}`, coldkey: `5Owner${v}`, tao: String((v + 1) * 1_000_000_000_000) }));
  const totalRoot = rootStakes.reduce((a, r) => a + BigInt(r.tao), 0n);
  return {
    format: "taosim.snapshot/1",
    source: { network: "synthetic", block: 5_000_000 },
    chain: { totalIssuance: String(totalRoot * 2n) },
    rootStakes,
    subnets: Array.from({ length: subnets }, (_, s) => {
      const netuid = s + 1;
      const neurons = Array.from({ length: uids }, (_, uid) => {
        const isValidator = uid < validators;
        const row = isValidator ? Array.from({ length: uids }, (_, j) => [j, (j * 7919 + uid * 104_729 + netuid) % 65_536] as [number, number]) : [];
        return {
          uid,
          hotkey: isValidator ? `5Validator${uid}` : `5Miner${netuid}x${uid}`,
          coldkey: isValidator ? `5Owner${uid}` : `5MinerOwner${netuid}x${uid}`,
          alphaStake: String(isValidator ? (uid + 1) * 10_000_000_000_000 : (uid % 7) * 1_000_000_000),
          lastUpdate: 4_999_000 + (uid % 900),
          blockAtRegistration: 1_000 + uid * 17,
          validatorPermit: isValidator,
          weights: row,
          bonds: row,
        };
      });
      const staked = neurons.reduce((a, n) => a + BigInt(n.alphaStake), 0n);
      return {
        netuid,
        tempo: 360,
        lastEpochBlock: 4_999_800 + (netuid % 200),
        lastMechanismStepBlock: 4_999_800 + (netuid % 200),
        firstEmissionBlock: 3_000_000,
        pool: { taoReserve: "100000000000000", alphaReserve: "400000000000000" },
        alphaOut: String(staked + 200_000_000_000n + 1_000_000_000n), // the stakes, the pending buckets and some unowned dust
        movingPriceI96F32: "1073741824",
        pendingServerEmission: "100000000000",
        pendingValidatorEmission: "100000000000",
        neurons,
      };
    }),
  };
}
