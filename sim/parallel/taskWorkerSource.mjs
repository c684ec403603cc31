// Piscina worker file when taosim runs from source (tsx, vitest). Node 20 workers do not inherit
// the parent's loader hooks, so this registers tsx in the worker thread and serves the TypeScript
// entry. `move` is imported before tsx is registered: it must come from the same piscina instance
// as the worker harness (a second instance would not mark results as movable).
import { move } from "piscina";
import { register } from "tsx/esm/api";

register();
const { runTaskForPool } = await import("./taskWorker.ts");

export default function runInWorker(request) {
  return runTaskForPool(request, move);
}
