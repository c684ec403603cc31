// The workers bench's task runner: the sim/parallel tests' fake runner, re-exported from bench/ so the
// build compiles it next to the bench (a worker running from dist/ cannot load the .ts source).
export { runTask } from "../../test/parallel/fakeRunner.js";
