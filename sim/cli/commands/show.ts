// `taosim show <name>`: prints a built-in scenario's YAML, to copy and edit (exit 2 on an unknown name).
import type { Command } from "commander";
import { builtinNames, builtinText } from "../../../scenarios/library.js";
import { didYouMean } from "../../../scenarios/schemaAt.js";
import { processContext, type CliContext } from "../context.js";
import { TaosimInputError } from "../errors.js";

/** The YAML text of built-in `name`; a TaosimInputError naming the built-ins for anything else. */
export function showBuiltin(name: string): string {
  const text = builtinText(name);
  if (text !== null) return text;
  const names = builtinNames();
  const hint = didYouMean(name, names);
  throw new TaosimInputError({
    path: "<name>",
    expected: hint ? `a built-in scenario name (did you mean "${hint}"?)` : `a built-in scenario name (${names.join(", ")})`,
    found: JSON.stringify(name),
    code: "cli-option",
  });
}

export function register(program: Command, ctx: CliContext = processContext): void {
  program
    .command("show")
    .description("print a built-in scenario's YAML (to copy and edit)")
    .argument("<name>", "a built-in scenario name (see `taosim list`)")
    .action((name: string) => {
      ctx.io.writeOut(showBuiltin(name));
    });
}
