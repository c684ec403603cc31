#!/usr/bin/env node
// The `taosim` command line. Each command lives in `commands/<name>.ts` and exports
// `register(program, ctx)`; this file wires them up and maps errors to exit codes:
// input errors print `taosim: <file>:<line>:<col>: <path>: expected …, found …` and exit 2
// (nothing on stdout), bugs print their stack and exit 1.

import { readFileSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Command, CommanderError } from "commander";
import * as benchCommand from "./commands/bench.js";
import * as epochCommand from "./commands/epoch.js";
import * as explainCommand from "./commands/explain.js";
import * as listCommand from "./commands/list.js";
import * as mergeCommand from "./commands/merge.js";
import * as quoteCommand from "./commands/quote.js";
import * as reportCommand from "./commands/report.js";
import * as runCommand from "./commands/run.js";
import * as showCommand from "./commands/show.js";
import * as validateCommand from "./commands/validate.js";
import * as workerCommand from "./commands/worker.js";
import { processContext, type CliContext, type CliIo } from "./context.js";
import { CommandExit, isTaosimInputError, INPUT_ERROR_EXIT_CODE } from "./errors.js";

export interface CommandModule {
  register(program: Command, ctx: CliContext): void;
}

/** Every command, in the order `taosim --help` lists them. */
export const COMMAND_MODULES: readonly CommandModule[] = [runCommand, validateCommand, listCommand, showCommand, epochCommand, explainCommand, quoteCommand, benchCommand, reportCommand, mergeCommand, workerCommand];

export function buildProgram(ctx: CliContext, commands: readonly CommandModule[] = COMMAND_MODULES): Command {
  const program = new Command("taosim")
    .description("deterministic simulator of the Bittensor network, exact to the chain's fixed-point maths")
    .version(packageVersion())
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.io.writeOut(text),
      writeErr: (text) => ctx.io.writeErr(text),
      outputError: (text, write) => write(text.replace(/^error: /, "taosim: ")),
    });
  for (const command of commands) command.register(program, ctx);
  return program;
}

/** Runs the CLI on user arguments (without `node` and the script) and returns the exit code. */
export async function main(
  args: readonly string[],
  ctx: CliContext = processContext,
  commands: readonly CommandModule[] = COMMAND_MODULES,
): Promise<number> {
  try {
    await buildProgram(ctx, commands).parseAsync([...args], { from: "user" });
    return 0;
  } catch (err) {
    return reportError(err, ctx.io);
  }
}

/** Prints an error the way its kind requires and returns the exit code. */
export function reportError(err: unknown, io: CliIo): number {
  if (err instanceof CommandExit) return err.exitCode;
  if (isTaosimInputError(err)) {
    io.writeErr(`${err.format()}\n`);
    return INPUT_ERROR_EXIT_CODE;
  }
  if (err instanceof CommanderError) {
    // Commander has already printed its message (or the help/version text).
    return err.exitCode === 0 ? 0 : INPUT_ERROR_EXIT_CODE;
  }
  io.writeErr(`${err instanceof Error ? (err.stack ?? String(err)) : String(err)}\n`);
  return 1;
}

function packageVersion(): string {
  // From sim/cli (tsx) or dist/sim/cli (built), walk up to taosim's package.json.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up++, dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "taosim" && pkg.version) return pkg.version;
    } catch {
      // not here; keep walking up
    }
  }
  return "0.0.0";
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0); // reader went away (e.g. `| head`)
    throw err;
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
