// `taosim validate <scenario.yaml | built-in name>`: checks a scenario without running it and prints
// every problem (exit 2), or a one-line summary of what `taosim run` would do (exit 0).
// The scenario loader (zod, yaml, mathjs) is imported when the command runs.
import type { Command } from "commander";
import { processContext, type CliContext } from "../context.js";
import { isTaosimInputError, type TaosimInputError } from "../errors.js";

/** The summary printed for a valid scenario, or the input error listing every problem of an invalid one. */
export async function validateScenarioSource(source: string): Promise<{ ok: true; summary: string } | { ok: false; error: TaosimInputError }> {
  const { summarizeScenario } = await import("../../run/prepareRun.js");
  try {
    return { ok: true, summary: summarizeScenario(source) };
  } catch (err) {
    if (isTaosimInputError(err)) return { ok: false, error: err };
    throw err;
  }
}

export function register(program: Command, ctx: CliContext = processContext): void {
  program
    .command("validate")
    .description("check a scenario without running it; prints every problem")
    .argument("<scenario>", "a scenario YAML file or a built-in scenario name")
    .action(async (source: string) => {
      const result = await validateScenarioSource(source);
      if (!result.ok) throw result.error;
      ctx.io.writeOut(`${result.summary}\n`);
    });
}
