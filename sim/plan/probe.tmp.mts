import { main } from "../cli/main.js";
import { buildProgram } from "../cli/main.js";
import * as v from "../cli/commands/validate.js"; import * as l from "../cli/commands/list.js"; import * as s from "../cli/commands/show.js";
import { processContext } from "../cli/context.js";
import { reportError } from "../cli/main.js";
const args = process.argv.slice(2);
try { await buildProgram(processContext, [v, l, s]).parseAsync(args, { from: "user" }); } catch (e) { process.exitCode = reportError(e, processContext.io); }
