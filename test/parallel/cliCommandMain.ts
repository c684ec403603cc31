// One `taosim` command for the queue fault tests (`cliCommandMain.ts worker --queue …`): the real
// command module (options, messages, signals, exit codes) registered on its own, so a test process
// starts in a fraction of the time the whole CLI takes to load. Errors map to exit codes as main.ts
// maps them.
import { Command } from "commander";
import type { CommandModule } from "../../sim/cli/main.js";
import { processContext } from "../../sim/cli/context.js";
import { CommandExit, isTaosimInputError, INPUT_ERROR_EXIT_CODE } from "../../sim/cli/errors.js";

const [name, ...args] = process.argv.slice(2);
const command = (await import(`../../sim/cli/commands/${name}.js`)) as CommandModule;
const program = new Command("taosim").exitOverride();
command.register(program, processContext);
try {
  await program.parseAsync([name, ...args], { from: "user" });
} catch (err) {
  if (err instanceof CommandExit) process.exitCode = err.exitCode;
  else if (isTaosimInputError(err)) (process.stderr.write(`${err.format()}\n`), (process.exitCode = INPUT_ERROR_EXIT_CODE));
  else (process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`), (process.exitCode = 1));
}
