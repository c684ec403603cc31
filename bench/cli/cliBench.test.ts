import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { benchCli, builtCliPath, childrenCpuSeconds } from "./cliBench.js";

describe("benchCli", () => {
  it("reads the children's user + sys ticks from /proc/self/stat (fields 16 and 17, after a name with spaces)", () => {
    const stat = "4242 (node a b) S 1 2 3 4 5 6 7 8 9 10 11 12 150 50 20 0 1 0";
    expect(childrenCpuSeconds(stat)).toBe(2); // (150 + 50) ticks / 100
    expect(childrenCpuSeconds(null)).toBeNull();
  });

  const built = (() => { try { return existsSync(builtCliPath()); } catch { return false; } })();
  it.skipIf(!built)("times --help and quote in child processes, one wall row (and one cpu row on Linux) per case", { timeout: 120_000 }, async () => {
    const rows = await benchCli(0.15);
    const cases = rows.map((r) => r.case);
    expect(cases.filter((c) => c.includes("wall"))).toEqual(["--help wall (3 runs)", "quote stake wall (3 runs)"]);
    for (const r of rows) {
      expect(r.suite).toBe("cli");
      expect(r.median_us).toBeGreaterThan(0);
    }
  });
});
