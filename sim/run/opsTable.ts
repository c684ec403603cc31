// ops.csv (docs/interfaces.md): the operations log of one task as a table, netuids in the scenario's
// numbering, reserves empty for operations without a swap.
import type { OpsLog } from "../world/opsLog.js";
import type { SubnetWorld } from "../world/SubnetWorld.js";
import { ColumnTable, type Cell, type ColumnSpec } from "./ColumnTable.js";

const f = (name: string): ColumnSpec => ({ name, kind: "f64" });
const u = (name: string): ColumnSpec => ({ name, kind: "u64" });
const s = (name: string): ColumnSpec => ({ name, kind: "str" });

export const OPS_COLUMNS: readonly ColumnSpec[] = [
  f("block"), f("seq"), s("op"), f("coldkey"), f("hotkey"), f("netuid"), f("origin_netuid"),
  u("amount_in"), u("amount_out"), u("fee"),
  s("tao_reserve_before"), s("alpha_reserve_before"), s("tao_reserve_after"), s("alpha_reserve_after"), s("quote_weight"), s("result"),
];

const opt = (v: bigint | null): string => (v === null ? "" : v.toString());

/** The log as a table (task, point, replicate prefix first); seq numbers operations within the task. */
export function opsTable(log: OpsLog, subnets: readonly SubnetWorld[], prefix: readonly Cell[], prefixColumns: readonly ColumnSpec[]): ColumnTable {
  const t = new ColumnTable([...prefixColumns, ...OPS_COLUMNS]);
  const publicNetuid = (slot: number): number => (slot <= 0 ? slot : (subnets[slot - 1]?.publicNetuid ?? slot));
  log.rows.forEach((r, seq) => {
    t.push(
      [
        r.block, seq, r.op, r.coldkey, r.hotkey, publicNetuid(r.netuid), publicNetuid(r.originNetuid),
        r.amountIn, r.amountOut, r.fee,
        opt(r.taoBefore), opt(r.alphaBefore), opt(r.taoAfter), opt(r.alphaAfter), opt(r.quoteWeight), r.result,
      ],
      prefix,
    );
  });
  return t;
}
