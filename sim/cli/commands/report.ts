// `taosim report DIR`: rebuilds summary.csv, aggregate.csv, charts/ and report.html from an existing
// run folder (interfaces.md). Exit 2 when DIR is not a complete run folder (no manifest.json).
import { statSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { buildReport } from "../../../reports/buildReport.js";
import { ManifestFormatError } from "../../../reports/tables/readManifest.js";
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

export function register(program: Command, ctx: CliContext = processContext): void {
  program
    .command("report")
    .description("rebuild report.html, charts/, summary.csv and aggregate.csv from an existing run folder")
    .argument("<dir>", "a run folder written by `taosim run`")
    .option("--quiet", "print nothing")
    .action(async (dir: string, options: ReportCommandOptions) => {
      assertRunFolder(dir);
      try {
        await buildReport(dir, { quiet: options.quiet === true, writeOut: (text) => ctx.io.writeOut(text) });
      } catch (error) {
        if (!(error instanceof ManifestFormatError)) throw error;
        const found = `${error.format}${error.format === "taosim.study/1" ? " (a study folder: its report is written by `taosim run`)" : ""}`;
        throw new TaosimInputError({ file: join(dir, "manifest.json"), path: "format", expected: "a run manifest (format taosim.manifest/1)", found, code: "file-read" });
      }
    });
}
