// The report's "Largest changes, explained" section: per subnet, the neurons of the first task whose
// dividends / incentive changed most from the first to the last sampled epoch, each with its explain command.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildReport } from "../../reports/buildReport.js";
import { explainCommand, LargestChanges } from "../../reports/metrics/largestChanges.js";
import { writeFixtureRun } from "./fixtureRun.js";

const COLS = ["task", "netuid", "epoch", "uid", "hotkey", "role", "dividends", "incentive"];
const column = (name: string) => COLS.indexOf(name);
const row = (netuid: number, epoch: number, uid: number, hotkey: string, role: string, dividends: number, incentive: number) =>
  ["0", String(netuid), String(epoch), String(uid), hotkey, role, String(dividends), String(incentive)];

describe("LargestChanges", () => {
  it("picks per subnet the validator dividends and miner incentive that fell and rose most, same hotkey only", () => {
    const c = new LargestChanges(column, 0);
    for (const [e, d0, d1, i2, i3, hk3] of [[1, 100, 200, 50, 70, "m"], [2, 100, 260, 50, 70, "m"], [3, 40, 300, 20, 900, "new"]] as const) {
      c.add(row(1, e, 0, "v0", "validator:honest", d0, 0));
      c.add(row(1, e, 1, "v1", "validator:copier", d1, 0));
      c.add(row(1, e, 2, "m2", "miner", 0, i2));
      c.add(row(1, e, 3, hk3, "miner", 0, i3)); // re-registered at epoch 3: not a change of one neuron
      c.add(row(1, e, 4, "", "empty", 0, 0));
    }
    expect(c.finish()).toEqual([
      { netuid: 1, uid: 0, hotkey: "v0", role: "validator:honest", what: "dividends", direction: "fell", from: 100, to: 40, fromEpoch: 1, toEpoch: 3 },
      { netuid: 1, uid: 1, hotkey: "v1", role: "validator:copier", what: "dividends", direction: "rose", from: 200, to: 300, fromEpoch: 1, toEpoch: 3 },
      { netuid: 1, uid: 2, hotkey: "m2", role: "miner", what: "incentive", direction: "fell", from: 50, to: 20, fromEpoch: 1, toEpoch: 3 },
    ]);
  });

  it("spells the explain command, quoting a folder with spaces", () => {
    const ch = { netuid: 3, uid: 7, hotkey: "h", role: "miner", what: "incentive", direction: "fell", from: 2, to: 1, fromEpoch: 1, toEpoch: 9 } as const;
    expect(explainCommand("out/default", 2, ch)).toBe("taosim explain out/default --netuid 3 --uid 7 --epoch 9 --task 2");
    expect(explainCommand("my runs/it's", 0, ch)).toBe("taosim explain 'my runs/it'\\''s' --netuid 3 --uid 7 --epoch 9 --task 0");
  });
});

describe("report.html section", () => {
  const dir = writeFixtureRun();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it("names the miners whose incentive fell and rose most, with their commands", async () => {
    await buildReport(dir, { quiet: true });
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html).toContain('<section id="explain">');
    // fixture task 0: miner 4 incentive 0.3 → 0.2, miner 5 0.2 → 0.3 (epochs 0 → 1); validators unchanged
    expect(html).toContain(`incentive fell 0.3 → 0.2 (epochs 0 → 1)</td><td class="text"><code>taosim explain ${dir} --netuid 1 --uid 4 --epoch 1 --task 0</code>`);
    expect(html).toContain(`incentive rose 0.2 → 0.3 (epochs 0 → 1)</td><td class="text"><code>taosim explain ${dir} --netuid 1 --uid 5 --epoch 1 --task 0</code>`);
    expect(html).not.toContain("dividends fell");
  });
});
