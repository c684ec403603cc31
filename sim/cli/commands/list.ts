// `taosim list [--json]`: the built-in scenarios with their one-line descriptions.
import type { Command } from "commander";
import { listBuiltins, type BuiltinInfo } from "../../../scenarios/library.js";
import { processContext, type CliContext } from "../context.js";

/** Name column padded to the longest name, two spaces, description; one line each. */
export function formatBuiltinTable(builtins: readonly BuiltinInfo[]): string {
  const width = Math.max(0, ...builtins.map((b) => b.name.length));
  return builtins.map((b) => `${b.name.padEnd(width)}  ${b.description}`.trimEnd() + "\n").join("");
}

/** `[{ name, description }, …]`, 2-space JSON with a trailing newline. */
export function formatBuiltinJson(builtins: readonly BuiltinInfo[]): string {
  return `${JSON.stringify(builtins.map(({ name, description }) => ({ name, description })), null, 2)}\n`;
}

export function register(program: Command, ctx: CliContext = processContext): void {
  program
    .command("list")
    .description("list the built-in scenarios with one-line descriptions")
    .option("--json", "print a JSON array of { name, description }")
    .action((options: { json?: boolean }) => {
      const builtins = listBuiltins();
      ctx.io.writeOut(options.json ? formatBuiltinJson(builtins) : formatBuiltinTable(builtins));
    });
}
