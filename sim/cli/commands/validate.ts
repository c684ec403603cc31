// `taosim validate <scenario.yaml | built-in name>`: checks a scenario without running it and prints
// every problem (exit 2), or a one-line summary of what `taosim run` would do (exit 0).
import type { Command } from "commander";
import { checkScenarioSource } from "../../../scenarios/loadScenarioSource.js";
import { durationInBlocks } from "../../../scenarios/schema.js";
import type { ScenarioProblem } from "../../../scenarios/ScenarioError.js";
import { planTasks } from "../../plan/planTasks.js";
import { ScenarioError } from "../../../scenarios/ScenarioError.js";
import { processContext, type CliContext } from "../context.js";
import { TaosimInputError, TaosimInputErrors } from "../errors.js";

/** Scenario problems as the CLI's input errors (printed one per line, exit 2). */
export function toInputErrors(problems: readonly ScenarioProblem[]): TaosimInputErrors {
  return new TaosimInputErrors(
    problems.map((p) => new TaosimInputError({ file: p.file, line: p.line, col: p.col, path: p.path, expected: p.expected, found: p.found, code: "scenario" })),
  );
}

/** The summary printed for a valid scenario, or the input errors of an invalid one. */
export function validateScenarioSource(source: string): { ok: true; summary: string } | { ok: false; error: TaosimInputErrors } {
  const check = checkScenarioSource(source);
  if (!check.ok) return { ok: false, error: toInputErrors(check.problems) };
  let plan;
  try {
    plan = planTasks(check.loaded);
  } catch (err) {
    if (err instanceof ScenarioError) return { ok: false, error: toInputErrors(err.problems) };
    throw err;
  }
  const s = check.loaded.scenario;
  const points = plan.points.length;
  const summary =
    `${check.loaded.file}: valid: scenario ${s.name}, ${s.subnets.length} subnet${s.subnets.length === 1 ? "" : "s"}, ` +
    `${durationInBlocks(s)} blocks, ${plan.tasks.length} task${plan.tasks.length === 1 ? "" : "s"} ` +
    `(${points} sweep point${points === 1 ? "" : "s"} × ${plan.replicates} replicate${plan.replicates === 1 ? "" : "s"})`;
  return { ok: true, summary };
}

export function register(program: Command, ctx: CliContext = processContext): void {
  program
    .command("validate")
    .description("check a scenario without running it; prints every problem")
    .argument("<scenario>", "a scenario YAML file or a built-in scenario name")
    .action((source: string) => {
      const result = validateScenarioSource(source);
      if (!result.ok) throw result.error;
      ctx.io.writeOut(`${result.summary}\n`);
    });
}
