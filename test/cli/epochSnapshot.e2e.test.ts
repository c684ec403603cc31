// `taosim epoch --snapshot` as a user runs it: a real process (the built CLI when present, else tsx).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BUILT = `${ROOT}dist/sim/cli/main.js`;

function taosim(args: string[]) {
  const argv = existsSync(BUILT) ? [BUILT, ...args] : ["--import", "tsx", `${ROOT}sim/cli/main.ts`, ...args];
  const r = spawnSync(process.execPath, argv, { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("taosim epoch --snapshot (end to end)", () => {
  it("runs the built-in sn15 snapshot's next epoch", () => {
    const r = taosim(["epoch", "--snapshot", "scenarios/snapshots/sn15-4769998.json", "--netuid", "15"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    const result = JSON.parse(r.out) as { format: string; stakeWeight: number[] };
    expect(result.format).toBe("taosim.epochResult/1");
    expect(result.stakeWeight[2]).toBe(22806); // 1,894,367.1 / 5,443,579.6 TAO · 65535 = 22806.2
  });

  it("exits 2 with nothing on stdout for a missing snapshot", () => {
    const r = taosim(["epoch", "--snapshot", "no/such/snapshot.json", "--netuid", "15"]);
    expect([r.code, r.out, r.err]).toEqual([2, "", "taosim: no/such/snapshot.json: expected a readable snapshot file, found no such file (ENOENT)\n"]);
  });
});
