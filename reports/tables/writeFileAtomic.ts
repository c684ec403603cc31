// Atomic file output: every report file is written to `name.tmp-<pid>` and renamed when complete,
// so a reader never sees a half-written file (architecture.md, "Errors and output").
import { rename, rm, writeFile } from "node:fs/promises";

/** The temporary name a file is written under before it is renamed to `path`. */
export function temporaryPath(path: string): string {
  return `${path}.tmp-${process.pid}`;
}

/** Writes `data` to `path` atomically (temporary file, then rename). */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = temporaryPath(path);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
