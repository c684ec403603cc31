// Worker module for a piscina pool: `new Piscina({ filename: <this file> })`, then `pool.run(task)`.
import { executeGuaranteeTask, type GuaranteeTask } from "./guaranteeExecutor.js";

export default function guaranteeWorker(task: GuaranteeTask): Float64Array {
  return executeGuaranteeTask(task);
}
