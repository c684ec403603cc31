import { describe, expect, it } from "vitest";
import { resolveScenario } from "../../scenarios/schema.js";
import { executeRun } from "./runTask.js";
import { csvHeader, csvRows } from "./tableCsv.js";

const spec = { index: 0, point: 0, replicate: 0, seed: 3, params: {} };
const scenario = (ops: boolean) =>
  resolveScenario({
    name: "ops", duration: { blocks: 60 }, chain: { totalIssuance: 100000 },
    subnets: [{ netuid: 7, tempo: 20, hyperparameters: { weightsSetRateLimit: 0 }, validators: [{ count: 2 }], miners: [{ count: 4 }], users: [{ strategy: "demand", taoPerDay: 7200, everyBlocks: 25 }] }],
    sample: { ops, subnetsEveryBlocks: 30, chainEveryBlocks: 30 },
  });

describe("ops.csv", () => {
  it("lists every operation in application order with the chain's names, and recording it changes no other table", () => {
    const on = executeRun(spec, scenario(true));
    const off = executeRun(spec, scenario(false));
    expect(off.tables.ops).toBeUndefined();
    for (const t of ["neurons", "subnets", "chain"] as const) expect(csvRows(on.tables[t])).toBe(csvRows(off.tables[t]));
    const ops = on.tables.ops!;
    expect(csvHeader(ops)).toBe(
      "task,point,replicate,block,seq,op,coldkey,hotkey,netuid,origin_netuid,amount_in,amount_out,fee,tao_reserve_before,alpha_reserve_before,tao_reserve_after,alpha_reserve_after,quote_weight,result",
    );
    const rows = csvRows(ops).trim().split("\n").map((l) => l.split(","));
    const names = rows.map((r) => r[5]);
    // validators commit after each epoch (blocks 20, 40), the chain reveals at the next epoch's block before its coinbase
    expect(names.filter((n) => n === "commit_timelocked_weights").length).toBe(4);
    expect(names.filter((n) => n === "add_stake").length).toBe(2); // the users' purchases at blocks 25 and 50
    expect(rows.filter((r) => r[5] === "reveal_weights").map((r) => r[3])).toEqual(["40", "40"]);
    expect(rows.every((r) => r[8] === "7")).toBe(true); // the scenario's netuid
    // without root stake all TAO emission chain-buys alpha every block (get_subnet_terms: alpha_in capped at 0)
    const buys = rows.filter((r) => r[5] === "chain_buy");
    expect(buys.length).toBe(60);
    for (const b of buys) {
      expect(BigInt(b[10])).toBeGreaterThan(0n); // TAO in
      expect(BigInt(b[11])).toBeGreaterThan(0n); // alpha out
      expect(BigInt(b[15]) - BigInt(b[13])).toBe(BigInt(b[10])); // the pool gained exactly the TAO paid in
      expect(BigInt(b[14]) - BigInt(b[16])).toBe(BigInt(b[11])); // and lost exactly the alpha bought
    }
    expect(rows.map((r) => Number(r[4]))).toEqual(rows.map((_, k) => k));
    const blocks = rows.map((r) => Number(r[3]));
    expect(blocks).toEqual([...blocks].sort((a, b) => a - b));
  });
});
