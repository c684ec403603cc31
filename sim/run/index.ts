// sim/run: one task start to finish (executeRun), its samplers and typed tables, and the runner
// module sim/parallel loads (taskRunner.ts: runTask).
export { executeRun, type RunResult, type RunTables, type ExecuteOptions } from "./runTask.js";
export { SAMPLERS, neuronsSampler, subnetsSampler, chainSampler, type Sampler, type SampleView, type TableName } from "./samplers.js";
export { ColumnTable, type ColumnSpec, type Cell } from "./ColumnTable.js";
export { csvHeader, csvRows } from "./tableCsv.js";
