// `taosim show <name>`: prints a built-in scenario's YAML, to copy and edit, or a built-in study's
// description and settings (exit 2 on an unknown name). The library is imported when the command runs.
import type { Command } from "commander";
import { processContext, type CliContext } from "../context.js";
import { TaosimInputError } from "../errors.js";
import { isStudyName, STUDY_NAMES } from "../../studies/studyRegistry.js";

/** The YAML text of built-in `name`; a TaosimInputError naming the built-ins for anything else. */
export async function showBuiltin(name: string): Promise<string> {
  const { builtinNames, builtinText } = await import("../../../scenarios/library.js");
  const text = builtinText(name);
  if (text !== null) return text;
  if (isStudyName(name)) return (await import("../../run/runBuiltinStudy.js")).describeStudy(name);
  const { didYouMean } = await import("../../../scenarios/schemaAt.js");
  const names = [...builtinNames(), ...STUDY_NAMES];
  const hint = didYouMean(name, names);
  throw new TaosimInputError({
    path: "<name>",
    expected: hint ? `a built-in scenario or study name (did you mean "${hint}"?)` : `a built-in scenario or study name (${names.join(", ")})`,
    found: JSON.stringify(name),
    code: "cli-option",
  });
}

export function register(program: Command, ctx: CliContext = processContext): void {
  program
    .command("show")
    .description("print a built-in scenario's YAML (to copy and edit) or a built-in study's settings")
    .argument("<name>", "a built-in scenario or study name (see `taosim list`)")
    .action(async (name: string) => {
      ctx.io.writeOut(await showBuiltin(name));
    });
}
