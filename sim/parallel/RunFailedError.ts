// A sweep in which some tasks failed (exit code 1, interfaces.md): the other tasks' outputs and the
// manifest are written; the message lists the failed tasks with their seeds and errors.
import type { ManifestTaskRow } from "./manifest.js";

export class RunFailedError extends Error {
  override readonly name = "RunFailedError";
  readonly code = "RUN_FAILED";
  readonly exitCode = 1;

  constructor(readonly failures: readonly ManifestTaskRow[], readonly outDir: string) {
    super(describeFailures(failures, outDir));
  }

  /** The lines printed on stderr (no stack: the failure is the task's, recorded in the manifest). */
  format(): string {
    return this.message;
  }
}

function describeFailures(failures: readonly ManifestTaskRow[], outDir: string): string {
  const lines = failures.slice(0, 20).map((f) => `taosim: task ${f.index} (point ${f.point}, replicate ${f.replicate}, seed ${f.seed}) failed: ${f.error?.message ?? "unknown error"}`);
  if (failures.length > 20) lines.push(`taosim: … and ${failures.length - 20} more`);
  lines.push(`taosim: ${failures.length} task${failures.length === 1 ? "" : "s"} failed; see ${outDir}/manifest.json (rerun with --resume to finish them)`);
  return lines.join("\n");
}
