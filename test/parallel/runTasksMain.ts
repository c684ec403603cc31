// A child process for the kill test: runs a fake sweep into argv[2] (scenario JSON in argv[3]).
import { runTasks } from "../../sim/parallel/runTasks.js";
import { FAKE_RUNNER, fakeHeader, fakeTasks } from "./fakeTasks.js";

const [outDir, scenarioJson, workers] = process.argv.slice(2);
const tasks = fakeTasks({ points: 4, replicates: 4, scenario: JSON.parse(scenarioJson) });
await runTasks({ tasks, runnerModule: FAKE_RUNNER, outDir, header: fakeHeader(tasks), workers: Number(workers ?? 1) });
