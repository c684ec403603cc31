// `taosim epoch --snapshot FILE --netuid N [--block B] [--arith exact|float]`: the epoch the chain
// would run next on subnet N from a `taosim.snapshot/1` state, printed as one `taosim.epochResult/1`
// (the same output as `taosim epoch`). The input is sim/snapshot/snapshotEpochInput.ts, which the
// engine uses for its first epoch of an imported subnet. Bad input: every problem, exit 2, no output.
import { TaosimInputError, TaosimInputErrors } from "../errors.js";
import type { CliContext } from "../context.js";
import { formatEpochResult } from "../formatEpochResult.js";
import { checkSnapshotFile } from "../../snapshot/loadSnapshot.js";
import { findSnapshotSubnet, snapshotEpochInput, SnapshotEpochError } from "../../snapshot/snapshotEpochInput.js";
import { loadEpochKernel, parseArith, type EpochCommandOptions, type EpochKernel } from "./epoch.js";

function optionError(path: string, expected: string, found: string): TaosimInputError {
  return new TaosimInputError({ path, expected, found, code: "cli-option" });
}

/** A decimal integer option in [min, max], or undefined when absent. */
function integerOption(name: string, value: string | undefined, min: number, max: number, what: string): number | undefined {
  if (value === undefined) return undefined;
  const n = /^[0-9]{1,16}$/.test(value) ? Number(value) : NaN;
  if (Number.isSafeInteger(n) && n >= min && n <= max) return n;
  throw optionError(name, what, JSON.stringify(value));
}

export async function runSnapshotEpochCommand(
  file: string | undefined,
  options: EpochCommandOptions,
  ctx: CliContext,
  kernel?: EpochKernel,
): Promise<void> {
  const arith = parseArith(options.arith);
  if (options.snapshot === undefined) {
    if (file === undefined) throw optionError("<file>", "a taosim.epoch/1 file (or - for stdin), or --snapshot FILE --netuid N", "nothing");
    throw optionError(options.netuid !== undefined ? "--netuid" : "--block", "--snapshot FILE with it", "no --snapshot");
  }
  if (file !== undefined) throw optionError("<file>", "either a taosim.epoch/1 file or --snapshot FILE, not both", JSON.stringify(file));
  const netuid = integerOption("--netuid", options.netuid, 1, 65_535, "a netuid from 1 to 65535");
  if (netuid === undefined) throw optionError("--netuid", "the netuid of a subnet in the snapshot", "nothing");
  const block = integerOption("--block", options.block, 0, Number.MAX_SAFE_INTEGER, "a block number (integer ≥ 0)");
  const check = checkSnapshotFile(options.snapshot);
  if (!check.ok) throw new TaosimInputErrors(check.errors);
  if (findSnapshotSubnet(check.snapshot, netuid) === undefined) {
    const have = check.snapshot.subnets.map((s) => s.netuid).join(", ");
    throw optionError("--netuid", `a netuid of the snapshot (${have})`, String(netuid));
  }
  let input;
  try {
    input = snapshotEpochInput(check.snapshot, netuid, block);
  } catch (err) {
    if (!(err instanceof SnapshotEpochError)) throw err;
    throw check.doc.error(err.path, err.expected, err.found, { code: "snapshot" });
  }
  const run = kernel ?? (await loadEpochKernel());
  ctx.io.writeOut(`${formatEpochResult(run(input, arith))}\n`);
}
