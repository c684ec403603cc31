// Re-runs one task deterministically up to the requested epoch of one subnet, recording that subnet's epoch
// trace, and stops the engine right after that epoch's neuron rows were sampled (nothing later is run).
import { EpochTrace } from "../../models/consensus/epochTrace.js";
import type { EpochInput, EpochOutput } from "../../models/consensus/types.js";
import { TaosimInputError } from "../cli/errors.js";
import { executeRun, type RunResult } from "../run/runTask.js";
import type { SubnetWorld } from "../world/SubnetWorld.js";
import type { ExplainTask } from "./runFolder.js";

export interface EpochCapture {
  trace: EpochTrace;
  input: EpochInput;
  output: EpochOutput;
  run: RunResult;
}

export function rerunToEpoch(task: ExplainTask, netuid: number, epoch: number): EpochCapture {
  const trace = new EpochTrace();
  let sub: SubnetWorld | null = null;
  let captured: { input: EpochInput; output: EpochOutput } | null = null;
  const run = executeRun(task.spec, task.scenario, {
    epochObserver: {
      start(world) {
        sub = world.subnets.find((s) => s.publicNetuid === netuid) ?? null;
        if (sub === null) throw new TaosimInputError({ file: "<args>", path: "--netuid", expected: `a netuid of the scenario: ${world.subnets.map((s) => s.publicNetuid).join(", ")}`, found: String(netuid), code: "cli-option" });
        if (sub.variantEpoch !== null) throw new TaosimInputError({ file: "<args>", path: "--netuid", expected: "a subnet running the chain's epoch (explain follows its trace)", found: `netuid ${netuid} runs a research Yuma variant`, code: "cli-option" });
        if (epoch <= 1) sub.scratch.trace = trace; // the first epoch: record from the start
      },
      afterEpoch(world, internal) {
        if (sub === null || internal !== sub.netuid) return false;
        const index = world.econ.epochIndex[internal];
        if (index === epoch - 1) sub.scratch.trace = trace; // only the requested epoch records
        if (index < epoch) return false;
        if (sub.lastOutput !== null && world.econ.epochIndex[internal] === epoch) captured = { input: sub.input, output: sub.lastOutput };
        return true;
      },
    },
  });
  const got = captured as { input: EpochInput; output: EpochOutput } | null;
  if (got === null) throw new Error(`the re-run did not reach epoch ${epoch} of netuid ${netuid}`);
  return { trace, input: got.input, output: got.output, run };
}
