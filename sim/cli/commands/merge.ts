// `taosim merge DIR… --out DIR`: joins `--shard i/n` run folders into the folder a single run would
// have written (exit 2 for folders of different runs or a missing/duplicated task, 1 when a merged
// task had failed). The merge and the report are imported when the command runs.
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { CommandExit } from "../errors.js";

export function register(program: Command, ctx: CliContext): void {
  program
    .command("merge")
    .description("merge shard folders of one sweep (taosim run --shard i/n) into one run folder")
    .argument("<dirs...>", "shard output folders")
    .requiredOption("--out <dir>", "folder to write")
    .option("--quiet", "print nothing on success")
    .action(async (dirs: string[], opts: { out: string; quiet?: boolean }) => {
      const { mergeRuns } = await import("../../parallel/mergeRuns.js");
      const { buildReport } = await import("../../../reports/buildReport.js");
      const { RunFailedError } = await import("../../parallel/RunFailedError.js");
      const result = await mergeRuns(dirs, opts.out);
      await buildReport(opts.out, { quiet: true }); // summary, aggregate, charts and report.html, as a single run writes
      if (result.failures.length > 0) {
        ctx.io.writeErr(`${new RunFailedError(result.failures, opts.out).format()}\n`);
        throw new CommandExit(1);
      }
      if (!opts.quiet) ctx.io.writeOut(`merged ${result.manifest.tasks.length} tasks from ${dirs.length} folders into ${opts.out}\n`);
    });
}
