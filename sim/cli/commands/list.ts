// `taosim list [--json]`: the built-in scenarios, then the built-in studies, with their one-line
// descriptions (JSON rows carry `kind: "scenario" | "study"`). The library is imported when the command runs.
import type { Command } from "commander";
import type { BuiltinInfo } from "../../../scenarios/library.js";
import { STUDY_DESCRIPTIONS, STUDY_NAMES } from "../../studies/studyRegistry.js";
import { processContext, type CliContext } from "../context.js";

/** Name column padded to the longest name, two spaces, description (a study's marked "(study)"); one line each. */
export function formatBuiltinTable(builtins: readonly (BuiltinInfo & { kind?: string })[]): string {
  const width = Math.max(0, ...builtins.map((b) => b.name.length));
  return builtins.map((b) => `${b.name.padEnd(width)}  ${b.kind === "study" ? "(study) " : ""}${b.description}`.trimEnd() + "\n").join("");
}

/** `[{ name, description }, …]` (plus `kind` when given), 2-space JSON with a trailing newline. */
export function formatBuiltinJson(builtins: readonly (BuiltinInfo & { kind?: string })[]): string {
  const rows = builtins.map(({ name, description, kind }) => (kind === undefined ? { name, description } : { name, description, kind }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** Built-in scenarios (sorted by name), then the built-in studies, each with its kind. */
export async function listBuiltinsAndStudies(): Promise<(BuiltinInfo & { kind: "scenario" | "study" })[]> {
  const { listBuiltins } = await import("../../../scenarios/library.js");
  return [
    ...listBuiltins().map((b) => ({ ...b, kind: "scenario" as const })),
    ...STUDY_NAMES.map((name) => ({ name, description: STUDY_DESCRIPTIONS[name], kind: "study" as const })),
  ];
}

export function register(program: Command, ctx: CliContext = processContext): void {
  program
    .command("list")
    .description("list the built-in scenarios and studies with one-line descriptions")
    .option("--json", "print a JSON array of { name, description, kind }")
    .action(async (options: { json?: boolean }) => {
      const builtins = await listBuiltinsAndStudies();
      ctx.io.writeOut(options.json ? formatBuiltinJson(builtins) : formatBuiltinTable(builtins));
    });
}
