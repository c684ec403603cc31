// Guards the runner boundary: a result must be a list of uniquely named tables whose names are safe
// file stems and whose rows are bytes. A runner that breaks this is a bug, reported as a failed task.
import type { TaskResult, TaskTable } from "./types.js";

const TABLE_NAME = /^[a-z0-9][a-z0-9_-]*$/;

export function checkTaskResult(result: TaskResult): TaskTable[] {
  if (result === null || typeof result !== "object" || !Array.isArray(result.tables)) {
    throw new TypeError("task runner: expected a result { tables: TaskTable[] }");
  }
  const seen = new Set<string>();
  for (const table of result.tables) {
    if (!TABLE_NAME.test(table.name)) throw new TypeError(`task runner: table name ${JSON.stringify(table.name)} is not [a-z0-9_-]+`);
    if (seen.has(table.name)) throw new TypeError(`task runner: table ${table.name} returned twice`);
    if (typeof table.header !== "string" || /[\r\n]/.test(table.header)) throw new TypeError(`task runner: table ${table.name}: header must be one line`);
    if (!(table.rows instanceof Uint8Array)) throw new TypeError(`task runner: table ${table.name}: rows must be a Uint8Array`);
    if (table.rows.length > 0 && table.rows[table.rows.length - 1] !== 0x0a) throw new TypeError(`task runner: table ${table.name}: rows must end with a line break`);
    seen.add(table.name);
  }
  return result.tables;
}
