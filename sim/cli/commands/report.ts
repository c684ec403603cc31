// `taosim report DIR`: rebuilds summary.csv, aggregate.csv, charts/ and report.html from an existing
// run folder (interfaces.md); on a study folder (`taosim.study/1`), its charts and report.html from the
// study's CSVs. Exit 2 when DIR is not a complete run or study folder (no manifest.json).
// The report builder (vega) is imported when the command runs.
import { statSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { processContext, type CliContext } from "../context.js";
import { TaosimInputError } from "../errors.js";

export interface ReportCommandOptions {
  quiet?: boolean;
}

/** Checks that `dir` is a complete run folder; throws the input error the CLI prints otherwise. */
export function assertRunFolder(dir: string): void {
  let found: string;
  try {
    if (!statSync(dir).isDirectory()) found = "a file";
    else if (statSync(join(dir, "manifest.json"), { throwIfNoEntry: false })?.isFile()) return;
    else found = "no manifest.json (the run is missing or did not finish)";
  } catch {
    found = "nothing (no such directory)";
  }
  throw new TaosimInputError({ file: dir, expected: "a complete run folder (a directory with manifest.json)", found, code: "file-read" });
}

/** A study folder (`taosim.study/1`): charts and report.html rebuilt by sim/studies from its CSVs. */
async function rebuildStudy(dir: string, options: ReportCommandOptions, ctx: CliContext): Promise<void> {
  const { rebuildStudyReport, StudyFolderError } = await import("../../studies/rebuildStudyReport.js");
  let result;
  try {
    result = await rebuildStudyReport(dir);
  } catch (error) {
    if (!(error instanceof StudyFolderError)) throw error;
    throw new TaosimInputError({ file: error.dir, expected: error.expected, found: error.found, code: "file-read" });
  }
  for (const w of result.warnings) ctx.io.writeErr(`taosim: ${w}\n`);
  if (options.quiet !== true) ctx.io.writeOut(`report: ${result.reportPath} (study ${result.study})\n`);
}

export function register(program: Command, ctx: CliContext = processContext): void {
  program
    .command("report")
    .description("rebuild report.html, charts/, summary.csv and aggregate.csv from an existing run (or study) folder")
    .argument("<dir>", "a run or study folder written by `taosim run`")
    .option("--quiet", "print nothing")
    .action(async (dir: string, options: ReportCommandOptions) => {
      assertRunFolder(dir);
      const { buildReport } = await import("../../../reports/buildReport.js");
      const { ManifestFormatError } = await import("../../../reports/tables/readManifest.js");
      const { STUDY_MANIFEST_FORMAT } = await import("../../studies/studyFiles.js");
      try {
        await buildReport(dir, { quiet: options.quiet === true, writeOut: (text) => ctx.io.writeOut(text) });
      } catch (error) {
        if (!(error instanceof ManifestFormatError)) throw error;
        if (error.format === STUDY_MANIFEST_FORMAT) return rebuildStudy(dir, options, ctx);
        throw new TaosimInputError({
          file: join(dir, "manifest.json"), path: "format", expected: `a run manifest (format taosim.manifest/1) or a study manifest (${STUDY_MANIFEST_FORMAT})`,
          found: error.format, code: "file-read",
        });
      }
    });
}
