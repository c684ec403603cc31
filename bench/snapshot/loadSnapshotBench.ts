// Times reading + validating a 128-subnet × 256-uid snapshot (issue target: ≤ 3 s), 64 validators
// per subnet with full weight and bond rows (≈ 4.2M sparse entries, ≈ 50 MB of JSON).
//   npx tsx bench/snapshot/loadSnapshotBench.ts [subnets] [uids] [validators]
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkSnapshotFile } from "../../sim/snapshot/loadSnapshot.js";
import { formatSnapshotText } from "../../sim/snapshot/formatSnapshotText.js";
import { generateSnapshot } from "./generateSnapshot.js";

const [subnets = 128, uids = 256, validators = 64] = process.argv.slice(2).map(Number);
const dir = mkdtempSync(join(tmpdir(), "taosim-snapshot-bench-"));
try {
  const file = join(dir, "big.snapshot.json");
  writeFileSync(file, formatSnapshotText(generateSnapshot({ subnets, uids, validators })));
  const mb = statSync(file).size / 1e6;
  const runs: string[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const check = checkSnapshotFile(file);
    const cpu = process.cpuUsage(cpu0);
    runs.push(`${((performance.now() - t0) / 1000).toFixed(2)} s wall / ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s cpu`);
    if (!check.ok) throw new Error(check.errors.slice(0, 5).map((e) => e.message).join("\n"));
  }
  // On a shared machine wall time includes waiting for a core; cpu time is this process's own work.
  process.stdout.write(`snapshot ${subnets} subnets × ${uids} uids (${validators} validators each), ${mb.toFixed(1)} MB: load+validate ${runs.join("; ")}\n`);
} finally {
  rmSync(dir, { recursive: true });
}
