// Samplers: plain read-only functions `(view, block) => rows`, registered by name per table
// (Mesa's DataCollector, declaratively). The run prefixes task, point and replicate.
import { TWO32 } from "../../models/chainConstants.js";
import type { SubnetWorld } from "../world/SubnetWorld.js";
import type { World } from "../world/World.js";
import { Role } from "../world/roles.js";
import { scheduledBlockEmission, spotPrice } from "../world/economyAdapter.js";
import { rootProportion, taoWeight96 } from "../../models/emission/rootProportion.js";
import type { Cell, ColumnSpec } from "./ColumnTable.js";

export type TableName = "neurons" | "subnets" | "chain";

/** What a sampler may read: the world and, for neuron rows, the subnet whose epoch just ran. */
export interface SampleView {
  readonly world: World;
  readonly subnet: SubnetWorld | null;
}

export interface Sampler {
  table: TableName;
  columns: readonly ColumnSpec[];
  sample(view: SampleView, block: number): Cell[][];
}

const f = (name: string): ColumnSpec => ({ name, kind: "f64" });
const u = (name: string): ColumnSpec => ({ name, kind: "u64" });
const s = (name: string): ColumnSpec => ({ name, kind: "str" });

function roleName(sub: SubnetWorld, uid: number): string {
  switch (sub.role[uid]) {
    case Role.validator:
      return `validator:${sub.strategy[uid]}`;
    case Role.miner:
      return sub.strategy[uid] === "sybil" ? "miner:sybil" : "miner";
    case Role.owner:
      return "owner";
    default:
      return "empty";
  }
}

/** neurons.csv: one row per uid after each epoch (interfaces.md columns, then model-specific ones). */
export const neuronsSampler: Sampler = {
  table: "neurons",
  columns: [
    f("netuid"), f("epoch"), f("block"), f("uid"), f("hotkey"), s("role"), f("stake_weight"), f("consensus"), f("incentive"),
    f("dividends"), f("validator_trust"), u("server_emission"), u("validator_emission"),
    u("alpha_stake"), u("root_stake"), f("true_quality"), s("strategy"), f("active"), f("validator_permit"),
  ],
  sample({ world, subnet }, block) {
    const sub = subnet as SubnetWorld;
    const out = sub.lastOutput;
    if (out === null) return [];
    const e = world.econ;
    const i = sub.netuid;
    const rows: Cell[][] = [];
    const epoch = e.epochIndex[i];
    for (let uid = 0; uid < Math.min(sub.n, out.consensus.length); uid++) {
      const hk = e.uidHotkey[i][uid];
      rows.push([
        sub.publicNetuid, epoch, block, uid, hk, roleName(sub, uid), out.stakeWeight[uid], out.consensus[uid], out.incentive[uid],
        out.dividends[uid], out.validatorTrust[uid], BigInt(out.serverEmission[uid]), BigInt(out.validatorEmission[uid]),
        hk >= 0 ? e.keys.stake[i][hk] : 0n, hk >= 0 ? e.keys.stake[0][hk] : 0n, sub.trueQuality[uid], sub.strategy[uid] || roleName(sub, uid),
        out.active[uid], out.validatorPermit[uid],
      ]);
    }
    return rows;
  },
};

/** subnets.csv: one row per subnet at each sample block. */
export const subnetsSampler: Sampler = {
  table: "subnets",
  columns: [
    f("netuid"), f("block"), f("price"), u("tao_reserve"), u("alpha_reserve"), u("alpha_outstanding"), u("tao_in_total"),
    u("alpha_in_total"), u("owner_alpha_total"), u("miner_alpha_total"), u("validator_alpha_total"), u("root_alpha_total"),
    u("recycled_alpha_total"), f("registrations_total"), u("burn"),
    f("moving_price"), u("excess_tao_total"), u("alpha_out_total"), u("burned_alpha_total"), f("epoch"), f("neurons"),
    f("emission_share"), u("tao_chain_bought_total"), u("alpha_sold_total"), u("root_claimed_alpha_total"), f("miner_burned"),
    f("root_proportion"),
  ],
  sample({ world }, block) {
    const e = world.econ;
    const w = taoWeight96(e);
    return world.subnets.map((sub) => {
      const i = sub.netuid;
      return [
        sub.publicNetuid, block, spotPrice(e, i), e.subnetTao[i], e.alphaIn[i], e.alphaOut[i], e.taoInTotal[i] + e.excessTaoTotal[i],
        e.alphaInTotal[i], e.ownerAlphaTotal[i], e.minerAlphaTotal[i], e.validatorAlphaTotal[i], e.rootAlphaTotal[i],
        e.recycledAlphaTotal[i], sub.registrationsTotal, sub.reg.burn,
        Number(e.movingPrice[i]) / TWO32, e.excessTaoTotal[i], e.alphaOutTotal[i], e.burnedAlphaTotal[i], e.epochIndex[i], sub.n,
        // tao_emission = tao_in + excess of the last block, as a share of what it minted
        e.blockEmission > 0n ? Number(e.taoInEmission[i] + e.excessTao[i]) / Number(e.blockEmission) : 0,
        e.excessTaoTotal[i], world.alphaSold[i] ?? 0n, world.rootClaimedAlpha[i] ?? 0n, Number(e.minerBurned[i]) / TWO32,
        Number(rootProportion(e, i, w)) / TWO32, // U96F32
      ];
    });
  },
};

/** chain.csv: one row per sample block. */
export const chainSampler: Sampler = {
  table: "chain",
  columns: [
    f("block"), u("total_issuance"), u("block_emission"), u("total_stake"), u("free_balance_total"), u("other_tao"), u("recycled_tao_total"),
    u("root_stake_total"), u("root_claimed_total"), u("block_emission_tao_per_block"), f("tao_weight"),
  ],
  sample({ world }, block) {
    const e = world.econ;
    return [[
      block, e.totalIssuance, e.blockEmission, e.totalStake, e.freeBalanceTotal, e.otherTao, e.recycledTaoTotal,
      e.subnetTao[0], world.rootClaimedTao, scheduledBlockEmission(e, world.schedule), Number(taoWeight96(e)) / TWO32, // get_tao_weight, U96F32
    ]];
  },
};

/** The registry: samplers by name. */
export const SAMPLERS: ReadonlyMap<string, Sampler> = new Map([
  ["neurons", neuronsSampler],
  ["subnets", subnetsSampler],
  ["chain", chainSampler],
]);
