// Every file is written to `name.tmp-<pid>` and renamed when complete (architecture.md), so a reader
// (or `--resume` after a kill) never sees a half-written file under its final name.
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";

const TEMP_SUFFIX = /\.tmp-\d+$/;

// One implementation of the temp-then-rename write, shared with the report writers.
export { temporaryPath as temporaryName, writeFileAtomic as writeAtomic } from "../../reports/tables/writeFileAtomic.js";

/** Removes temporary files left in `dir` by a killed process. */
export async function removeStaleTemporaries(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => TEMP_SUFFIX.test(n)).map((n) => rm(join(dir, n), { force: true })));
}
