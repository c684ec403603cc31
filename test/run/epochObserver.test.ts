// executeRun's epoch observer (used by taosim explain): it sees each epoch right after its neuron rows, and
// stopping there leaves exactly the rows a full run has up to that point; the engine is otherwise untouched.
import { describe, expect, it } from "vitest";
import { resolveScenario } from "../../scenarios/schema.js";
import { executeRun } from "../../sim/run/runTask.js";
import { csvRows } from "../../sim/run/tableCsv.js";

const scenario = resolveScenario({
  name: "observer",
  duration: { blocks: 1200 },
  chain: { totalIssuance: 1000000 },
  subnets: [
    { tempo: 100, validators: [{ count: 3, stakeWeight: "1 / (i + 1)" }], miners: [{ count: 6, drift: 0.02 }] },
    { tempo: 150, validators: [{ count: 2 }], miners: [{ count: 4 }] },
  ],
});
const spec = { index: 0, point: 0, replicate: 0, seed: 42, params: {} };

describe("executeRun epochObserver", () => {
  it("sees every epoch in order and, stopped after epoch 4 of netuid 2, keeps exactly the full run's rows up to it", () => {
    const full = executeRun(spec, scenario);
    const seen: string[] = [];
    const stopped = executeRun(spec, scenario, {
      epochObserver: {
        start: (world) => void seen.push(`start ${world.subnets.length}`),
        afterEpoch: (world, netuid, block) => {
          seen.push(`${netuid}@${block}#${world.econ.epochIndex[netuid]}`);
          return netuid === 2 && world.econ.epochIndex[netuid] === 4;
        },
      },
    });
    expect(seen[0]).toBe("start 2");
    expect(seen.at(-1)).toMatch(/^2@\d+#4$/);
    expect(stopped.stoppedAt).toBe(Number(/@(\d+)#/.exec(seen.at(-1)!)![1]));
    expect(full.stoppedAt).toBeUndefined();
    const rows = csvRows(stopped.tables.neurons);
    expect(rows.length).toBeGreaterThan(0);
    expect(csvRows(full.tables.neurons).startsWith(rows)).toBe(true);
    const lastRow = rows.trim().split("\n").at(-1)!.split(",");
    expect([lastRow[3], lastRow[4]]).toEqual(["2", "4"]); // netuid 2, epoch 4 is the last sampled
  });
});
