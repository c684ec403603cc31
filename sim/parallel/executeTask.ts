// The one worker entry every executor calls (inline, piscina, queue): runs one task with the named
// runner and turns anything it throws into a failed outcome, so one bad task never stops a sweep.
import { loadRunner } from "./loadRunner.js";
import { checkTaskResult } from "./checkTaskResult.js";
import { errorInfo, runSpecOf, type TaskOutcome, type WorkerRequest } from "./types.js";

export async function executeTask(request: WorkerRequest): Promise<TaskOutcome> {
  const spec = runSpecOf(request.spec);
  try {
    const runner = await loadRunner(request.runnerModule);
    const result = await runner(request.spec, request.input);
    return { status: "ok", spec, tables: checkTaskResult(result) };
  } catch (err) {
    return { status: "failed", spec, error: errorInfo(err) };
  }
}
