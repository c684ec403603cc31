// Every file is written to `name.tmp-<pid>` and renamed when complete (architecture.md), so a reader
// (or `--resume` after a kill) never sees a half-written file under its final name.
import { readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

const TEMP_SUFFIX = /\.tmp-\d+$/;

export function temporaryName(path: string): string {
  return `${path}.tmp-${process.pid}`;
}

export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = temporaryName(path);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** Removes temporary files left in `dir` by a killed process. */
export async function removeStaleTemporaries(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => TEMP_SUFFIX.test(n)).map((n) => rm(join(dir, n), { force: true })));
}
