// `taosim show <name>`: prints a built-in scenario's YAML, to copy and edit, or a built-in study's
// description and settings (exit 2 on an unknown name).
import type { Command } from "commander";
import { builtinNames, builtinText } from "../../../scenarios/library.js";
import { didYouMean } from "../../../scenarios/schemaAt.js";
import { processContext, type CliContext } from "../context.js";
import { TaosimInputError } from "../errors.js";
import { isStudyName, STUDY_NAMES } from "../../studies/studyRegistry.js";
import { describeStudy } from "./runStudyCommand.js";

/** The YAML text of built-in `name`; a TaosimInputError naming the built-ins for anything else. */
export function showBuiltin(name: string): string {
  const text = builtinText(name);
  if (text !== null) return text;
  if (isStudyName(name)) return describeStudy(name);
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
    .action((name: string) => {
      ctx.io.writeOut(showBuiltin(name));
    });
}
